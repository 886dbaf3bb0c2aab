import { readdirSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it, vi } from "vitest";

// The media route reads the process's upload store: point it at a folder of this file's own.
const uploadsDir = await vi.hoisted(async () => {
  const [{ mkdtempSync }, { tmpdir }, { join }] = await Promise.all([
    import("node:fs"),
    import("node:os"),
    import("node:path"),
  ]);
  const dir = mkdtempSync(join(tmpdir(), "marquee-up-"));
  process.env.UPLOADS_DIR = dir;
  return dir;
});

import { GET as mediaRoute } from "@/app/media/[...path]/route";
import { db } from "@/lib/db";
import { setEventImage } from "@/lib/events/event-images";
import { eventImageUrls } from "@/lib/events/image-urls";
import { services } from "@/lib/services";
import { createUserWithToken } from "../support/factories";
import { addMember, createOrganizerOrganization, createVenue } from "../support/venue-fixtures";

async function draftEvent() {
  const { organization, owner } = await createOrganizerOrganization();
  const venue = await createVenue(organization.id);
  const event = await db.event.create({
    data: {
      organizationId: organization.id,
      venueId: venue.id,
      slug: `img-${Math.random().toString(36).slice(2)}`,
      title: "Pictured",
      description: "",
      performers: [],
      category: "FAMILY",
      tags: [],
      startsAt: new Date(Date.now() + 86_400_000),
      endsAt: new Date(Date.now() + 90_000_000),
      onSaleAt: new Date(),
    },
  });
  const actor = {
    userId: owner.user.id,
    email: owner.user.email,
    name: "o",
    role: "ORGANIZER" as const,
    via: "token" as const,
  };
  return { organization, event, actor };
}

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 90 } } })
    .jpeg({ quality: 70 })
    .toBuffer();

describe("event images", () => {
  it("stores three WebP widths, never enlarged, and serves them with a year-long cache", async () => {
    const { event, actor } = await draftEvent();
    const started = performance.now();
    const basePath = await setEventImage(services(), { actor, eventId: event.id, bytes: await photo(2400, 1350) });
    console.info(`resized a 2400×1350 JPEG to 3 WebP widths in ${Math.round(performance.now() - started)} ms`);
    expect(basePath).toMatch(new RegExp(`^events/${event.id}/[a-f0-9]{16}\\.webp$`));
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).imagePath).toBe(basePath);
    expect(readdirSync(path.join(uploadsDir, "events", event.id)).sort()).toHaveLength(3);

    const urls = eventImageUrls(basePath);
    for (const [url, width] of urls.srcSet.split(", ").map((entry) => entry.split(" ")) as [string, string][]) {
      const response = await mediaRoute(new Request(`http://localhost:3000${url}`), {
        params: Promise.resolve({ path: url.replace("/media/", "").split("/") }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/webp");
      expect(response.headers.get("cache-control")).toContain("immutable");
      const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect(meta.format).toBe("webp");
      expect(meta.width).toBe(Number(width.slice(0, -1)));
    }

    const small = await setEventImage(services(), { actor, eventId: event.id, bytes: await photo(300, 200) });
    const widths = await Promise.all(
      [480, 960, 1600].map(
        async (w) => (await sharp(path.join(uploadsDir, small.replace(".webp", `-${w}.webp`))).metadata()).width,
      ),
    );
    expect(widths).toEqual([300, 300, 300]);
  });

  it("refuses what is not an image, oversized files and other people's events", async () => {
    const { event, actor, organization } = await draftEvent();
    const upload = (bytes: Uint8Array, who = actor) =>
      setEventImage(services(), { actor: who, eventId: event.id, bytes });
    await expect(upload(new TextEncoder().encode("<svg onload=alert(1)>"))).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    await expect(upload(new Uint8Array(2 * 1024 * 1024))).rejects.toMatchObject({ code: "VALIDATION_FAILED" });

    const stranger = await createUserWithToken("ORGANIZER");
    const strangerActor = { ...actor, userId: stranger.user.id, email: stranger.user.email };
    await expect(upload(await photo(100, 100), strangerActor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const staff = await addMember(organization.id, "CHECK_IN");
    await expect(upload(await photo(100, 100), { ...actor, userId: staff.user.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).imagePath).toBeNull();
  });

  it("serves nothing outside the store", async () => {
    for (const segments of [
      ["..", "..", "etc", "passwd"],
      ["events", "x", "notes.txt"],
      ["events", "..%2f..", "a.webp"],
    ]) {
      const response = await mediaRoute(new Request("http://localhost:3000/media/x"), {
        params: Promise.resolve({ path: segments }),
      });
      expect(response.status).toBe(404);
    }
  });
});

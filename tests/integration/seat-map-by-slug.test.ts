import { describe, expect, it } from "vitest";
import { GET as availabilityRoute } from "@/app/api/v1/events/[eventId]/availability/route";
import { GET as seatMapRoute } from "@/app/api/v1/events/[eventId]/seat-map/route";
import { db } from "@/lib/db";
import { SEAT_MAP_VERSION_HEADER, decodeSeatGeometry } from "@/lib/events/seat-geometry-format";
import { call } from "../support/http";
import { createSaleEvent } from "../support/inventory-fixtures";

// The event page asks for the seat map by slug while the live panel (which names the versioned URL)
// is on its way; the two must agree on the version, and a draft stays private either way.
const seatMap = (eventId: string, query = "") =>
  call(seatMapRoute, { path: `/api/v1/events/${eventId}/seat-map${query}`, params: { eventId } });

describe("seat-map geometry by slug", () => {
  it("is the panel's current version, to be revalidated, with the same seats as the versioned URL", async () => {
    const { event, seats } = await createSaleEvent({ seatCount: 6 });
    const panel = await call(availabilityRoute, { params: { eventId: event.slug } });
    const url = new URL(panel.json.seatMap.url, "http://localhost");
    const version = url.searchParams.get("v")!;

    const bySlug = await seatMap(event.slug);
    expect(bySlug.status).toBe(200);
    expect(bySlug.headers.get(SEAT_MAP_VERSION_HEADER)).toBe(version);
    expect(bySlug.headers.get("cache-control")).toBe("public, no-cache");
    expect(
      decodeSeatGeometry(bySlug.json)
        ?.seats.map((s) => s.id)
        .sort(),
    ).toEqual(seats.map((s) => s.id).sort());

    const versioned = await seatMap(event.id, `?v=${version}`);
    expect(versioned.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(versioned.text).toBe(bySlug.text);
  });

  it("is not found for a draft, by slug or by id, nor for an unknown slug", async () => {
    const { event } = await createSaleEvent({ seatCount: 2 });
    await db.event.update({ where: { id: event.id }, data: { status: "DRAFT" } });
    for (const response of [await seatMap(event.slug), await seatMap(event.id, "?v=1-x"), await seatMap("no-such")]) {
      expect(response.status).toBe(404);
      expect(response.json.error.code).toBe("NOT_FOUND");
    }
  });
});

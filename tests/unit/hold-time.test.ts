import { describe, expect, it, vi } from "vitest";
import { formatSecondsLeft, isAnnouncedSecond, spokenTimeLeft } from "@/components/checkout/countdown";
import { heldWords } from "@/components/checkout/held-words";
import { asMyHolds, fetchMyHolds } from "@/components/ticket-picker/my-holds-api";

describe("the time left on a hold", () => {
  it("reads as minutes and seconds, hours past an hour", () => {
    expect(formatSecondsLeft(492)).toBe("8:12");
    expect(formatSecondsLeft(9)).toBe("0:09");
    expect(formatSecondsLeft(86_399)).toBe("23:59:59");
  });

  it("is announced at a few moments, not every second", () => {
    const announced = Array.from({ length: 600 }, (_, i) => 600 - i).filter(isAnnouncedSecond);
    expect(announced).toEqual([600, 300, 120, 60, 30]);
    expect(isAnnouncedSecond(0)).toBe(false);
  });

  it("is spoken in words", () => {
    expect(spokenTimeLeft(300)).toBe("5 minutes");
    expect(spokenTimeLeft(60)).toBe("1 minute");
    expect(spokenTimeLeft(30)).toBe("30 seconds");
  });
});

describe("heldWords", () => {
  it("names seats, tickets and a mix with the verb that agrees", () => {
    const seat = { seat: { id: "s" }, quantity: 1 };
    expect(heldWords([seat, seat])).toEqual({ text: "2 seats", count: 2, verb: "are" });
    expect(heldWords([seat])).toEqual({ text: "1 seat", count: 1, verb: "is" });
    expect(heldWords([{ seat: null, quantity: 3 }])).toEqual({ text: "3 tickets", count: 3, verb: "are" });
    expect(heldWords([seat, { seat: null, quantity: 1 }]).text).toBe("2 tickets");
  });
});

describe("fetchMyHolds", () => {
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

  it("asks nothing more of the API for a visitor who isn't signed in", async () => {
    const fetcher = vi.fn<typeof fetch>(async () => json({}));
    expect(await fetchMyHolds("e1", undefined, fetcher)).toBeNull();
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(fetcher.mock.calls[0]![0]).toBe("/api/auth/session");
  });

  it("reads a signed-in fan's holds for the event", async () => {
    const hold = { holdId: "h1", expiresAt: "2026-12-01T20:10:00.000Z", items: [], seatIds: ["s1"] };
    const fetcher = vi.fn<typeof fetch>(async (url) =>
      url === "/api/auth/session"
        ? json({ user: { name: "Fan" } })
        : json({ now: "2026-12-01T20:00:00.000Z", holds: [hold] }),
    );
    expect(await fetchMyHolds("e 1", undefined, fetcher)).toEqual({ now: "2026-12-01T20:00:00.000Z", holds: [hold] });
    expect(fetcher.mock.calls[1]![0]).toBe("/api/v1/me/holds?eventId=e%201");
  });

  it("treats an answer of another shape as none", () => {
    expect(asMyHolds({ holds: [] })).toBeNull();
    expect(asMyHolds({ now: "x", holds: [{ holdId: 1 }] })).toEqual({ now: "x", holds: [] });
  });
});

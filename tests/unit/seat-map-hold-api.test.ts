import { describe, expect, it, vi } from "vitest";
import { MESSAGES, fetchUnavailableSeats, holdResult, postHold } from "@/components/ticket-picker/hold-api";
import type { SeatMapSeat } from "@/components/ticket-picker/types";
import { applyStatuses, markSeats } from "@/components/ticket-picker/use-live-seats";

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

describe("postHold", () => {
  it("posts JSON with the session cookie and returns the hold", async () => {
    const fetcher = vi.fn<typeof fetch>(async () =>
      jsonResponse(201, { holdId: "h1", expiresAt: "2027-01-01T00:00:00Z", items: [] }),
    );
    const result = await postHold("ev 1", { seatIds: ["a", "b"] }, fetcher);
    expect(result).toEqual({ ok: true, hold: { holdId: "h1", expiresAt: "2027-01-01T00:00:00Z", items: [] } });
    const [url, init] = fetcher.mock.calls[0]!;
    expect(url).toBe("/api/v1/events/ev%201/holds");
    expect(init).toMatchObject({ method: "POST", credentials: "same-origin", body: '{"seatIds":["a","b"]}' });
  });

  it("says so when the network is down", async () => {
    const fetcher = vi.fn<typeof fetch>(async () => {
      throw new TypeError("Failed to fetch");
    });
    expect(await postHold("e", { ticketTypeId: "t", quantity: 2 }, fetcher)).toMatchObject({
      ok: false,
      message: MESSAGES.offline,
    });
  });
});

describe("holdResult", () => {
  it("turns 409 SEAT_UNAVAILABLE into the seats and tiers that were taken", () => {
    const body = {
      error: {
        code: "SEAT_UNAVAILABLE",
        message: "Seat taken",
        details: { unavailableSeatIds: ["s1", 7], unavailableTicketTypeIds: ["t1"] },
      },
    };
    expect(holdResult(409, body)).toEqual({
      ok: false,
      kind: "unavailable",
      message: "Seat taken",
      seatIds: ["s1"],
      ticketTypeIds: ["t1"],
    });
  });

  it("passes on the server's message for limits, sale windows and bad requests", () => {
    const limit = { error: { code: "LIMIT_EXCEEDED", message: "You can buy at most 8 tickets for this event." } };
    expect(holdResult(409, limit)).toEqual({ ok: false, kind: "rejected", ...limit.error });
    const notOnSale = { error: { code: "EVENT_NOT_ON_SALE", message: "Sales have ended." } };
    expect(holdResult(409, notOnSale)).toMatchObject({ kind: "rejected", message: "Sales have ended." });
    const invalid = { error: { code: "VALIDATION_FAILED", message: "pick at least one seat" } };
    expect(holdResult(400, invalid)).toMatchObject({ kind: "rejected", message: "pick at least one seat" });
  });

  it("handles sign-in, rate limiting, server errors and junk", () => {
    expect(holdResult(401, { error: { code: "UNAUTHENTICATED", message: "Sign in" } })).toMatchObject({
      kind: "unauthenticated",
    });
    expect(holdResult(429, null)).toMatchObject({ kind: "rejected", message: MESSAGES.rateLimited });
    expect(holdResult(500, { error: { code: "INTERNAL", message: "Internal error" } })).toMatchObject({
      message: MESSAGES.server,
    });
    expect(holdResult(201, { nope: true })).toMatchObject({ ok: false, message: MESSAGES.server });
    expect(holdResult(400, "<html>")).toMatchObject({ ok: false, message: MESSAGES.server });
  });
});

describe("seat status polling", () => {
  const seats: SeatMapSeat[] = ["a", "b", "c"].map((id, i) => ({
    id,
    section: "101",
    row: "A",
    number: String(i + 1),
    x: i * 7,
    y: 0,
    ticketTypeId: "t",
    status: id === "c" ? "SOLD" : "AVAILABLE",
  }));

  it("reads the unavailable map and ignores anything else", async () => {
    const fetcher = vi.fn<typeof fetch>(async () =>
      jsonResponse(200, { unavailable: { a: "HELD", c: "SOLD", z: "WEIRD" } }),
    );
    expect(await fetchUnavailableSeats("e", undefined, fetcher)).toEqual({ a: "HELD", c: "SOLD" });
    expect(fetcher.mock.calls[0]![0]).toBe("/api/v1/events/e/seats?statusOnly=1");
    expect(await fetchUnavailableSeats("e", undefined, async () => jsonResponse(503, {}))).toBeNull();
  });

  it("keeps unchanged seat objects, and the array when nothing changed, so memoised sections don't re-render", () => {
    const same = applyStatuses(seats, { c: "SOLD" });
    expect(same).toBe(seats);
    const next = applyStatuses(seats, { a: "HELD" });
    expect(next).not.toBe(seats);
    expect(next.map((s) => s.status)).toEqual(["HELD", "AVAILABLE", "AVAILABLE"]);
    expect(next[1]).toBe(seats[1]);
    expect(applyStatuses(next, { a: "HELD" })).toBe(next);
  });

  it("marks seats the server refused as taken", () => {
    const marked = markSeats(seats, ["b"], "HELD");
    expect(marked.map((s) => s.status)).toEqual(["AVAILABLE", "HELD", "SOLD"]);
    expect(marked[0]).toBe(seats[0]);
  });
});

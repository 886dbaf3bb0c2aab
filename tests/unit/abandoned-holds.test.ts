import { describe, expect, it } from "vitest";
import {
  ABANDONED_HOLDS_ALLOWED,
  ABANDONED_HOLDS_WINDOW_MS,
  assertNotSquatting,
} from "@/lib/inventory/abandoned-holds";

const now = new Date("2026-12-01T20:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe("the cool-down after holds let go", () => {
  it("allows a new hold while fewer than the allowance ended without an order", () => {
    expect(ABANDONED_HOLDS_ALLOWED).toBe(3);
    expect(() => assertNotSquatting([], now)).not.toThrow();
    expect(() => assertNotSquatting([minutesAgo(30), minutesAgo(5)], now)).not.toThrow();
  });

  it("refuses with 429 until the oldest that keeps the allowance full has left the hour", () => {
    const refuse = (endedAt: (Date | string)[]) => {
      try {
        assertNotSquatting(endedAt, now);
      } catch (error) {
        return error as { code: string; status: number; message: string; details: { retryAfterSeconds: number } };
      }
      throw new Error("not refused");
    };
    const three = refuse([minutesAgo(50), minutesAgo(20), minutesAgo(10)]);
    expect(three).toMatchObject({ code: "RATE_LIMITED", status: 429, details: { retryAfterSeconds: 10 * 60 } });
    expect(three.message).toBe(
      "You let 3 holds for this event go in the last hour, so other fans get a turn. " +
        "You can hold tickets for it again in 10 minutes.",
    );
    // With four, two must leave the window: the wait is until the second oldest does.
    expect(refuse([minutesAgo(59), minutesAgo(40), minutesAgo(20), minutesAgo(1)]).details.retryAfterSeconds).toBe(
      20 * 60,
    );
    // The driver may hand timestamps over as text without a zone: they are UTC.
    const text = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "");
    expect(refuse([text(minutesAgo(59.5)), text(minutesAgo(2)), text(minutesAgo(1))]).details).toEqual({
      retryAfterSeconds: 30,
      reason: "ABANDONED_HOLDS",
    });
    expect(ABANDONED_HOLDS_WINDOW_MS).toBe(60 * 60_000);
  });
});

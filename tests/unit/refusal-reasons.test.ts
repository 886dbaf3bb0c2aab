import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { refusalReasonOf } from "@/lib/refusals/reasons";

describe("which errors are refusals of the fan", () => {
  it("names the refusals, and leaves out errors that are not one", () => {
    const cases: [unknown, string | null][] = [
      [new AppError("QUEUE_REQUIRED", "Join the queue."), "QUEUE_REQUIRED"],
      [new AppError("EMAIL_NOT_VERIFIED", "Confirm it."), "EMAIL_NOT_VERIFIED"],
      [new AppError("LIMIT_EXCEEDED", "At most 4.", { perOrderLimit: 4, alreadyTaken: 3 }), "FAN_LIMIT"],
      [new AppError("LIMIT_EXCEEDED", "At most 2 VIP.", { ticketTypeId: "t", maxPerOrder: 2 }), null],
      [
        new AppError("RATE_LIMITED", "Wait.", { retryAfterSeconds: 5, reason: "HOLD_RATE_ADDRESS" }),
        "HOLD_RATE_ADDRESS",
      ],
      [new AppError("RATE_LIMITED", "Wait.", { retryAfterSeconds: 5, reason: "ABANDONED_HOLDS" }), "ABANDONED_HOLDS"],
      // The payment provider being busy refuses nobody in particular.
      [new AppError("RATE_LIMITED", "Busy, try again in 1 second.", { retryAfterSeconds: 1 }), null],
      [new AppError("RATE_LIMITED", "Wait.", { retryAfterSeconds: 1, reason: "SOMETHING_ELSE" }), null],
      [new AppError("SEAT_UNAVAILABLE", "Taken."), null],
      [new Error("boom"), null],
    ];
    for (const [error, reason] of cases) expect(refusalReasonOf(error), String(error)).toBe(reason);
  });
});

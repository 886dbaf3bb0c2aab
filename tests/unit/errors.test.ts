import { describe, expect, it } from "vitest";
import { AppError, errorBody } from "@/lib/errors";
import { route } from "@/lib/http";
import { call } from "../support/http";

describe("errors", () => {
  it("map codes to statuses and to the JSON error shape", () => {
    const error = new AppError("SEAT_UNAVAILABLE", "Seat taken", { seatIds: ["a"] });
    expect(error.status).toBe(409);
    expect(errorBody(error)).toEqual({
      error: { code: "SEAT_UNAVAILABLE", message: "Seat taken", details: { seatIds: ["a"] } },
    });
    expect(errorBody(new AppError("NOT_FOUND", "No"))).toEqual({ error: { code: "NOT_FOUND", message: "No" } });
  });

  it("turn an unexpected exception into a 500 that leaks nothing but the request id", async () => {
    const handler = route({ access: "public" }, async () => {
      throw new Error("connection string postgres://secret@db");
    });
    const { status, json } = await call(handler, { headers: { "x-request-id": "req-123" } });
    expect(status).toBe(500);
    expect(json).toEqual({
      error: { code: "INTERNAL", message: expect.any(String), details: { requestId: "req-123" } },
    });
    expect(JSON.stringify(json)).not.toContain("secret");
  });
});

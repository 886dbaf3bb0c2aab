import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { enforceRateLimit } from "@/lib/rate-limit";
import { services } from "@/lib/services";

describe("rate limits (PostgreSQL windows)", () => {
  it("lets the limit through, then answers RATE_LIMITED with a retry hint", async () => {
    const key = `test:${randomUUID()}`;
    for (let i = 0; i < 3; i++) await enforceRateLimit(services(), { key, limit: 3, windowSeconds: 60 });
    await expect(enforceRateLimit(services(), { key, limit: 3, windowSeconds: 60 })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      details: { retryAfterSeconds: expect.any(Number) },
    });
  });

  it("counts concurrent requests exactly", async () => {
    const key = `test:${randomUUID()}`;
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => enforceRateLimit(services(), { key, limit: 5, windowSeconds: 60 })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
  });
});

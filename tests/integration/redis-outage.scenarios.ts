import { afterAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { POST as holdRoute } from "@/app/api/v1/events/[eventId]/holds/route";
import { GET as seatsRoute } from "@/app/api/v1/events/[eventId]/seats/route";
import { db } from "@/lib/db";
import { holdTickets } from "@/lib/orders/holds";
import { enforceRateLimit } from "@/lib/rate-limit";
import { services } from "@/lib/services";
import { createUserWithToken } from "../support/factories";
import { bearer, call } from "../support/http";
import { createSaleEvent } from "../support/inventory-fixtures";
import type { OwnRedisServer } from "../support/services";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries `attempt` until it passes; bounded by the test's own timeout, not by a threshold of ours. */
async function eventually(attempt: () => Promise<void>): Promise<void> {
  for (;;) {
    try {
      return await attempt();
    } catch {
      await sleep(100);
    }
  }
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, Math.round(performance.now() - started)];
}

async function sale() {
  const event = await createSaleEvent({ seatCount: 6 });
  const fan = await createUserWithToken("FAN");
  const hold = (seatIndex: number) =>
    call(holdRoute, {
      method: "POST",
      headers: bearer(fan.token),
      params: { eventId: event.event.id },
      body: { seatIds: [event.seats[seatIndex]!.id] },
    });
  const seats = () => call(seatsRoute, { params: { eventId: event.event.id }, path: "/?statusOnly=1" });
  const holdsInDatabase = () => db.hold.count({ where: { userId: fan.user.id } });
  return { event, fan, hold, seats, holdsInDatabase };
}

/** What every caller must see while Redis is away: a 503 in the error shape, with health saying so. */
async function expectUnavailable(s: Awaited<ReturnType<typeof sale>>, label: string, kind: string) {
  const [refused, holdMs] = await timed(() => s.hold(1));
  expect(refused.status).toBe(503);
  expect(refused.json).toEqual({
    error: { code: "SERVICE_UNAVAILABLE", message: expect.any(String), details: { retryAfterSeconds: 5 } },
  });
  // Once Redis is known to be down, later calls are refused without waiting (the figures are logged, not asserted).
  const [again, againMs] = await timed(() => s.hold(1));
  expect(again.status).toBe(503);
  expect((await s.seats()).status).toBe(503);
  await expect(
    enforceRateLimit(services(), { key: `outage:${s.fan.user.id}`, limit: 5, windowSeconds: 60 }),
  ).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
  // The hold itself (not only the rate limit in front of it) fails whole: no row survives the rollback.
  await expect(
    holdTickets(services(), {
      userId: s.fan.user.id,
      eventId: s.event.event.id,
      input: { seatIds: [s.event.seats[2]!.id] },
    }),
  ).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
  expect(await s.holdsInDatabase()).toBe(1);

  const report = await call(health, { path: "/api/health" });
  expect(report.status).toBe(503);
  expect(report.json.components.redis).toEqual({ status: "down", mode: kind });
  expect(JSON.stringify(report.json)).not.toMatch(/error|ECONNREFUSED|127\.0\.0\.1|timeout/i);
  console.info(`${label}: first hold refused in ${holdMs} ms, the next in ${againMs} ms`);
}

/** The outage scenarios, run once per Redis client (the test file points the app at its own server first). */
export function redisOutageScenarios(name: string, kind: "redis" | "upstash", server: OwnRedisServer) {
  describe(`holds, seat maps, rate limits and health while Redis is away (${name})`, () => {
    // A failed test must not leave the server stopped for the rest of the file; the file stops it.
    afterAll(() => server.resume());

    it("answers 503 while Redis accepts connections but never answers (SIGSTOP), then recovers", async () => {
      const s = await sale();
      expect(services().holds.kind).toBe("redis");
      expect((await s.hold(0)).status).toBe(201);

      server.pause();
      try {
        await expectUnavailable(s, `${name}, Redis stopped`, kind);
      } finally {
        server.resume();
      }
      await eventually(async () => expect((await s.hold(1)).status).toBe(201));
      expect((await s.seats()).status).toBe(200);
      expect((await call(health, { path: "/api/health" })).json.components.redis.status).toBe("up");
    });

    it("answers 503 while connections are refused (killed), then recovers when Redis is back", async () => {
      const s = await sale();
      expect((await s.hold(0)).status).toBe(201);

      await server.kill();
      try {
        await expectUnavailable(s, `${name}, Redis killed`, kind);
      } finally {
        await server.restart();
      }
      await eventually(async () => expect((await s.hold(1)).status).toBe(201));
      expect((await call(health, { path: "/api/health" })).json.components.redis.status).toBe("up");
    });
  });
}

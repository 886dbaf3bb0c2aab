import { afterAll, describe, expect, it } from "vitest";
import { createClient } from "redis";
import { POST as holdRoute } from "@/app/api/v1/events/[eventId]/holds/route";
import { db } from "@/lib/db";
import { holdTickets } from "@/lib/orders/holds";
import { postgresQueueStore } from "@/lib/queue/postgres-store";
import { PLACE, holdKeys } from "@/lib/inventory/redis/scripts";
import { redisHoldStore } from "@/lib/inventory/redis-hold-store";
import { createRateLimiter } from "@/lib/rate-limit";
import { refusalRecorder } from "@/lib/refusals/recorder";
import { nodeRedisConnection, type RedisConnection } from "@/lib/redis/client";
import { redisUnavailable } from "@/lib/redis/unavailable";
import { createUserWithToken } from "../support/factories";
import { bearer, call } from "../support/http";
import { createSaleEvent } from "../support/inventory-fixtures";

/**
 * A connection on which the acquire script runs in Redis but its answer is lost
 * (a timeout just after the server did the work) — and, with `releaseFails`,
 * on which the release that follows cannot reach Redis either.
 */
function lossy(real: RedisConnection, options: { releaseFails: boolean }): RedisConnection {
  return {
    kind: real.kind,
    ping: () => real.ping(),
    close: () => real.close(),
    async eval(script, keys, args) {
      if (script === PLACE) {
        await real.eval(script, keys, args);
        throw redisUnavailable();
      }
      if (options.releaseFails) throw redisUnavailable();
      return real.eval(script, keys, args);
    },
  };
}

/** Holds that failed after Redis ran their script: nothing half-written, and no seat blocked for longer than a hold. */
export function lostAnswerScenarios(redisUrl: string) {
  describe("a Redis answer lost after the hold script ran", () => {
    const real = nodeRedisConnection(redisUrl);
    const inspector = createClient({ url: redisUrl });
    inspector.on("error", () => undefined);
    afterAll(async () => {
      await real.close();
      inspector.destroy();
    });

    async function attempt(releaseFails: boolean, now?: () => Date) {
      const event = await createSaleEvent({ seatCount: 2 });
      // Far enough back that a shifted clock still sees the event on sale.
      await db.event.update({ where: { id: event.event.id }, data: { onSaleAt: new Date(Date.now() - 3_600_000) } });
      const fan = await createUserWithToken("FAN");
      const seatId = event.seats[0]!.id;
      const store = redisHoldStore(lossy(real, { releaseFails }));
      await expect(
        holdTickets(
          {
            db,
            holds: store,
            queue: postgresQueueStore(db),
            clock: now ?? (() => new Date()),
            config: { AUTH_SECRET: "unused-no-waiting-room-on-this-event" },
            rateLimiter: createRateLimiter({ db, redis: null }),
            refusals: refusalRecorder({ db, clock: () => new Date() }),
          },
          { userId: fan.user.id, eventId: event.event.id, input: { seatIds: [seatId] } },
        ),
      ).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
      // The PostgreSQL side was rolled back: no hold, no items.
      expect(await db.hold.count({ where: { userId: fan.user.id } })).toBe(0);
      expect(await db.holdItem.count({ where: { seatId } })).toBe(0);
      const rival = await createUserWithToken("FAN");
      const rivalHold = () =>
        call(holdRoute, {
          method: "POST",
          headers: bearer(rival.token),
          params: { eventId: event.event.id },
          body: { seatIds: [seatId] },
        });
      return { event, seatId, keys: holdKeys(event.event.id), rivalHold };
    }

    it("gives the seat back when Redis is reachable for the release", async () => {
      if (!inspector.isOpen) await inspector.connect();
      const { seatId, keys, rivalHold } = await attempt(false);
      expect(await inspector.get(keys.seat(seatId))).toBeNull();
      expect((await rivalHold()).status).toBe(201);
    });

    it("otherwise leaves an entry that blocks the seat only until the failed hold's own expiry", async () => {
      if (!inspector.isOpen) await inspector.connect();
      const { event, seatId, keys } = await attempt(true);
      const holdMs = (await db.event.findUniqueOrThrow({ where: { id: event.event.id } })).holdMinutes * 60_000;
      const ttl = await inspector.pTTL(keys.seat(seatId));
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(holdMs);
      const score = await inspector.zScore(keys.seatIndex, seatId);
      expect(score).not.toBeNull();
      expect(score!).toBeLessThanOrEqual(Date.now() + holdMs);

      // The same failure with a hold that has already run its course (its clock set one hold length back):
      // the orphaned key still exists, but its expiry has passed, so a rival gets the seat at once.
      const shifted = await attempt(true, () => new Date(Date.now() - holdMs - 1_000));
      expect(await inspector.pTTL(shifted.keys.seat(shifted.seatId))).toBeGreaterThan(0);
      expect((await shifted.rivalHold()).status).toBe(201);
    });
  });
}

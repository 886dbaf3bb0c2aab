// The hold store's own throughput, without HTTP, authentication or rate limits, through the HoldStore interface
// (lib/inventory/hold-store.ts): 50 concurrent callers, each a fan of its own on disjoint seats of the first arena
// show, `place` a hold of 2 seats (everything a hold request does in the store: the per-fan limit, the seats, the
// holds rows) and release it as DELETE /api/v1/holds/{id} does (releaseOwnHold: the status, then the store's release).
// Kept small on purpose: when the interface changes, this file is the one to adapt.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { partition, pickRandom } from "../harness/arena";
import { runLoad } from "../harness/load";
import type { Recorder } from "../harness/stats";
import type { Scenario } from "./types";

const CALLERS = 50;
const HOLD_MINUTES = 10;

async function timedCall(recorder: Recorder, op: string, call: () => Promise<unknown>) {
  const started = performance.now();
  let status = 200;
  try {
    await call();
  } catch (error) {
    status = (error as { code?: string }).code === "SEAT_UNAVAILABLE" ? 409 : 500;
    if (status === 500) console.warn(`\n    ${op} failed:`, error);
  }
  recorder.record(op, { ms: performance.now() - started, outcome: status === 200 ? "ok" : "unexpected", status });
  return status === 200;
}

export const storeOnly: Scenario = {
  name: "store",
  title: "store only",
  stores: "each",
  run: async (ctx) => {
    const { releaseOwnHold } = await import("@/lib/inventory/holds");
    const { db, holds } = ctx.direct;
    const event = ctx.arena[0];
    const seats = await db.seat.findMany({
      where: { eventId: event.id, id: { in: event.freeSeatIds } },
      select: { id: true, ticketTypeId: true },
    });
    const slices = partition(seats, CALLERS);
    const callers = ctx.fans.fans.slice(0, CALLERS);
    const result = await runLoad({
      workers: CALLERS,
      warmupMs: ctx.warmupMs,
      durationMs: ctx.durationMs,
      iteration: async (worker, recorder) => {
        const now = new Date();
        const holdId = randomUUID();
        const userId = callers[worker % callers.length]!.userId;
        const placed = await timedCall(recorder, "place", () =>
          holds.place(db, {
            holdId,
            eventId: event.id,
            userId,
            now,
            expiresAt: new Date(now.getTime() + HOLD_MINUTES * 60_000),
            perOrderLimit: event.perFanLimit,
            seats: pickRandom(slices[worker]!, 2).map((s) => ({ seatId: s.id, ticketTypeId: s.ticketTypeId })),
            generalAdmission: [],
            capacities: new Map(),
          }),
        );
        if (placed) await timedCall(recorder, "release", () => releaseOwnHold(db, holds, { holdId, userId }));
      },
    });
    return { ...result, notes: [`${CALLERS} callers, 2 seats per hold, place then releaseOwnHold, pool of 10`] };
  },
};

// The hold store's own acquire + release throughput, without HTTP, through the HoldStore interface
// (lib/inventory/hold-store.ts), 50 concurrent callers on disjoint seats of the first arena show.
// Kept small on purpose: when the interface changes, this file is the one to adapt.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { Tx } from "@/lib/db";
import type { HoldContents } from "@/lib/inventory/hold-store";
import { partition, pickRandom } from "../harness/arena";
import { runLoad } from "../harness/load";
import type { Recorder } from "../harness/stats";
import type { Scenario } from "./types";

const CALLERS = 50;
const HOLD_MINUTES = 10;
/** The Redis store never reads the transaction it is given (it keeps out of the database), so it is called without one. */
const NO_TRANSACTION = undefined as unknown as Tx;

async function timedCall(recorder: Recorder, op: string, call: () => Promise<void>) {
  const started = performance.now();
  let status = 200;
  try {
    await call();
  } catch (error) {
    status = (error as { code?: string }).code === "SEAT_UNAVAILABLE" ? 409 : 500;
    if (status === 500) console.warn(`  ${op} failed:`, error);
  }
  recorder.record(op, { ms: performance.now() - started, outcome: status === 200 ? "ok" : "unexpected", status });
  return status === 200;
}

export const storeOnly: Scenario = {
  name: "store",
  title: "store only",
  stores: "each",
  run: async (ctx) => {
    const { db, holds } = ctx.direct;
    const eventId = ctx.arena[0].id;
    const seats = await db.seat.findMany({
      where: { eventId, id: { in: ctx.arena[0].freeSeatIds } },
      select: { id: true, ticketTypeId: true },
    });
    const slices = partition(seats, CALLERS);
    // The PostgreSQL store points seats at a holds row (a foreign key), so each caller gets one, reused for every
    // acquire (taking again with the same id is allowed) and deleted afterwards.
    const owner = await db.user.findFirstOrThrow({ select: { id: true } });
    const holdIds = Array.from({ length: CALLERS }, () => randomUUID());
    await db.hold.createMany({
      data: holdIds.map((id) => ({ id, eventId, userId: owner.id, expiresAt: new Date(Date.now() + 3_600_000) })),
    });
    const acquire = (request: Parameters<typeof holds.acquire>[1]) =>
      holds.kind === "postgres"
        ? db.$transaction((tx) => holds.acquire(tx, request))
        : holds.acquire(NO_TRANSACTION, request);
    try {
      const result = await runLoad({
        workers: CALLERS,
        warmupMs: ctx.warmupMs,
        durationMs: ctx.durationMs,
        iteration: async (worker, recorder) => {
          const now = new Date();
          const contents: HoldContents = {
            holdId: holdIds[worker]!,
            eventId,
            seats: pickRandom(slices[worker]!, 2).map((s) => ({ seatId: s.id, ticketTypeId: s.ticketTypeId })),
            generalAdmission: [],
          };
          const expiresAt = new Date(now.getTime() + HOLD_MINUTES * 60_000);
          const request = { ...contents, now, expiresAt, capacities: new Map() };
          if (await timedCall(recorder, "acquire", () => acquire(request))) {
            await timedCall(recorder, "release", () => holds.release(db, contents));
          }
        },
      });
      const how = holds.kind === "postgres" ? "acquire in a transaction of its own" : "acquire without a transaction";
      return { ...result, notes: [`${CALLERS} callers, 2 seats per hold, ${how}, pool of 10`] };
    } finally {
      await db.hold.deleteMany({ where: { id: { in: holdIds } } });
    }
  },
};

// Holds over HTTP at 50 concurrent fans: uncontended (each fan on its own seats) and contended (all on 50 seats).
import { partition, pickRandom } from "../harness/arena";
import { fanHeaders } from "../harness/fans";
import { errorCode, HttpClient, jsonOf, type HttpResult } from "../harness/http";
import { runLoad, timed, type Classify } from "../harness/load";
import type { Recorder } from "../harness/stats";
import type { RunContext, Scenario } from "./types";

export const HOLD_FANS = 50;
const SEATS_PER_HOLD = 2;

/** A 409 SEAT_UNAVAILABLE is the answer a race must give its losers; any other refusal is a problem. */
export const takenIsExpected: Classify = (r) =>
  r.status === 201 ? "ok" : r.status === 409 && errorCode(r) === "SEAT_UNAVAILABLE" ? "expected" : "unexpected";

/** Checks a granted hold has every seat asked for (a partial hold is a correctness failure); returns its id. */
export function grantedHoldId(ctx: RunContext, result: HttpResult, asked: number): string | null {
  if (result.status !== 201) return null;
  const hold = jsonOf<{ holdId: string; items: unknown[] }>(result);
  if (!hold?.holdId) return null;
  if (hold.items.length !== asked) ctx.counters.answeredShort++;
  return hold.holdId;
}

async function holdAndRelease(
  ctx: RunContext,
  client: HttpClient,
  recorder: Recorder,
  seatIds: string[],
  classify?: Classify,
) {
  const fan = await ctx.fans.take({ releasesFor: ctx.arena[0].id }, Date.now() + 5_000);
  if (!fan) return;
  const auth = fanHeaders(fan);
  const hold = await timed(client, recorder, "POST hold", "POST", `/api/v1/events/${ctx.arena[0].id}/holds`, {
    headers: auth,
    json: { seatIds },
    classify,
  });
  const holdId = grantedHoldId(ctx, hold, seatIds.length);
  if (holdId) await timed(client, recorder, "DELETE hold", "DELETE", `/api/v1/holds/${holdId}`, { headers: auth });
}

async function holdLoop(ctx: RunContext, seatsFor: (worker: number) => string[], classify?: Classify) {
  const client = new HttpClient(ctx.baseUrl, HOLD_FANS);
  try {
    return await runLoad({
      workers: HOLD_FANS,
      warmupMs: ctx.warmupMs,
      durationMs: ctx.durationMs,
      iteration: (worker, recorder) => holdAndRelease(ctx, client, recorder, seatsFor(worker), classify),
    });
  } finally {
    client.close();
  }
}

export const holdsUncontended: Scenario = {
  name: "holds",
  title: "holds uncontended",
  stores: "each",
  run: (ctx) => {
    // Each fan picks from a slice of its own, so no two requests ever want the same seat.
    const slices = partition(ctx.arena[0].freeSeatIds, HOLD_FANS);
    return holdLoop(ctx, (worker) => pickRandom(slices[worker]!, SEATS_PER_HOLD));
  },
};

export const holdsContended: Scenario = {
  name: "contended",
  title: "holds contended",
  stores: "each",
  run: async (ctx) => {
    const seats = pickRandom(ctx.arena[0].freeSeatIds, HOLD_FANS);
    const result = await holdLoop(ctx, () => pickRandom(seats, SEATS_PER_HOLD), takenIsExpected);
    return { ...result, notes: [`${HOLD_FANS} fans race for ${seats.length} seats, ${SEATS_PER_HOLD} at a time`] };
  },
};

// Checkout and payment at 10 concurrent payers: hold 2 seats, start the checkout, pay in the simulator (whose
// Pay answers once the signed checkout.session.completed webhook was delivered and handled).
import { performance } from "node:perf_hooks";
import { suggestedTestCard } from "@/lib/payments/simulator";
import { fanHeaders, type Fan } from "../harness/fans";
import { HttpClient, jsonOf, type HttpResult } from "../harness/http";
import { runLoad, timed, type Classify } from "../harness/load";
import type { Recorder } from "../harness/stats";
import { grantedHoldId } from "./holds";
import type { RunContext, Scenario } from "./types";

export const PAYERS = 10;
const SEATS_PER_ORDER = 2;

/** Stripe allows ~25 Checkout Sessions a second; a 429 with Retry-After is the answer the issue asks for, not an error. */
const rateLimitIsExpected: Classify = (r) =>
  r.status === 201 ? "ok" : r.status === 429 && r.headers["retry-after"] ? "expected" : "unexpected";

async function startCheckout(client: HttpClient, recorder: Recorder, fan: Fan, holdId: string) {
  const headers = fanHeaders(fan);
  let result: HttpResult | null = null;
  for (let attempt = 0; attempt < 5; attempt++) {
    result = await timed(client, recorder, "POST checkout", "POST", `/api/v1/holds/${holdId}/checkout`, {
      headers,
      classify: rateLimitIsExpected,
    });
    if (result.status !== 429) break;
    const seconds = Number(result.headers["retry-after"]) || 1;
    await new Promise((r) => setTimeout(r, Math.min(seconds, 2) * 1_000));
  }
  return result!;
}

async function buy(ctx: RunContext, client: HttpClient, recorder: Recorder, seatIds: string[]) {
  const event = ctx.arena[1];
  const fan = await ctx.fans.take(
    { eventId: event.id, tickets: seatIds.length, perFanLimit: event.perFanLimit },
    Date.now() + 5_000,
  );
  if (!fan) return;
  const started = performance.now();
  const finish = (ok: boolean, status: number) =>
    recorder.record("order: hold → paid", {
      ms: performance.now() - started,
      outcome: ok ? "ok" : "unexpected",
      status,
    });

  const hold = await timed(client, recorder, "POST hold", "POST", `/api/v1/events/${event.id}/holds`, {
    headers: fanHeaders(fan),
    json: { seatIds },
  });
  const holdId = grantedHoldId(ctx, hold, seatIds.length);
  if (!holdId) return finish(false, hold.status);
  const checkout = await startCheckout(client, recorder, fan, holdId);
  const checkoutUrl = jsonOf<{ checkoutUrl?: string }>(checkout)?.checkoutUrl;
  if (checkout.status !== 201 || !checkoutUrl) return finish(false, checkout.status);
  const sessionId = new URL(checkoutUrl).pathname.split("/").pop()!;
  const paid = await timed(client, recorder, "POST pay", "POST", `/checkout/simulator/${sessionId}/pay`, {
    // A card of each buyer's own, as the simulator's page suggests: one card for every fan would meet the per-card limit.
    json: { card: suggestedTestCard(sessionId) },
  });
  finish(paid.status === 200, paid.status);
}

export const checkoutAndPay: Scenario = {
  name: "checkout",
  title: "checkout + pay",
  stores: "each",
  run: async (ctx) => {
    // Every order sells its seats for good: the stores' runs share event [1]'s free seats, and each stops at its share.
    const seats = [...ctx.arena[1].freeSeatIds];
    const orders = Math.floor(seats.length / SEATS_PER_ORDER / ctx.checkoutRunsLeft);
    const warmupOrders = Math.min(Math.floor(orders / 5), PAYERS * 5);
    const client = new HttpClient(ctx.baseUrl, PAYERS);
    try {
      const result = await runLoad({
        workers: PAYERS,
        warmupMs: ctx.warmupMs,
        durationMs: ctx.durationMs,
        warmupIterations: warmupOrders,
        maxIterations: orders - warmupOrders,
        iteration: async (_worker, recorder) => {
          const pair = seats.splice(0, SEATS_PER_ORDER);
          if (pair.length === SEATS_PER_ORDER) await buy(ctx, client, recorder, pair);
        },
      });
      return { ...result, notes: [`at most ${orders} orders (warm-up included) of ${SEATS_PER_ORDER} seats`] };
    } finally {
      client.close();
    }
  },
};

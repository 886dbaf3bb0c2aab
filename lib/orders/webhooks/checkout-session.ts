import "server-only";
import type Stripe from "stripe";
import { settleExpiredSession, settlePaidSession, type SettleOutcome } from "@/lib/orders/settle";
import { claimWebhookEvent } from "@/lib/payments/records";
import type { WebhookDeps, WebhookOutcome } from "./types";

/**
 * checkout.session.completed / async_payment_succeeded / expired. The event
 * only says which session to look at: what happens depends on the session as
 * the gateway reports it now, so events that arrive out of order (an "expired"
 * that overtook its "completed") still settle the order correctly.
 */
export async function onCheckoutSession(deps: WebhookDeps, event: Stripe.Event): Promise<WebhookOutcome> {
  const hint = event.data.object as { id?: unknown };
  if (typeof hint.id !== "string") return { received: true, status: "ignored", detail: "no session id" };
  const session = await deps.gateway.retrieveCheckoutSession(hint.id);
  const paid = session.status === "complete" && session.paymentStatus === "paid";
  const now = deps.clock();

  const outcome = await deps.db.$transaction(
    async (tx): Promise<SettleOutcome | "duplicate"> => {
      if (!(await claimWebhookEvent(tx, event))) return "duplicate";
      if (paid) return settlePaidSession(tx, deps.holds, session, now);
      if (session.status === "expired") return settleExpiredSession(tx, deps.holds, session);
      return { kind: "unchanged", reason: `session ${session.status}, payment ${session.paymentStatus}` };
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
  if (outcome === "duplicate") return { received: true, status: "duplicate" };
  if (outcome.kind === "paid") await deps.holds.afterSale(outcome.sale.contents);
  // Counted once committed: a rolled-back settlement refused no one. The webhook knows no client address.
  if (outcome.kind === "refunded" && outcome.refusal) deps.refusals.note({ ...outcome.refusal, clientIp: null });
  return { received: true, status: "processed", detail: outcome.kind === "unchanged" ? outcome.reason : outcome.kind };
}

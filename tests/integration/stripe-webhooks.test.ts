import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { drainOutbox } from "@/lib/notifications/outbox";
import { REFUND_TOPIC, refundHandler } from "@/lib/orders/refund-payout";
import { services } from "@/lib/services";
import { SIMULATOR_WEBHOOK_SECRET, signWebhookPayload } from "@/lib/payments/signing";
import { stripeFixture } from "../support/fake-stripe";
import { createUserWithToken } from "../support/factories";
import { createSaleEvent } from "../support/inventory-fixtures";
import {
  buy,
  checkout,
  deliverWebhook,
  holdTickets,
  orderState,
  pay,
  sessionEvent,
  sessionIdOf,
} from "../support/purchase";

async function pendingOrder(seatCount = 1) {
  const event = await createSaleEvent();
  const fan = await createUserWithToken("FAN");
  const seatIds = event.seats.slice(0, seatCount).map((s) => s.id);
  const hold = await holdTickets(fan.token, event.event.id, { seatIds });
  const started = await checkout(fan.token, hold.json.holdId);
  return {
    event,
    fan,
    seatIds,
    holdId: hold.json.holdId as string,
    orderId: started.json.orderId as string,
    sessionId: sessionIdOf(started.json.checkoutUrl),
  };
}

/** What the simulator's Pay button does to its stored session, without delivering the event. */
async function markSessionPaid(sessionId: string) {
  await db.simulatorSession.update({
    where: { id: sessionId },
    data: { status: "complete", paymentStatus: "paid", paymentIntentId: `pi_${randomUUID()}` },
  });
}

async function lapseHold(holdId: string) {
  const past = new Date(Date.now() - 1_000);
  await db.hold.update({ where: { id: holdId }, data: { expiresAt: past } });
  await db.seat.updateMany({ where: { holdId }, data: { holdExpiresAt: past } });
}

describe("POST /api/webhooks/stripe", () => {
  it("accepts Stripe's real-shaped payloads and settles the order once", async () => {
    const { orderId, sessionId } = await pendingOrder();
    await markSessionPaid(sessionId);
    const event = await sessionEvent("checkout.session.completed", sessionId);
    const first = await deliverWebhook(event);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ received: true, status: "processed" });
    expect((await orderState(orderId)).status).toBe("PAID");
  });

  it("refuses a bad signature and a stale timestamp with 400, changing nothing", async () => {
    const { orderId, sessionId } = await pendingOrder();
    await markSessionPaid(sessionId);
    const event = await sessionEvent("checkout.session.completed", sessionId);
    const payload = JSON.stringify(event);

    const forged = await deliverWebhook(event, { signature: signWebhookPayload(payload, "whsec_not_ours") });
    expect(forged.status).toBe(400);
    expect(forged.json.error.code).toBe("WEBHOOK_SIGNATURE_INVALID");
    const stale = await deliverWebhook(event, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(stale.status).toBe(400);
    const missing = await deliverWebhook(event, { signature: "" });
    expect(missing.status).toBe(400);

    expect((await orderState(orderId)).status).toBe("PENDING");
    expect(await db.processedWebhookEvent.count({ where: { id: event.id } })).toBe(0);
  });

  it("treats a redelivery as a no-op, even when both copies arrive at once", async () => {
    const { orderId, sessionId } = await pendingOrder(2);
    await markSessionPaid(sessionId);
    const event = await sessionEvent("checkout.session.completed", sessionId);
    const results = await Promise.all([deliverWebhook(event), deliverWebhook(event), deliverWebhook(event)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.map((r) => r.json.status).sort()).toEqual(["duplicate", "duplicate", "processed"]);
    expect((await orderState(orderId)).tickets).toHaveLength(2);
  });

  it("acknowledges unknown event types without acting on them", async () => {
    const response = await deliverWebhook({
      ...stripeFixture("event"),
      id: `evt_${randomUUID()}`,
      type: "customer.created",
      data: { object: {} },
    });
    expect(response.status).toBe(200);
    expect(response.json.status).toBe("ignored");
  });

  it("completed after expired: the order stays expired and the money goes back", async () => {
    const { orderId, sessionId } = await pendingOrder();
    await db.simulatorSession.update({ where: { id: sessionId }, data: { status: "expired" } });
    await deliverWebhook(await sessionEvent("checkout.session.expired", sessionId));
    expect((await orderState(orderId)).status).toBe("EXPIRED");

    await markSessionPaid(sessionId);
    await deliverWebhook(await sessionEvent("checkout.session.completed", sessionId));
    const order = await orderState(orderId);
    expect(order.status).toBe("EXPIRED");
    expect(order.tickets).toHaveLength(0);
    expect(order.refunds).toEqual([expect.objectContaining({ amountMinor: order.totalMinor, status: "PENDING" })]);
  });

  it("expired after completed: the paid order and its tickets stand", async () => {
    const { event } = await pendingOrder();
    const fan = await createUserWithToken("FAN");
    const bought = await buy(fan.token, event.event.id, { seatIds: [event.seats[5]!.id] });
    const late = await deliverWebhook(await sessionEvent("checkout.session.expired", bought.sessionId));
    expect(late.status).toBe(200);
    const order = await orderState(bought.orderId);
    expect(order.status).toBe("PAID");
    expect(order.tickets.map((t) => t.status)).toEqual(["ISSUED"]);
  });

  it("completes a payment that arrives after the hold lapsed while the seats are still free", async () => {
    const { orderId, sessionId, holdId } = await pendingOrder();
    await lapseHold(holdId);
    expect((await pay(sessionId)).status).toBe(200);
    const order = await orderState(orderId);
    expect(order.status).toBe("PAID");
    expect(order.tickets).toHaveLength(1);
  });

  it("refunds a late payment automatically when the seats were sold to someone else", async () => {
    const { event, orderId, sessionId, holdId, seatIds } = await pendingOrder();
    await lapseHold(holdId);
    const rival = await createUserWithToken("FAN");
    const rivalOrder = await buy(rival.token, event.event.id, { seatIds });
    expect((await orderState(rivalOrder.orderId)).status).toBe("PAID");

    expect((await pay(sessionId)).status).toBe(200);
    let order = await orderState(orderId);
    expect(order.status).toBe("REFUNDED");
    expect(order.statusReason).toMatch(/sold to someone else/);
    expect(order.tickets).toHaveLength(0);
    // Decided, not yet paid out: nothing counts as refunded until the provider confirms it.
    expect(order.refundedMinor).toBe(0);
    expect(order.refunds).toEqual([expect.objectContaining({ status: "PENDING", amountMinor: order.totalMinor })]);

    const { gateway } = services();
    await drainOutbox(db, { [REFUND_TOPIC]: refundHandler(db, gateway) }, { limit: 1000 });
    order = await orderState(orderId);
    expect(order.refunds).toEqual([expect.objectContaining({ status: "SUCCEEDED", amountMinor: order.totalMinor })]);
    expect(order.refundedMinor).toBe(order.totalMinor);
    expect(
      await db.outboxMessage.count({
        where: { topic: "email.order", payload: { path: ["orderId"], equals: orderId } },
      }),
    ).toBe(1);
    expect((await orderState(rivalOrder.orderId)).tickets).toHaveLength(1);
  });

  it("records a failed payment and leaves the order open", async () => {
    const { orderId } = await pendingOrder();
    const response = await deliverWebhook({
      ...stripeFixture("event"),
      id: `evt_${randomUUID()}`,
      type: "payment_intent.payment_failed",
      data: {
        object: {
          ...stripeFixture("payment_intent"),
          id: `pi_${randomUUID()}`,
          metadata: { orderId },
          last_payment_error: { message: "Your card has insufficient funds." },
        },
      },
    });
    expect(response.json.status).toBe("processed");
    const order = await orderState(orderId);
    expect(order.status).toBe("PENDING");
    expect(order.payments[0]?.failureMessage).toBe("Your card has insufficient funds.");
  });

  it("applies charge.refunded: a full refund voids the tickets and puts the seats back on sale", async () => {
    const event = await createSaleEvent();
    const fan = await createUserWithToken("FAN");
    const seatId = event.seats[0]!.id;
    const { orderId } = await buy(fan.token, event.event.id, { seatIds: [seatId] });
    const { payments, totalMinor } = await orderState(orderId);
    const charge = {
      ...stripeFixture("charge"),
      payment_intent: payments[0]!.providerPaymentId,
      amount_refunded: totalMinor,
    };
    const event1 = {
      ...stripeFixture("event"),
      id: `evt_${randomUUID()}`,
      type: "charge.refunded",
      data: { object: charge },
    };
    expect((await deliverWebhook(event1)).json.status).toBe("processed");
    const order = await orderState(orderId);
    expect(order.status).toBe("REFUNDED");
    expect(order.tickets.map((t) => t.status)).toEqual(["VOIDED"]);
    expect((await db.seat.findUniqueOrThrow({ where: { id: seatId } })).status).toBe("AVAILABLE");
    expect(SIMULATOR_WEBHOOK_SECRET).toMatch(/^whsec_/);
  });

  it("never fulfils a payment whose amount or currency differs from the order: it is refunded and logged", async () => {
    const { orderId, sessionId, seatIds } = await pendingOrder();
    const { totalMinor } = await orderState(orderId);
    await markSessionPaid(sessionId);
    await db.simulatorSession.update({ where: { id: sessionId }, data: { amountTotal: totalMinor - 1 } });

    const response = await deliverWebhook(await sessionEvent("checkout.session.completed", sessionId));
    expect(response.status).toBe(200);
    const order = await orderState(orderId);
    expect(order.status).toBe("REFUNDED");
    expect(order.statusReason).toMatch(/did not match/);
    expect(order.tickets).toHaveLength(0);
    expect(order.refunds).toEqual([expect.objectContaining({ amountMinor: totalMinor - 1, status: "PENDING" })]);
    // Its seat is back on sale at once.
    const seat = await db.seat.findUniqueOrThrow({ where: { id: seatIds[0]! } });
    expect(seat).toMatchObject({ status: "AVAILABLE", holdId: null });
  });

  it("counts a lapsed hold's still-open payment page toward the per-fan limit", async () => {
    const event = await createSaleEvent({ perOrderLimit: 2 });
    const fan = await createUserWithToken("FAN");
    const hold = await holdTickets(fan.token, event.event.id, { seatIds: event.seats.slice(0, 2).map((s) => s.id) });
    expect((await checkout(fan.token, hold.json.holdId)).status).toBe(201);
    await lapseHold(hold.json.holdId);

    const more = await holdTickets(fan.token, event.event.id, { seatIds: [event.seats[2]!.id] });
    expect(more.status).toBe(409);
    expect(more.json.error.code).toBe("LIMIT_EXCEEDED");
  });

  it("refunds a late payment that would take the fan past the per-fan limit", async () => {
    const event = await createSaleEvent({ perOrderLimit: 2 });
    const fan = await createUserWithToken("FAN");
    const first = await holdTickets(fan.token, event.event.id, { seatIds: event.seats.slice(0, 2).map((s) => s.id) });
    const late = await checkout(fan.token, first.json.holdId);
    await lapseHold(first.json.holdId);
    // The payment page looked closed to us, so the fan bought two more elsewhere in the house.
    await db.payment.updateMany({
      where: { orderId: late.json.orderId },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    const bought = await buy(fan.token, event.event.id, { seatIds: event.seats.slice(4, 6).map((s) => s.id) });
    expect((await orderState(bought.orderId)).tickets).toHaveLength(2);

    expect((await pay(sessionIdOf(late.json.checkoutUrl))).status).toBe(200);
    const order = await orderState(late.json.orderId);
    expect(order.status).toBe("REFUNDED");
    expect(order.statusReason).toMatch(/limit is 2 per fan/);
    expect(order.tickets).toHaveLength(0);
    expect(order.refunds).toEqual([expect.objectContaining({ amountMinor: order.totalMinor })]);
    expect(
      await db.ticket.count({ where: { eventId: event.event.id, status: "ISSUED", order: { userId: fan.user.id } } }),
    ).toBe(2);
  });
});

import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as refundRoute } from "@/app/api/v1/orders/[orderId]/refunds/route";
import { db } from "@/lib/db";
import { ORDER_EMAIL_TOPIC } from "@/lib/orders/emails";
import { REFUND_TOPIC, refundHandler } from "@/lib/orders/refund-payout";
import { services } from "@/lib/services";
import { stripeFixture } from "../support/fake-stripe";
import { createUserWithToken } from "../support/factories";
import { createSaleEvent, type SaleEvent } from "../support/inventory-fixtures";
import { bearer, call } from "../support/http";
import { buy, deliverWebhook, orderState } from "../support/purchase";

// Refunds an organizer makes (lib/orders/organizer-refund.ts) through POST /api/v1/orders/{id}/refunds,
// and refunds made in Stripe's own dashboard, reported by charge.refunded (lib/orders/refund-reconcile.ts).
// createSaleEvent's prices: a seat is 50.00 + 5.00 fee, a standing place 25.00 + 3.00 fee.

const SEAT_ALL_IN = 5_500;
const GA_ALL_IN = 2_800;

function refund(token: string, orderId: string, body: unknown, key: string | null = randomUUID()) {
  return call(refundRoute, {
    method: "POST",
    params: { orderId },
    headers: { ...bearer(token), ...(key === null ? {} : { "idempotency-key": key }) },
    body,
  });
}

/** A fan's paid order for the event's first `seats` seats, or for `ga` standing places (one kind per hold). */
async function paidOrder(event: SaleEvent, options: { seats: number } | { ga: number }) {
  const fan = await createUserWithToken("FAN");
  const seatIds = "seats" in options ? event.seats.slice(0, options.seats).map((s) => s.id) : [];
  const body = "seats" in options ? { seatIds } : { ticketTypeId: event.ga.id, quantity: options.ga };
  const { orderId } = await buy(fan.token, event.event.id, body);
  const tickets = await db.ticket.findMany({
    where: { orderId },
    select: { id: true, seatId: true, status: true },
    orderBy: { createdAt: "asc" },
  });
  expect((await orderState(orderId)).status).toBe("PAID");
  return { fan, orderId, seatIds, tickets };
}

const seatStatus = async (seatId: string) => (await db.seat.findUniqueOrThrow({ where: { id: seatId } })).status;
const soldOf = async (ticketTypeId: string) =>
  db.ticketType.findUniqueOrThrow({ where: { id: ticketTypeId }, select: { sold: true, capacity: true } });

/** Pays out the order's pending refunds as the worker would (the simulator confirms at once). */
async function payOut(orderId: string) {
  const handler = refundHandler(db, services().gateway);
  for (const r of await db.refund.findMany({ where: { orderId, status: "PENDING" } })) {
    await handler({ refundId: r.id });
  }
}

function chargeRefunded(paymentIntentId: string, amountRefunded: number, id = `evt_${randomUUID()}`) {
  return {
    ...stripeFixture("event"),
    id,
    type: "charge.refunded",
    data: { object: { ...stripeFixture("charge"), payment_intent: paymentIntentId, amount_refunded: amountRefunded } },
  };
}

describe("an organizer's partial refund", () => {
  it("refunds one ticket's all-in price, voids exactly it, and puts exactly its seat back on sale", async () => {
    const event = await createSaleEvent();
    const { orderId, seatIds, tickets } = await paidOrder(event, { seats: 2 });
    expect((await soldOf(event.reserved.id)).sold).toBe(2);
    const refunded = tickets.find((t) => t.seatId === seatIds[0])!;

    const response = await refund(event.organizerToken, orderId, { ticketIds: [refunded.id], reason: "Can't come" });
    expect(response.status, JSON.stringify(response.json)).toBe(201);
    expect(response.json).toMatchObject({ amountMinor: SEAT_ALL_IN, ticketIds: [refunded.id], status: "PENDING" });

    let order = await orderState(orderId);
    expect(order.status).toBe("PARTIALLY_REFUNDED");
    expect(order.tickets.find((t) => t.seatId === seatIds[0])!.status).toBe("VOIDED");
    expect(order.tickets.find((t) => t.seatId === seatIds[1])!.status).toBe("ISSUED");
    expect(await seatStatus(seatIds[0]!)).toBe("AVAILABLE");
    expect(await seatStatus(seatIds[1]!)).toBe("SOLD");
    expect((await soldOf(event.reserved.id)).sold).toBe(1);
    // Decided, not yet paid out: refundedMinor follows the provider's confirmation.
    expect(order.refundedMinor).toBe(0);

    await payOut(orderId);
    order = await orderState(orderId);
    expect(order.refundedMinor).toBe(SEAT_ALL_IN);
    expect(order.refunds).toEqual([expect.objectContaining({ amountMinor: SEAT_ALL_IN, status: "SUCCEEDED" })]);

    // The buyer is told what this refund returns, and the change is in the audit log with who made it.
    const email = await db.outboxMessage.findFirstOrThrow({
      where: {
        topic: ORDER_EMAIL_TOPIC,
        payload: { path: ["orderId"], equals: orderId },
        NOT: { payload: { path: ["kind"], equals: "confirmed" } },
      },
    });
    expect(email.payload).toMatchObject({ kind: "refunded", amountMinor: SEAT_ALL_IN, reason: "Can't come" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: orderId, action: "order.refunded" } });
    expect(audit).toMatchObject({ actorId: event.organizer.id, organizationId: event.event.organizationId });
  });

  it("gives standing places back to the ticket type's counter, and refunding the rest makes the order REFUNDED", async () => {
    const event = await createSaleEvent();
    const { orderId, tickets } = await paidOrder(event, { ga: 2 });
    expect((await soldOf(event.ga.id)).sold).toBe(2);

    const first = await refund(event.organizerToken, orderId, { ticketIds: [tickets[0]!.id], reason: "Ill" });
    expect(first.json.amountMinor).toBe(GA_ALL_IN);
    expect((await soldOf(event.ga.id)).sold).toBe(1);

    const rest = await refund(event.organizerToken, orderId, { ticketIds: [tickets[1]!.id], reason: "Ill" });
    expect(rest.status).toBe(201);
    const order = await orderState(orderId);
    expect(order.status).toBe("REFUNDED");
    expect(order.refunds.reduce((sum, r) => sum + r.amountMinor, 0)).toBe(order.totalMinor);
    expect(await soldOf(event.ga.id)).toEqual({ sold: 0, capacity: 10 });
  });

  it("keeps refunded seats and places off sale when asked: seats BLOCKED, places out of the capacity", async () => {
    const event = await createSaleEvent();
    const seated = await paidOrder(event, { seats: 1 });
    const standing = await paidOrder(event, { ga: 1 });
    for (const order of [seated, standing]) {
      const response = await refund(event.organizerToken, order.orderId, {
        ticketIds: order.tickets.map((t) => t.id),
        reason: "Seat broken",
        keepSeatsOffSale: true,
      });
      expect(response.status).toBe(201);
    }
    expect(await seatStatus(seated.seatIds[0]!)).toBe("BLOCKED");
    expect(await soldOf(event.reserved.id)).toMatchObject({ sold: 0 });
    expect(await soldOf(event.ga.id)).toEqual({ sold: 0, capacity: 9 });
  });

  it("refunds an amount without voiding tickets, and never more than is left", async () => {
    const event = await createSaleEvent();
    const { orderId } = await paidOrder(event, { seats: 2 });
    const tooMuch = await refund(event.organizerToken, orderId, {
      amountMinor: 2 * SEAT_ALL_IN + 1,
      reason: "Goodwill",
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.json.error.details).toEqual({ refundableMinor: 2 * SEAT_ALL_IN });

    expect((await refund(event.organizerToken, orderId, { amountMinor: 1_000, reason: "Goodwill" })).status).toBe(201);
    let order = await orderState(orderId);
    expect(order.status).toBe("PARTIALLY_REFUNDED");
    expect(order.tickets.every((t) => t.status === "ISSUED")).toBe(true);

    // What is left, and no more, refunds the order in full and voids its tickets.
    const rest = await refund(event.organizerToken, orderId, { amountMinor: 2 * SEAT_ALL_IN - 1_000, reason: "Gone" });
    expect(rest.status).toBe(201);
    order = await orderState(orderId);
    expect(order.status).toBe("REFUNDED");
    expect(order.tickets.every((t) => t.status === "VOIDED")).toBe(true);
    expect((await refund(event.organizerToken, orderId, { amountMinor: 1, reason: "More" })).status).toBe(409);
  });
});

describe("a refund submitted twice", () => {
  it("20 concurrent requests with one key refund once and all get that refund", async () => {
    const event = await createSaleEvent();
    const { orderId, tickets } = await paidOrder(event, { seats: 2 });
    const key = randomUUID();
    const body = { ticketIds: [tickets[0]!.id], reason: "Double click" };
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => refund(event.organizerToken, orderId, body, key)),
    );

    expect(responses.map((r) => r.status).sort()).toEqual([...Array(19).fill(200), 201]);
    expect(new Set(responses.map((r) => r.json.id)).size).toBe(1);
    expect(await db.refund.count({ where: { orderId } })).toBe(1);
    expect(
      await db.outboxMessage.count({
        where: { topic: REFUND_TOPIC, payload: { path: ["refundId"], equals: responses[0]!.json.id } },
      }),
    ).toBe(1);
    expect((await orderState(orderId)).tickets.filter((t) => t.status === "VOIDED")).toHaveLength(1);
  });

  it("two concurrent requests with two keys for the last ticket: one refund, never more than was paid", async () => {
    const event = await createSaleEvent();
    const { orderId, tickets } = await paidOrder(event, { seats: 1 });
    const body = { ticketIds: [tickets[0]!.id], reason: "Two tabs" };
    const [a, b] = await Promise.all([
      refund(event.organizerToken, orderId, body),
      refund(event.organizerToken, orderId, body),
    ]);

    expect([a!.status, b!.status].sort()).toEqual([201, 409]);
    const order = await orderState(orderId);
    expect(order.refunds).toHaveLength(1);
    expect(order.refunds[0]!.amountMinor).toBe(order.totalMinor);
    expect(order.status).toBe("REFUNDED");
  });

  it("two concurrent amount refunds that together exceed the total: only one is made", async () => {
    const event = await createSaleEvent();
    const { orderId } = await paidOrder(event, { seats: 2 });
    const body = { amountMinor: SEAT_ALL_IN + 1, reason: "Two tabs" };
    const responses = await Promise.all([
      refund(event.organizerToken, orderId, body),
      refund(event.organizerToken, orderId, body),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await db.refund.count({ where: { orderId } })).toBe(1);
  });

  it("refuses a key sent again with a different request, and a request without a key", async () => {
    const event = await createSaleEvent();
    const { orderId, tickets } = await paidOrder(event, { seats: 2 });
    const key = randomUUID();
    expect(
      (await refund(event.organizerToken, orderId, { ticketIds: [tickets[0]!.id], reason: "A" }, key)).status,
    ).toBe(201);
    const reused = await refund(event.organizerToken, orderId, { ticketIds: [tickets[1]!.id], reason: "A" }, key);
    expect(reused.status).toBe(422);
    expect(reused.json.error.code).toBe("IDEMPOTENCY_KEY_REUSED");

    const keyless = await refund(event.organizerToken, orderId, { ticketIds: [tickets[1]!.id], reason: "A" }, null);
    expect(keyless.status).toBe(400);
    expect(await db.refund.count({ where: { orderId } })).toBe(1);
  });

  it("refuses tickets of another order, tickets already void, and a body with both or neither way to refund", async () => {
    const event = await createSaleEvent();
    const mine = await paidOrder(event, { seats: 1 });
    const event2 = await createSaleEvent();
    const theirs = await paidOrder(event2, { seats: 1 });
    const token = event.organizerToken;
    expect((await refund(token, mine.orderId, { ticketIds: [theirs.tickets[0]!.id], reason: "x" })).status).toBe(400);
    expect(
      (await refund(token, mine.orderId, { ticketIds: [mine.tickets[0]!.id], amountMinor: 5, reason: "x" })).status,
    ).toBe(400);
    expect((await refund(token, mine.orderId, { reason: "x" })).status).toBe(400);
    const ticket = { ticketIds: [mine.tickets[0]!.id], reason: "x" };
    expect((await refund(token, mine.orderId, ticket)).status).toBe(201);
    const again = await refund(token, mine.orderId, ticket);
    expect(again.status).toBe(409);
    // Another organization's organizer cannot even see the order.
    expect((await refund(event2.organizerToken, mine.orderId, { amountMinor: 5, reason: "x" })).status).toBe(404);
  });
});

describe("refunds made in Stripe's dashboard (charge.refunded)", () => {
  it("are recorded once as refunds of the order, and later refunds count them", async () => {
    const event = await createSaleEvent();
    const { orderId } = await paidOrder(event, { seats: 2 });
    const { payments, totalMinor } = await orderState(orderId);
    const intent = payments[0]!.providerPaymentId!;

    const webhook = chargeRefunded(intent, 3_000);
    expect((await deliverWebhook(webhook)).json.status).toBe("processed");
    let order = await orderState(orderId);
    expect(order).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedMinor: 3_000 });
    expect(order.refunds).toEqual([expect.objectContaining({ amountMinor: 3_000, status: "SUCCEEDED" })]);
    // A partial refund at the provider cannot say which tickets it was for: they stay valid.
    expect(order.tickets.every((t) => t.status === "ISSUED")).toBe(true);

    // The same event again, and another event reporting the same running total: nothing changes.
    expect((await deliverWebhook(webhook)).json.status).toBe("duplicate");
    expect((await deliverWebhook(chargeRefunded(intent, 3_000))).json.status).toBe("processed");
    order = await orderState(orderId);
    expect(order.refunds).toHaveLength(1);
    expect(order.refundedMinor).toBe(3_000);
    expect(await db.auditLog.count({ where: { entityId: orderId, action: "order.refunded_at_provider" } })).toBe(1);

    // The organizer can refund only what is left.
    const tooMuch = await refund(event.organizerToken, orderId, { amountMinor: totalMinor - 2_999, reason: "Rest" });
    expect(tooMuch.status).toBe(409);
    expect(
      (await refund(event.organizerToken, orderId, { amountMinor: totalMinor - 3_000, reason: "Rest" })).status,
    ).toBe(201);
    await payOut(orderId);
    order = await orderState(orderId);
    expect(order).toMatchObject({ status: "REFUNDED", refundedMinor: totalMinor });

    // Stripe then reports the full running total, which includes our refund: no dashboard refund is invented.
    expect((await deliverWebhook(chargeRefunded(intent, totalMinor))).json.status).toBe("processed");
    expect((await orderState(orderId)).refunds).toHaveLength(2);
  });

  it("a full refund in the dashboard voids the tickets and puts the seats back on sale", async () => {
    const event = await createSaleEvent();
    const { orderId, seatIds } = await paidOrder(event, { seats: 2 });
    const { payments, totalMinor } = await orderState(orderId);
    expect((await deliverWebhook(chargeRefunded(payments[0]!.providerPaymentId!, totalMinor))).status).toBe(200);
    const order = await orderState(orderId);
    expect(order.status).toBe("REFUNDED");
    expect(order.tickets.every((t) => t.status === "VOIDED")).toBe(true);
    for (const seatId of seatIds) expect(await seatStatus(seatId)).toBe("AVAILABLE");
    expect(order.refunds).toEqual([expect.objectContaining({ amountMinor: totalMinor, status: "SUCCEEDED" })]);
  });
});

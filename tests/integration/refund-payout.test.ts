import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { REFUND_TOPIC, refundHandler } from "@/lib/orders/refund-payout";
import { stripeGateway } from "@/lib/payments/stripe";
import { startFakeStripe, stripeError, stripeFixture, type FakeStripe } from "../support/fake-stripe";
import { createUserWithToken } from "../support/factories";
import { createSaleEvent } from "../support/inventory-fixtures";
import { buy, checkout, holdTickets, orderState, pay, sessionIdOf } from "../support/purchase";

/** A paid-late order whose seats went to a rival: its refund is decided and waiting to be paid out. */
async function orderAwaitingRefund() {
  const event = await createSaleEvent();
  const fan = await createUserWithToken("FAN");
  const seatIds = [event.seats[0]!.id];
  const hold = await holdTickets(fan.token, event.event.id, { seatIds });
  const started = await checkout(fan.token, hold.json.holdId);
  const past = new Date(Date.now() - 1_000);
  await db.hold.update({ where: { id: hold.json.holdId }, data: { expiresAt: past } });
  await db.seat.updateMany({ where: { holdId: hold.json.holdId }, data: { holdExpiresAt: past } });
  const rival = await createUserWithToken("FAN");
  await buy(rival.token, event.event.id, { seatIds });
  expect((await pay(sessionIdOf(started.json.checkoutUrl))).status).toBe(200);
  const orderId = started.json.orderId as string;
  const message = await db.outboxMessage.findFirstOrThrow({
    where: {
      topic: REFUND_TOPIC,
      status: "PENDING",
      payload: { path: ["refundId"], equals: (await refundOf(orderId)).id },
    },
  });
  return { orderId, payload: message.payload };
}

const refundOf = (orderId: string) => db.refund.findFirstOrThrow({ where: { orderId } });

describe("paying out refunds", () => {
  let stripe: FakeStripe;
  beforeAll(async () => {
    stripe = await startFakeStripe();
  });
  afterAll(async () => stripe.close());

  it("keeps a refund pending, and the order saying so, until the provider confirms it", async () => {
    const { orderId, payload } = await orderAwaitingRefund();
    const handler = refundHandler(db, stripeGateway({ secretKey: "sk_test_fake", apiBase: stripe.apiBase }));

    // Decided, not paid: the order is REFUNDED but nothing is counted as refunded yet.
    let order = await orderState(orderId);
    expect(order.status).toBe("REFUNDED");
    expect(order.refundedMinor).toBe(0);
    expect(order.refunds).toEqual([expect.objectContaining({ status: "PENDING" })]);

    // Stripe is down: the attempt fails and nothing changes.
    stripe.respond("POST", "/v1/refunds", () => stripeError(500, { type: "api_error", message: "Stripe is down" }));
    await expect(handler(payload)).rejects.toThrow();
    order = await orderState(orderId);
    expect(order.refundedMinor).toBe(0);
    expect(order.refunds[0]!.status).toBe("PENDING");

    // Stripe takes it but has not finished: followed by id from now on, still pending.
    const providerRefundId = `re_${randomUUID().replaceAll("-", "")}`;
    stripe.respond("POST", "/v1/refunds", () => ({
      body: { ...stripeFixture("refund"), id: providerRefundId, status: "pending" },
    }));
    await expect(handler(payload)).rejects.toThrow(/still pending/);
    expect((await refundOf(orderId)).providerRefundId).toBe(providerRefundId);
    expect((await orderState(orderId)).refundedMinor).toBe(0);

    const posts = () => stripe.requests.filter((r) => r.method === "POST" && r.path === "/v1/refunds").length;
    const postsBeforeConfirmation = posts();
    stripe.respond("GET", new RegExp(`^/v1/refunds/${providerRefundId}$`), () => ({
      body: { ...stripeFixture("refund"), id: providerRefundId, status: "succeeded" },
    }));
    await handler(payload);
    order = await orderState(orderId);
    expect(order.refunds[0]!.status).toBe("SUCCEEDED");
    expect(order.refundedMinor).toBe(order.totalMinor);
    // Once Stripe had the refund it was only read back, never requested again.
    expect(posts()).toBe(postsBeforeConfirmation);
    expect(stripe.requests.at(-1)).toMatchObject({ method: "GET", path: `/v1/refunds/${providerRefundId}` });
  });
});

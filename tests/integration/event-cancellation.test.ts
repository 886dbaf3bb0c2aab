import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { orderEmailHandler } from "@/lib/orders/emails";
import {
  CANCEL_EVENT_TOPIC,
  EVENT_CANCELLED_REASON,
  cancelEvent,
  cancelEventHandler,
  cancellationProgress,
} from "@/lib/orders/cancellation";
import { REFUND_TOPIC, refundHandler } from "@/lib/orders/refund-payout";
import { services } from "@/lib/services";
import { stripeFixture } from "../support/fake-stripe";
import { createUserWithToken } from "../support/factories";
import { createSaleEvent, takeHold, type SaleEvent } from "../support/inventory-fixtures";
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

const ROOT = path.resolve(import.meta.dirname, "../..");

/** `count` fans, each buying one ticket through the route handlers: the first `seated` a seat, the rest GA. */
async function paidOrders(sale: SaleEvent, count: number, seated = 0): Promise<string[]> {
  const orderIds: string[] = [];
  let next = 0;
  const fan = async () => {
    while (next < count) {
      const i = next++;
      const { token } = await createUserWithToken("FAN");
      const body = i < seated ? { seatIds: [sale.seats[i]!.id] } : { ticketTypeId: sale.ga.id, quantity: 1 };
      const bought = await buy(token, sale.event.id, body);
      if (bought.paid.status !== 200) throw new Error(`payment failed: ${JSON.stringify(bought.paid.json)}`);
      orderIds[i] = bought.orderId;
    }
  };
  await Promise.all(Array.from({ length: 4 }, fan));
  return orderIds;
}

const handler = () => cancelEventHandler({ db, gateway: services().gateway });

const cancelMessages = (eventId: string) =>
  db.outboxMessage.findMany({
    where: { topic: CANCEL_EVENT_TOPIC, payload: { path: ["eventId"], equals: eventId } },
    orderBy: { createdAt: "asc" },
  });

/** Every order as the assertions need it, with its refunds and tickets. */
function ordersOf(orderIds: string[]) {
  return db.order.findMany({
    where: { id: { in: orderIds } },
    select: {
      id: true,
      status: true,
      statusReason: true,
      totalMinor: true,
      refundedMinor: true,
      refunds: { select: { id: true, amountMinor: true, status: true } },
      tickets: { select: { status: true } },
    },
  });
}

/** The order e-mails queued for these orders, by kind. */
async function emailKinds(orderIds: string[]) {
  const messages = await db.outboxMessage.findMany({ where: { topic: "email.order" }, select: { payload: true } });
  const ours = new Set(orderIds);
  const kinds = new Map<string, number>();
  for (const { payload } of messages) {
    const p = payload as { kind: string; orderId: string };
    if (ours.has(p.orderId)) kinds.set(p.kind, (kinds.get(p.kind) ?? 0) + 1);
  }
  return Object.fromEntries(kinds);
}

/** Pays out every refund of these orders through the refund topic's handler and the simulator gateway. */
async function payOutRefunds(orderIds: string[]) {
  // Ours only: a dashboard refund is paid out already and has no payout message.
  const refunds = await db.refund.findMany({
    where: { orderId: { in: orderIds }, external: false },
    select: { id: true },
  });
  const pay = refundHandler(db, services().gateway);
  for (const { id } of refunds) {
    const message = await db.outboxMessage.findFirstOrThrow({
      where: { topic: REFUND_TOPIC, payload: { path: ["refundId"], equals: id } },
    });
    await pay(message.payload);
  }
}

async function until(condition: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 1_200; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting until ${what}`);
}

describe("cancelling an event", () => {
  it("refunds each of 300 paid orders exactly once, voids their tickets, releases holds and closes open orders", async () => {
    const sale = await createSaleEvent({ seatCount: 30, gaCapacity: 400, perOrderLimit: 1 });
    const eventId = sale.event.id;
    const orderIds = await paidOrders(sale, 300, 20);

    // One order was partly refunded in Stripe's dashboard: only the rest is refunded now.
    const partlyRefunded = orderIds[7]!;
    const { payments } = await orderState(partlyRefunded);
    const dashboardRefund = await deliverWebhook({
      ...stripeFixture("event"),
      id: `evt_${randomUUID()}`,
      type: "charge.refunded",
      data: {
        object: { ...stripeFixture("charge"), payment_intent: payments[0]!.providerPaymentId, amount_refunded: 1_000 },
      },
    });
    expect(dashboardRefund.json.status).toBe("processed");
    expect((await orderState(partlyRefunded)).status).toBe("PARTIALLY_REFUNDED");

    // A fan holding a ticket, and one on the payment page.
    const holder = await createUserWithToken("FAN");
    const hold = await holdTickets(holder.token, eventId, { ticketTypeId: sale.ga.id, quantity: 1 });
    expect(hold.status).toBe(201);
    const payer = await createUserWithToken("FAN");
    const payerHold = await holdTickets(payer.token, eventId, { seatIds: [sale.seats[25]!.id] });
    const started = await checkout(payer.token, payerHold.json.holdId);
    expect(started.status).toBe(201);
    const pendingOrderId = started.json.orderId as string;
    const pendingSessionId = sessionIdOf(started.json.checkoutUrl);
    const soldBefore = await db.ticketType.findMany({ where: { eventId }, select: { id: true, sold: true } });

    const result = await cancelEvent(services(), { eventId, reason: "The headliner has lost their voice." });
    expect(result).toMatchObject({ outcome: "cancelled", pendingOrdersCancelled: 1, holdsReleased: 2 });

    // At once: the event is cancelled, the holds are gone and the open order is closed with its payment page.
    expect((await db.event.findUniqueOrThrow({ where: { id: eventId } })).status).toBe("CANCELLED");
    const holds = await db.hold.findMany({ where: { id: { in: [hold.json.holdId, payerHold.json.holdId] } } });
    expect(holds.map((h) => h.status)).toEqual(["RELEASED", "RELEASED"]);
    expect((await db.ticketType.findUniqueOrThrow({ where: { id: sale.ga.id } })).held).toBe(0);
    expect(await db.seat.findUniqueOrThrow({ where: { id: sale.seats[25]!.id } })).toMatchObject({
      status: "AVAILABLE",
      holdId: null,
    });
    const pending = await orderState(pendingOrderId);
    expect(pending).toMatchObject({ status: "CANCELLED", statusReason: EVENT_CANCELLED_REASON, refunds: [] });
    expect(pending.payments.map((p) => p.status)).toEqual(["CANCELLED"]);
    expect((await db.simulatorSession.findUniqueOrThrow({ where: { id: pendingSessionId } })).status).toBe("expired");

    // The refunds are the worker's: one persistent message, nothing refunded yet.
    const [message, ...others] = await cancelMessages(eventId);
    expect(others).toEqual([]);
    expect(await cancellationProgress(db, eventId)).toMatchObject({ ordersToRefund: 300, ordersRefunded: 0 });

    const startedAt = performance.now();
    await handler()(message!.payload);
    const tookMs = performance.now() - startedAt;
    console.info(`cancel-event handler: 300 orders refunded in ${Math.round(tookMs)} ms`);

    const refunded = await ordersOf(orderIds);
    expect(refunded).toHaveLength(300);
    for (const order of refunded) {
      const owed = order.id === partlyRefunded ? order.totalMinor - 1_000 : order.totalMinor;
      expect(order).toMatchObject({ status: "REFUNDED", statusReason: EVENT_CANCELLED_REASON });
      // The dashboard refund is on record as a refund of its own (refund-reconcile.ts); the cancellation refunds the rest.
      const before =
        order.id === partlyRefunded ? [expect.objectContaining({ amountMinor: 1_000, status: "SUCCEEDED" })] : [];
      expect(order.refunds).toHaveLength(before.length + 1);
      expect(order.refunds).toEqual(
        expect.arrayContaining([...before, expect.objectContaining({ amountMinor: owed, status: "PENDING" })]),
      );
      expect(order.tickets.map((t) => t.status)).toEqual(["VOIDED"]);
    }
    // Nothing went back on sale: the seats stay sold and the GA counts stay as they were.
    const seatIds = sale.seats.slice(0, 20).map((s) => s.id);
    expect(await db.seat.count({ where: { id: { in: seatIds }, status: "SOLD" } })).toBe(20);
    expect(await db.ticketType.findMany({ where: { eventId }, select: { id: true, sold: true } })).toEqual(
      expect.arrayContaining(soldBefore),
    );
    // One e-mail per buyer, the cancellation's (not a separate refund e-mail).
    expect(await emailKinds(orderIds)).toEqual({ confirmed: 300, cancelled: 300 });
    // (The one paid out is the dashboard refund, on record since charge.refunded reported it.)
    expect(await cancellationProgress(db, eventId)).toEqual({
      ordersToRefund: 0,
      ordersRefunded: 300,
      refundsPaidOut: 1,
      refundsPending: 300,
      refundsFailed: 0,
      done: false,
    });

    // Delivered again, and the event cancelled again: nothing more happens.
    await handler()(message!.payload);
    expect(await cancelEvent(services(), { eventId })).toMatchObject({ outcome: "already-cancelled" });
    expect(await cancelMessages(eventId)).toHaveLength(1);
    expect(await db.refund.count({ where: { orderId: { in: orderIds } } })).toBe(301);
    expect(await emailKinds(orderIds)).toEqual({ confirmed: 300, cancelled: 300 });

    // The worker pays them out through the gateway.
    await payOutRefunds(orderIds);
    expect(await cancellationProgress(db, eventId)).toEqual({
      ordersToRefund: 0,
      ordersRefunded: 300,
      refundsPaidOut: 301,
      refundsPending: 0,
      refundsFailed: 0,
      done: true,
    });
    for (const order of await ordersOf(orderIds)) {
      expect(order.refunds.map((r) => r.status)).toEqual(
        order.id === partlyRefunded ? ["SUCCEEDED", "SUCCEEDED"] : ["SUCCEEDED"],
      );
      if (order.id !== partlyRefunded) expect(order.refundedMinor).toBe(order.totalMinor);
    }

    // What a buyer reads.
    const emailMessage = await db.outboxMessage.findFirstOrThrow({
      where: { topic: "email.order", payload: { path: ["orderId"], equals: orderIds[0]! } },
      orderBy: { createdAt: "desc" },
    });
    const { email, appUrl } = services();
    await orderEmailHandler(db, email, appUrl)(emailMessage.payload);
    const buyer = await db.order.findUniqueOrThrow({ where: { id: orderIds[0]! }, select: { email: true } });
    const mail = await db.devMail.findFirstOrThrow({ where: { to: buyer.email }, orderBy: { createdAt: "desc" } });
    expect(mail.subject).toBe(`Cancelled: ${sale.event.title}`);
    expect(mail.text).toContain("has been cancelled");
    expect(mail.text).toContain("From the organizer: The headliner has lost their voice.");
    expect(mail.text).toContain("We refunded $55.00");
  }, 180_000);

  it("refunds each of 300 orders exactly once when the worker is killed halfway and restarted", async () => {
    const sale = await createSaleEvent({ seatCount: 1, gaCapacity: 300, perOrderLimit: 1 });
    const eventId = sale.event.id;
    const orderIds = await paidOrders(sale, 300);
    await cancelEvent(services(), { eventId });

    // Stall the worker inside the transaction of the 150th order: it has marked the order refunded and voided
    // its ticket, and its refund row waits for the key-share lock on the payment row, which we hold.
    const inIdOrder = await db.order.findMany({
      where: { id: { in: orderIds } },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    const stalled = inIdOrder[149]!.id;
    const payment = await db.payment.findFirstOrThrow({ where: { orderId: stalled, status: "SUCCEEDED" } });
    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await blocker.connect();
    await blocker.query("BEGIN");
    await blocker.query(`SELECT id FROM payments WHERE id = $1 FOR UPDATE`, [payment.id]);
    const blockerPid = (await blocker.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;

    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "tests/support/cancel-event-child.ts", eventId],
      { cwd: ROOT, env: process.env, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const exited = new Promise<string | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));

    try {
      await until(async () => {
        if (child.exitCode !== null) throw new Error(`the worker exited early: ${output}`);
        // Asked outside the blocker's transaction, which would keep showing its first snapshot of the view.
        const [{ waiting }] = await db.$queryRaw<[{ waiting: number }]>`
          SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE ${blockerPid}::int = ANY(pg_blocking_pids(pid))`;
        return waiting > 0;
      }, "the worker waits for the payment row");
      const refundedBeforeKill = await db.order.count({ where: { id: { in: orderIds }, status: "REFUNDED" } });
      expect(refundedBeforeKill).toBeGreaterThan(0);
      expect(refundedBeforeKill).toBeLessThan(300);

      child.kill("SIGKILL");
      expect(await exited).toBe("SIGKILL");
    } finally {
      child.kill("SIGKILL");
      await blocker.query("ROLLBACK");
      await blocker.end();
    }
    // The transaction it died in left nothing behind.
    const half = await orderState(stalled);
    expect(half.status).toBe("PAID");
    expect(half.refunds).toEqual([]);
    expect(half.tickets.map((t) => t.status)).toEqual(["ISSUED"]);

    // Restarted, twice at once (the message redelivered after its lease while a second worker also runs it),
    // then once more.
    await Promise.all([handler()({ eventId }), handler()({ eventId })]);
    await handler()({ eventId });

    const orders = await ordersOf(orderIds);
    for (const order of orders) {
      expect(order.status).toBe("REFUNDED");
      expect(order.refunds).toEqual([expect.objectContaining({ amountMinor: order.totalMinor })]);
      expect(order.tickets.map((t) => t.status)).toEqual(["VOIDED"]);
    }
    expect(await db.refund.count({ where: { orderId: { in: orderIds } } })).toBe(300);
    expect(await emailKinds(orderIds)).toEqual({ confirmed: 300, cancelled: 300 });
    expect(await cancellationProgress(db, eventId)).toMatchObject({ ordersToRefund: 0, ordersRefunded: 300 });
  }, 180_000);

  it("refunds, and does not fulfil, a payment that arrives for an order that was open when the event was cancelled", async () => {
    const sale = await createSaleEvent();
    const fan = await createUserWithToken("FAN");
    const seatId = sale.seats[0]!.id;
    const hold = await holdTickets(fan.token, sale.event.id, { seatIds: [seatId] });
    const started = await checkout(fan.token, hold.json.holdId);
    const orderId = started.json.orderId as string;
    const sessionId = sessionIdOf(started.json.checkoutUrl);

    await cancelEvent(services(), { eventId: sale.event.id });
    expect((await orderState(orderId)).status).toBe("CANCELLED");

    // The fan's payment went through in the instant before the page was closed; Stripe reports it afterwards.
    await db.simulatorSession.update({
      where: { id: sessionId },
      data: { status: "complete", paymentStatus: "paid", paymentIntentId: `pi_${randomUUID()}` },
    });
    const late = await deliverWebhook(await sessionEvent("checkout.session.completed", sessionId));
    expect(late.status).toBe(200);
    const order = await orderState(orderId);
    expect(order.status).toBe("CANCELLED");
    expect(order.tickets).toEqual([]);
    expect(order.refunds).toEqual([
      expect.objectContaining({ amountMinor: order.totalMinor, status: "PENDING", reason: expect.any(String) }),
    ]);
    expect((await db.seat.findUniqueOrThrow({ where: { id: seatId } })).status).toBe("AVAILABLE");

    // The cancellation's own run leaves it alone: still one refund.
    await handler()({ eventId: sale.event.id });
    expect((await orderState(orderId)).refunds).toHaveLength(1);
  });

  it("refunds, and does not fulfil, a payment for a hold taken while the cancellation committed", async () => {
    const sale = await createSaleEvent();
    const fan = await createUserWithToken("FAN");
    await cancelEvent(services(), { eventId: sale.event.id });
    // What a hold whose transaction read the event as on sale just before the cancellation committed leaves.
    const hold = await takeHold(services().holds, sale, { seatIds: [sale.seats[0]!.id], userId: fan.user.id });
    const started = await checkout(fan.token, hold.holdId);
    expect(started.status).toBe(201);

    expect((await pay(sessionIdOf(started.json.checkoutUrl))).status).toBe(200);
    const order = await orderState(started.json.orderId);
    expect(order).toMatchObject({ status: "REFUNDED", statusReason: EVENT_CANCELLED_REASON, tickets: [] });
    expect(order.refunds).toEqual([expect.objectContaining({ amountMinor: order.totalMinor, status: "PENDING" })]);
    expect((await db.seat.findUniqueOrThrow({ where: { id: sale.seats[0]!.id } })).status).toBe("AVAILABLE");
  });

  it("refunds every payment made before or while the cancellation runs, exactly once", async () => {
    const sale = await createSaleEvent({ seatCount: 20, perOrderLimit: 1 });
    const open = [];
    for (const seat of sale.seats) {
      const fan = await createUserWithToken("FAN");
      const hold = await holdTickets(fan.token, sale.event.id, { seatIds: [seat.id] });
      const started = await checkout(fan.token, hold.json.holdId);
      open.push({ orderId: started.json.orderId as string, sessionId: sessionIdOf(started.json.checkoutUrl) });
    }
    // Half the fans pay; the organizer cancels while the other half are paying.
    const early = await Promise.all(open.slice(0, 10).map(({ sessionId }) => pay(sessionId)));
    const [result, ...late] = await Promise.all([
      cancelEvent(services(), { eventId: sale.event.id }),
      ...open.slice(10).map(({ sessionId }) => pay(sessionId)),
    ]);
    const answers = [...early, ...late];
    expect(answers.map((a) => a.status).filter((status) => status !== 200 && status !== 409)).toEqual([]);
    expect(result.outcome).toBe("cancelled");
    await handler()({ eventId: sale.event.id });

    for (const { orderId } of open) {
      const order = await orderState(orderId);
      expect(["REFUNDED", "CANCELLED"]).toContain(order.status);
      expect(order.tickets.filter((t) => t.status === "ISSUED")).toEqual([]);
      const paid = order.payments.some((p) => p.status === "SUCCEEDED");
      expect(order.refunds).toEqual(paid ? [expect.objectContaining({ amountMinor: order.totalMinor })] : []);
    }
  });

  it("hands the rest of a large event to a fresh delivery", async () => {
    const sale = await createSaleEvent({ perOrderLimit: 1 });
    const orderIds = await paidOrders(sale, 5);
    await cancelEvent(services(), { eventId: sale.event.id });
    const small = cancelEventHandler({ db, gateway: services().gateway }, { batchSize: 2, ordersPerDelivery: 2 });

    await small({ eventId: sale.event.id });
    expect(await db.order.count({ where: { id: { in: orderIds }, status: "REFUNDED" } })).toBe(2);
    const messages = await cancelMessages(sale.event.id);
    expect(messages).toHaveLength(2);
    await small(messages[1]!.payload);
    await small({ eventId: sale.event.id });
    expect(await db.order.count({ where: { id: { in: orderIds }, status: "REFUNDED" } })).toBe(5);
    expect(await db.refund.count({ where: { orderId: { in: orderIds } } })).toBe(5);
  });

  it("cancels drafts, refuses unknown events, and refunds nothing for an event that is not cancelled", async () => {
    const sale = await createSaleEvent({ perOrderLimit: 1 });
    const [orderId] = await paidOrders(sale, 1);
    await handler()({ eventId: sale.event.id });
    expect((await orderState(orderId!)).status).toBe("PAID");

    await expect(cancelEvent(services(), { eventId: "no-such-event" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const draft = await createSaleEvent();
    await db.event.update({ where: { id: draft.event.id }, data: { status: "DRAFT" } });
    expect(await cancelEvent(services(), { eventId: draft.event.id })).toMatchObject({ outcome: "cancelled" });
  });
});

import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ORDER_EMAIL_TOPIC } from "@/lib/orders/emails";
import { SIMULATOR_WEBHOOK_SECRET } from "@/lib/payments/signing";
import { simulatedCardFingerprint, suggestedTestCard } from "@/lib/payments/simulator";
import { services } from "@/lib/services";
import { createUserWithToken } from "../support/factories";
import { createSaleEvent } from "../support/inventory-fixtures";
import { checkout, holdTickets, orderState, pay, sessionIdOf } from "../support/purchase";

// The per-card limit (lib/orders/card-limit.ts): payments settle through the simulator's signed webhooks
// into the real settlement transaction, against the real database.

const CARD = "4242 4242 4242 4242";
const OTHER_CARD = "5555 5555 5555 4444";

/** A fan of their own holds `quantity` GA tickets and opens the payment page: the session to pay. */
async function pendingOrder(eventId: string, ticketTypeId: string, quantity: number) {
  const fan = await createUserWithToken("FAN");
  const hold = await holdTickets(fan.token, eventId, { ticketTypeId, quantity });
  expect(hold.status).toBe(201);
  const started = await checkout(fan.token, hold.json.holdId);
  expect(started.status).toBe(201);
  return { fan, orderId: started.json.orderId as string, sessionId: sessionIdOf(started.json.checkoutUrl) };
}

async function cardRefusals(eventId: string) {
  await services().refusals.flush();
  return db.refusalCount.findMany({
    where: { eventId, reason: "CARD_LIMIT" },
    select: { userId: true, count: true },
  });
}

describe("the simulator's card fingerprint", () => {
  it("is the same for one card number however it is typed, differs between cards, and does not reveal it", () => {
    const secret = "a-webhook-secret";
    const fingerprint = simulatedCardFingerprint(secret, CARD);
    expect(simulatedCardFingerprint(secret, "4242424242424242")).toBe(fingerprint);
    expect(simulatedCardFingerprint(secret, OTHER_CARD)).not.toBe(fingerprint);
    expect(simulatedCardFingerprint("another-secret", CARD)).not.toBe(fingerprint);
    expect(fingerprint).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(fingerprint).not.toContain("4242");
  });

  it("suggests a test card of its own to each payment page, the same on every visit", () => {
    expect(suggestedTestCard("cs_test_sim_a")).toBe(suggestedTestCard("cs_test_sim_a"));
    expect(suggestedTestCard("cs_test_sim_a")).not.toBe(suggestedTestCard("cs_test_sim_b"));
    expect(suggestedTestCard("cs_test_sim_a")).toMatch(/^4242 4242 \d{4} \d{4}$/);
  });

  it("is stored on the payment, and nothing else of the card", async () => {
    const event = await createSaleEvent({ gaCapacity: 5 });
    const { orderId, sessionId } = await pendingOrder(event.event.id, event.ga.id, 1);
    expect((await pay(sessionId, CARD)).status).toBe(200);
    const payment = await db.payment.findFirstOrThrow({ where: { orderId } });
    expect(payment.cardFingerprint).toBe(simulatedCardFingerprint(SIMULATOR_WEBHOOK_SECRET, CARD));
    expect(JSON.stringify(payment)).not.toContain("4242");
  });
});

describe("the per-card limit", () => {
  it("refunds a payment with a card that already bought the event's limit on another account, and frees its tickets", async () => {
    const event = await createSaleEvent({ gaCapacity: 10, perOrderLimit: 3 });
    const first = await pendingOrder(event.event.id, event.ga.id, 2);
    expect((await pay(first.sessionId, CARD)).status).toBe(200);
    expect((await orderState(first.orderId)).status).toBe("PAID");

    // A second account, the same card: 2 + 2 > 3.
    const second = await pendingOrder(event.event.id, event.ga.id, 2);
    expect((await pay(second.sessionId, CARD)).status).toBe(200);
    const refused = await orderState(second.orderId);
    expect(refused.status).toBe("REFUNDED");
    expect(refused.statusReason).toBe(
      "This card has already bought the maximum for this event (3 tickets per card), so we refunded this payment.",
    );
    expect(refused.tickets).toEqual([]);
    expect(refused.refunds).toEqual([expect.objectContaining({ amountMinor: refused.totalMinor })]);
    // The refused order's tickets are back on sale at once.
    expect(
      await db.ticketType.findUniqueOrThrow({ where: { id: event.ga.id }, select: { sold: true, held: true } }),
    ).toEqual({ sold: 2, held: 0 });
    // The fan is told by e-mail, with the reason.
    const email = await db.outboxMessage.findFirst({
      where: { topic: ORDER_EMAIL_TOPIC, payload: { path: ["orderId"], equals: second.orderId } },
    });
    expect(email?.payload).toMatchObject({ kind: "refunded", reason: refused.statusReason });
    expect(await cardRefusals(event.event.id)).toEqual([{ userId: second.fan.user.id, count: 1 }]);

    // Within the limit the same card still pays (2 + 1 = 3), and another card is another card.
    const third = await pendingOrder(event.event.id, event.ga.id, 1);
    expect((await pay(third.sessionId, CARD)).status).toBe(200);
    expect((await orderState(third.orderId)).status).toBe("PAID");
    const fourth = await pendingOrder(event.event.id, event.ga.id, 2);
    expect((await pay(fourth.sessionId, OTHER_CARD)).status).toBe(200);
    expect((await orderState(fourth.orderId)).status).toBe("PAID");
  });

  it("counts only this event's tickets, and none that were refunded", async () => {
    const [event, other] = await Promise.all([
      createSaleEvent({ gaCapacity: 10, perOrderLimit: 2 }),
      createSaleEvent({ gaCapacity: 10, perOrderLimit: 2 }),
    ]);
    const elsewhere = await pendingOrder(other.event.id, other.ga.id, 2);
    expect((await pay(elsewhere.sessionId, CARD)).status).toBe(200);
    const here = await pendingOrder(event.event.id, event.ga.id, 2);
    expect((await pay(here.sessionId, CARD)).status).toBe(200);
    expect((await orderState(here.orderId)).status).toBe("PAID");
  });

  it("lets one of three payments with one card through when they settle at the same moment", async () => {
    const event = await createSaleEvent({ gaCapacity: 10, perOrderLimit: 2 });
    const orders = await Promise.all([1, 2, 3].map(() => pendingOrder(event.event.id, event.ga.id, 2)));
    const answers = await Promise.all(orders.map((o) => pay(o.sessionId, CARD)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const states = await Promise.all(orders.map((o) => orderState(o.orderId)));
    expect(states.map((s) => s.status).sort()).toEqual(["PAID", "REFUNDED", "REFUNDED"]);
    expect(await db.ticket.count({ where: { eventId: event.event.id, status: "ISSUED" } })).toBe(2);
    expect((await cardRefusals(event.event.id)).reduce((sum, r) => sum + r.count, 0)).toBe(2);
  });
});

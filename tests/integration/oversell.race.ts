import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { services } from "@/lib/services";
import { holdContents } from "@/lib/inventory/holds";
import { suggestedTestCard } from "@/lib/payments/simulator";
import { startAppServer } from "../support/app-server";
import { createUserWithToken } from "../support/factories";
import { createSaleEvent } from "../support/inventory-fixtures";

const FANS = 200;

async function postJson(url: string, token: string | null, body?: unknown) {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { "content-type": "application/json" } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, json: (await response.json().catch(() => null)) as Record<string, unknown> | null };
}

/** Hold and check out; returns the hold status and, on success, a function that pays in the simulator. */
async function holdAndCheckOut(base: string, eventId: string, token: string, body: unknown) {
  const hold = await postJson(`${base}/api/v1/events/${eventId}/holds`, token, body);
  if (hold.status !== 201) return { status: hold.status };
  const holdId = hold.json!.holdId as string;
  const started = await postJson(`${base}/api/v1/holds/${holdId}/checkout`, token);
  expect(started.status).toBe(201);
  const sessionId = String(started.json!.checkoutUrl).split("/").pop();
  // The simulator's Pay posts a Stripe-signed checkout.session.completed to the webhook intake. Each payment with
  // a card of its own, as the payment page suggests: one card would meet the per-card limit, which is not this race.
  const card = suggestedTestCard(sessionId!);
  const pay = () => postJson(`${base}/checkout/simulator/${sessionId}/pay`, null, { card });
  return { status: 201, holdId, pay };
}

/** Makes a hold lapse now, in the database and in the hold store (Redis entries go as their TTL would). */
async function lapse(holdId: string) {
  const past = new Date(Date.now() - 1_000);
  await db.hold.update({ where: { id: holdId }, data: { expiresAt: past } });
  await db.seat.updateMany({ where: { holdId }, data: { holdExpiresAt: past } });
  await services().holds.afterSale(await holdContents(db, holdId));
}

/** The oversell race, run once per hold store (the store is chosen by the test file's environment). */
export function oversellRace(storeName: string) {
  describe(`${FANS} fans racing over HTTP (${storeName} holds)`, () => {
    it(
      "never sells a seat twice, never oversells GA, and refunds every charge without tickets",
      { timeout: 180_000 },
      async () => {
        const event = await createSaleEvent({ seatCount: 50, gaCapacity: 20, perOrderLimit: 4 });
        const fans = await Promise.all(Array.from({ length: FANS }, () => createUserWithToken("FAN")));
        expect(services().holds.kind).toBe(storeName === "Redis" ? "redis" : "postgres");
        const server = await startAppServer();
        const eventId = event.event.id;
        try {
          const seatIds = event.seats.map((s) => s.id);
          // Wave 1: half the fans want 1–2 of seats 1–40 (overlapping), half 1–2 of the 20 GA tickets.
          const wave1 = await Promise.all(
            fans.map(async (fan, i) => {
              const n = i % 3 === 0 ? 2 : 1;
              const start = (Math.floor(i / 2) * 17) % 39;
              const body =
                i % 2 === 0 ? { seatIds: seatIds.slice(start, start + n) } : { ticketTypeId: event.ga.id, quantity: n };
              const attempt = await holdAndCheckOut(server.url, eventId, fan.token, body);
              if (attempt.pay) expect((await attempt.pay()).status).toBe(200);
              return attempt.status;
            }),
          );
          // Wave 2, seats 41–50: a fan holds a seat and checks out, the hold lapses, and the late payment
          // races a rival who holds and pays for the same seat. One gets the seat; the other is refused a
          // hold or, having paid, is refunded.
          const wave2 = await Promise.all(
            seatIds.slice(40).map(async (seatId, k) => {
              const late = await holdAndCheckOut(server.url, eventId, fans[2 * k]!.token, { seatIds: [seatId] });
              await lapse(late.holdId!);
              const rival = holdAndCheckOut(server.url, eventId, fans[2 * k + 1]!.token, { seatIds: [seatId] }).then(
                async (r) => {
                  if (r.pay) await r.pay();
                  return r.status;
                },
              );
              const [, rivalStatus] = await Promise.all([late.pay!(), rival]);
              return rivalStatus;
            }),
          );
          const statuses = new Map<number, number>();
          for (const s of [...wave1, ...wave2]) statuses.set(s, (statuses.get(s) ?? 0) + 1);
          expect([...statuses.keys()].every((s) => s === 201 || s === 409)).toBe(true);

          // No seat has two live tickets, and every sold seat has its ticket.
          const liveSeatTickets = await db.ticket.groupBy({
            by: ["seatId"],
            where: { eventId, status: "ISSUED", seatId: { not: null } },
            _count: { _all: true },
          });
          expect(liveSeatTickets.every((t) => t._count._all === 1)).toBe(true);
          expect(await db.seat.count({ where: { eventId, status: "SOLD" } })).toBe(liveSeatTickets.length);
          expect((await db.ticketType.findUniqueOrThrow({ where: { id: event.reserved.id } })).sold).toBe(
            liveSeatTickets.length,
          );

          // GA never over capacity, and sold matches the tickets issued.
          const ga = await db.ticketType.findUniqueOrThrow({ where: { id: event.ga.id } });
          expect(ga.sold).toBeLessThanOrEqual(ga.capacity);
          expect(ga.sold).toBe(await db.ticket.count({ where: { ticketTypeId: event.ga.id, status: "ISSUED" } }));

          // Every PAID order has exactly its tickets; every charged order without tickets is refunded in full.
          const orders = await db.order.findMany({
            where: { eventId },
            select: {
              status: true,
              totalMinor: true,
              items: { select: { quantity: true } },
              _count: { select: { tickets: true } },
              payments: { select: { status: true } },
              refunds: { select: { amountMinor: true } },
            },
          });
          for (const order of orders) {
            if (order.status === "PAID")
              expect(order._count.tickets).toBe(order.items.reduce((sum, i) => sum + i.quantity, 0));
            if (order.payments.some((p) => p.status === "SUCCEEDED") && order._count.tickets === 0) {
              expect(order.refunds.reduce((sum, r) => sum + r.amountMinor, 0)).toBe(order.totalMinor);
            }
          }
          const paid = orders.filter((o) => o.status === "PAID").length;
          const refunded = orders.filter((o) => o.refunds.length > 0).length;
          console.log(
            `${storeName}: holds ${JSON.stringify(Object.fromEntries(statuses))}; ${orders.length} orders, ${paid} paid, ` +
              `${refunded} refunded; ${liveSeatTickets.length}/50 seats and ${ga.sold}/20 GA sold`,
          );
          // Each contested wave-2 seat went to exactly one of its two buyers.
          expect(await db.seat.count({ where: { id: { in: seatIds.slice(40) }, status: "SOLD" } })).toBe(10);
          expect(ga.sold).toBe(20);
        } finally {
          await server.close();
        }
      },
    );
  });
}

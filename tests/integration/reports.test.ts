import { beforeAll, describe, expect, it } from "vitest";
import { GET as attendeesRoute } from "@/app/api/v1/events/[eventId]/attendees.csv/route";
import { GET as ordersRoute } from "@/app/api/v1/events/[eventId]/orders.csv/route";
import { db } from "@/lib/db";
import { returnToSale } from "@/lib/inventory/return-to-sale";
import { voidIssuedTickets } from "@/lib/orders/tickets";
import { eventReport } from "@/lib/reports/event-report";
import { organizationReport } from "@/lib/reports/organization-report";
import { seatOccupancy } from "@/lib/reports/seat-occupancy";
import { services } from "@/lib/services";
import { createUserWithToken } from "../support/factories";
import { createSaleEvent, type SaleEvent } from "../support/inventory-fixtures";
import { bearer } from "../support/http";
import { buy, holdTickets } from "../support/purchase";

// Hand-counted fixture: an event in New York with 10 reserved seats ($55 all-in, price zone
// "stalls", seat 10 not for sale) and 10 general-admission tickets ($28 all-in):
//   A  2 seats  $110  paid 2026-11-20 03:30 UTC = 19 Nov in New York; one ticket checked in
//   B  3 GA     $84   paid 2026-11-21 15:00 UTC = 21 Nov; refunded in full on 22 Nov
//   C  1 seat   $55   paid 2026-11-21 23:00 UTC = 21 Nov (18:00 in New York)
//   D  1 GA     $28   paid 2026-11-21 02:00 UTC = 20 Nov (21:00 in New York)
//   E  1 seat   held now, not checked out
let sale: SaleEvent;
let orders: Record<"A" | "B" | "C" | "D", string>;

async function paidOn(orderId: string, paidAt: string) {
  await db.order.update({ where: { id: orderId }, data: { paidAt: new Date(paidAt) } });
}

/** What a full refund leaves behind: tickets voided, GA back on sale, the refund, the order REFUNDED. */
async function refundInFull(orderId: string, at: string) {
  await db.$transaction(async (tx) => {
    const voided = await voidIssuedTickets(tx, orderId);
    await returnToSale(tx, {
      seatIds: [],
      generalAdmission: [{ ticketTypeId: voided[0]!.ticketTypeId, quantity: voided.length }],
    });
    const order = await tx.order.update({
      where: { id: orderId },
      data: { status: "REFUNDED", refundedMinor: 8_400 },
      select: { payments: { select: { id: true } } },
    });
    await tx.refund.create({
      data: {
        orderId,
        paymentId: order.payments[0]!.id,
        amountMinor: 8_400,
        currency: "USD",
        reason: "Asked by the buyer",
        status: "SUCCEEDED",
        createdAt: new Date(at),
      },
    });
  });
}

beforeAll(async () => {
  sale = await createSaleEvent({ seatCount: 10, gaCapacity: 10 });
  await db.ticketType.update({ where: { id: sale.reserved.id }, data: { zone: "stalls" } });
  await db.seat.update({ where: { id: sale.seats[9]!.id }, data: { status: "BLOCKED" } });
  const fans = await Promise.all([1, 2, 3, 4, 5].map(() => createUserWithToken("FAN")));
  // A spreadsheet formula as a buyer's name: the export must not let it run.
  await db.user.update({ where: { id: fans[1]!.user.id }, data: { name: '=HYPERLINK("http://evil.test","x")' } });
  const [a, b, c, d, e] = fans.map((f) => f.token) as [string, string, string, string, string];
  const eventId = sale.event.id;
  orders = {
    A: (await buy(a, eventId, { seatIds: [sale.seats[0]!.id, sale.seats[1]!.id] })).orderId,
    B: (await buy(b, eventId, { ticketTypeId: sale.ga.id, quantity: 3 })).orderId,
    C: (await buy(c, eventId, { seatIds: [sale.seats[2]!.id] })).orderId,
    D: (await buy(d, eventId, { ticketTypeId: sale.ga.id, quantity: 1 })).orderId,
  };
  expect((await holdTickets(e, eventId, { seatIds: [sale.seats[4]!.id] })).status).toBe(201);
  await paidOn(orders.A, "2026-11-20T03:30:00Z");
  await paidOn(orders.B, "2026-11-21T15:00:00Z");
  await paidOn(orders.C, "2026-11-21T23:00:00Z");
  await paidOn(orders.D, "2026-11-21T02:00:00Z");
  await refundInFull(orders.B, "2026-11-22T12:00:00Z");
  const ticket = await db.ticket.findFirstOrThrow({ where: { orderId: orders.A } });
  await db.ticket.update({ where: { id: ticket.id }, data: { checkedInAt: new Date() } });
}, 60_000);

describe("an event's report", () => {
  it("adds up the hand-counted orders, the refund and the live hold", async () => {
    const report = await eventReport(services(), {
      organizationId: sale.event.organizationId,
      eventId: sale.event.id,
    });
    expect(report).not.toBeNull();
    const { totals, ticketTypes, zones, sales } = report!;
    expect(totals).toEqual({
      ticketsIssued: 4,
      ticketsCheckedIn: 1,
      grossMinor: 27_700,
      refundedMinor: 8_400,
      netMinor: 19_300,
      currencies: ["USD"],
      refunds: { count: 1, amountMinor: 8_400, refundedOrders: 1, partiallyRefundedOrders: 0 },
      conversion: { holds: 5, orders: 4, paid: 4 },
      liveHolds: { holds: 1, tickets: 1 },
    });
    expect(
      ticketTypes.map(({ name, capacity, sold, held, remaining, revenueMinor, voidedTickets, blockedSeats }) => ({
        name,
        capacity,
        sold,
        held,
        remaining,
        revenueMinor,
        voidedTickets,
        blockedSeats,
      })),
    ).toEqual([
      {
        name: "Stalls",
        capacity: 10,
        sold: 3,
        held: 1,
        remaining: 5,
        revenueMinor: 16_500,
        voidedTickets: 0,
        blockedSeats: 1,
      },
      {
        name: "Standing",
        capacity: 10,
        sold: 1,
        held: 0,
        remaining: 9,
        revenueMinor: 11_200,
        voidedTickets: 3,
        blockedSeats: 0,
      },
    ]);
    expect(zones).toEqual([
      { zone: "stalls", capacity: 10, sold: 3, held: 1, remaining: 5, blockedSeats: 1, revenueMinor: 16_500 },
    ]);
    expect(report!.capacity).toBe(20);
    expect(report!.remaining).toBe(14);
    // Days at the venue (New York), with the empty ones in between.
    expect(sales).toEqual([
      { day: "2026-11-19", orders: 1, tickets: 2, revenueMinor: 11_000, refundedMinor: 0 },
      { day: "2026-11-20", orders: 1, tickets: 1, revenueMinor: 2_800, refundedMinor: 0 },
      { day: "2026-11-21", orders: 2, tickets: 4, revenueMinor: 13_900, refundedMinor: 0 },
      { day: "2026-11-22", orders: 0, tickets: 0, revenueMinor: 0, refundedMinor: 8_400 },
    ]);
  });

  it("is null for an event of another organization", async () => {
    const other = await createSaleEvent();
    expect(
      await eventReport(services(), { organizationId: other.event.organizationId, eventId: sale.event.id }),
    ).toBeNull();
  });

  it("tells the organizer's seat map which seats are sold, held and not for sale", async () => {
    const occupancy = await seatOccupancy(services(), sale.event.id);
    const ids = (n: number[]) => n.map((i) => sale.seats[i]!.id).sort();
    expect({
      sold: [...occupancy.sold].sort(),
      held: [...occupancy.held].sort(),
      blocked: [...occupancy.blocked].sort(),
    }).toEqual({ sold: ids([0, 1, 2]), held: ids([4]), blocked: ids([9]) });
  });
});

describe("an organization's report", () => {
  it("sums its events and lists each with its sales", async () => {
    const report = await organizationReport(services(), { organizationId: sale.event.organizationId });
    expect(report.totals.grossMinor).toBe(27_700);
    expect(report.totals.conversion).toEqual({ holds: 5, orders: 4, paid: 4 });
    expect(report.sales.map((d) => d.day)).toEqual(["2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22"]);
    expect(report.events).toEqual([
      expect.objectContaining({
        id: sale.event.id,
        capacity: 20,
        sold: 4,
        paidOrders: 4,
        grossMinor: 27_700,
        refundedMinor: 8_400,
      }),
    ]);
  });
});

async function csv(handler: typeof ordersRoute, token: string) {
  const response = await handler(new Request(`http://localhost:3000/`, { headers: bearer(token) }), {
    params: Promise.resolve({ eventId: sale.event.id }),
  });
  return { response, lines: (await response.text()).split("\r\n") };
}

describe("CSV exports", () => {
  it("lists the orders, with the buyer's formula defused", async () => {
    const { response, lines } = await csv(ordersRoute, sale.organizerToken);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${sale.event.slug}-orders.csv"`);
    expect(lines[0]).toBe(
      "Order,Status,Created (UTC),Paid (UTC),Buyer name,Buyer e-mail,Tickets,Currency,Subtotal,Fees,Total,Refunded",
    );
    expect(lines.at(-1)).toBe("");
    const rows = lines.slice(1, -1);
    expect(rows).toHaveLength(4);
    // Orders by the number people quote, never the database id.
    const { number } = await db.order.findUniqueOrThrow({ where: { id: orders.B }, select: { number: true } });
    expect(rows.every((r) => /^#\d+,/.test(r))).toBe(true);
    const refunded = rows.find((r) => r.startsWith(`#${number},`))!;
    expect(refunded).toContain(`REFUNDED,`);
    expect(refunded).toContain(`,2026-11-21T15:00:00Z,"'=HYPERLINK(""http://evil.test"",""x"")",`);
    expect(refunded).toMatch(/,3,USD,75\.00,9\.00,84\.00,84\.00$/);
  });

  it("lists every ticket as an attendee, voided ones marked", async () => {
    const { response, lines } = await csv(attendeesRoute, sale.organizerToken);
    expect(response.status).toBe(200);
    expect(lines[0]).toBe(
      "Ticket,Ticket status,Ticket type,Section,Row,Seat,Name,E-mail,Order,Order status,Checked in (UTC)",
    );
    const rows = lines.slice(1, -1);
    expect(rows).toHaveLength(7);
    expect(rows.filter((r) => r.includes(",VOIDED,Standing,,,,"))).toHaveLength(3);
    expect(rows.filter((r) => r.includes(",ISSUED,Stalls,A,1,"))).toHaveLength(3);
    expect(rows.filter((r) => /Z$/.test(r))).toHaveLength(1);
  });

  it("refuses outsiders before writing a byte", async () => {
    const outsider = await createUserWithToken("ORGANIZER");
    const { response } = await csv(attendeesRoute, outsider.token);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/json/);
  });
});

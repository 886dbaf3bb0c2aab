import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/lib/db";
import { authorizeEvent } from "@/lib/events/event-access";
import { minorUnitDigits } from "@/lib/money";
import { csvResponse, keysetCsvStream } from "./csv-stream";

// The CSV exports of one event: its orders and its attendees (one line per ticket). Each page
// is one keyset query of `CSV_PAGE_SIZE` rows in (createdAt, id) order; nothing else is held.
// Times are ISO 8601 in UTC; money is in major units with the currency's own digits ("12.50").

type Key = { createdAt: Date; id: string };
/** Before every real row: the first page starts here. */
const START: Key = { createdAt: new Date(0), id: "" };

const iso = (date: Date | null) => date?.toISOString().replace(".000Z", "Z") ?? null;
const money = (amountMinor: number, currency: string) => {
  const digits = minorUnitDigits(currency);
  return (amountMinor / 10 ** digits).toFixed(digits);
};

type OrderRow = Key & {
  number: number;
  status: string;
  paidAt: Date | null;
  email: string;
  name: string;
  tickets: number;
  currency: string;
  subtotalMinor: number;
  feesMinor: number;
  totalMinor: number;
  refundedMinor: number;
};

function orderPage(db: DbOrTx, eventId: string) {
  return (after: Key | null, limit: number) => {
    const from = after ?? START;
    return db.$queryRaw<OrderRow[]>`
      SELECT o.id, o."createdAt", o.number, o.status::text AS status, o."paidAt", o.email, u.name, o.currency,
             o."subtotalMinor", o."feesMinor", o."totalMinor", o."refundedMinor",
             COALESCE((SELECT sum(i.quantity) FROM order_items i WHERE i."orderId" = o.id), 0)::int AS tickets
      FROM orders o JOIN users u ON u.id = o."userId"
      WHERE o."eventId" = ${eventId} AND (o."createdAt", o.id) > (${from.createdAt}, ${from.id})
      ORDER BY o."createdAt", o.id
      LIMIT ${limit}`;
  };
}

/** Every order of the event, oldest first. */
export function ordersCsv(db: DbOrTx, eventId: string, pageSize?: number) {
  return keysetCsvStream(
    {
      header: [
        "Order",
        "Status",
        "Created (UTC)",
        "Paid (UTC)",
        "Buyer name",
        "Buyer e-mail",
        "Tickets",
        "Currency",
        "Subtotal",
        "Fees",
        "Total",
        "Refunded",
      ],
      page: orderPage(db, eventId),
      keyOf: ({ createdAt, id }) => ({ createdAt, id }),
      // The number organizers and fans quote ("#10423"), not the database id.
      cells: (o) => [
        `#${o.number}`,
        o.status,
        iso(o.createdAt),
        iso(o.paidAt),
        o.name,
        o.email,
        o.tickets,
        o.currency,
        money(o.subtotalMinor, o.currency),
        money(o.feesMinor, o.currency),
        money(o.totalMinor, o.currency),
        money(o.refundedMinor, o.currency),
      ],
    },
    pageSize,
  );
}

type AttendeeRow = Key & {
  code: string;
  status: string;
  ticketType: string;
  section: string | null;
  row: string | null;
  number: string | null;
  name: string;
  email: string;
  orderNumber: number;
  orderStatus: string;
  checkedInAt: Date | null;
};

function attendeePage(db: DbOrTx, eventId: string) {
  return (after: Key | null, limit: number) => {
    const from = after ?? START;
    return db.$queryRaw<AttendeeRow[]>`
      SELECT t.id, t."createdAt", t.code, t.status::text AS status, tt.name AS "ticketType",
             s.section, s.row, s.number, u.name, o.email, o.number AS "orderNumber", o.status::text AS "orderStatus",
             t."checkedInAt"
      FROM tickets t
        JOIN orders o ON o.id = t."orderId"
        JOIN users u ON u.id = o."userId"
        JOIN ticket_types tt ON tt.id = t."ticketTypeId"
        LEFT JOIN seats s ON s.id = t."seatId"
      WHERE t."eventId" = ${eventId} AND (t."createdAt", t.id) > (${from.createdAt}, ${from.id})
      ORDER BY t."createdAt", t.id
      LIMIT ${limit}`;
  };
}

/** One line per ticket of the event (voided ones too, marked so), in the order they were issued. */
export function attendeesCsv(db: DbOrTx, eventId: string, pageSize?: number) {
  return keysetCsvStream(
    {
      header: [
        "Ticket",
        "Ticket status",
        "Ticket type",
        "Section",
        "Row",
        "Seat",
        "Name",
        "E-mail",
        "Order",
        "Order status",
        "Checked in (UTC)",
      ],
      page: attendeePage(db, eventId),
      keyOf: ({ createdAt, id }) => ({ createdAt, id }),
      cells: (t) => [
        t.code,
        t.status,
        t.ticketType,
        t.section,
        t.row,
        t.number,
        t.name,
        t.email,
        `#${t.orderNumber}`,
        t.orderStatus,
        iso(t.checkedInAt),
      ],
    },
    pageSize,
  );
}

const EXPORTS = { orders: ordersCsv, attendees: attendeesCsv } as const;
export type EventExport = keyof typeof EXPORTS;

/**
 * `GET /api/v1/events/{id}/orders.csv` and `…/attendees.csv`: for the event's owners, managers and
 * admins (others: 404, check-in staff 403, as every organizer route), checked before the first byte.
 */
export async function eventExportResponse(db: DbOrTx, options: { actor: Actor; eventId: string; kind: EventExport }) {
  const event = await authorizeEvent(db, options.actor, options.eventId);
  return csvResponse(EXPORTS[options.kind](db, event.id), `${event.slug}-${options.kind}.csv`);
}

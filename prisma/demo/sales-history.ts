import type { Tx } from "@/lib/db-client";
import type { LayoutSeat } from "@/lib/events/layout/expand";
import type { Prisma } from "@/lib/generated/prisma/client";
import { buyerAccounts } from "./catalog";
import { seededRandom } from "./random";

// The demo's sales history: orders spread over the last six weeks of each event's sale (paid,
// a few refunded in full or in part, a few abandoned at the payment page), their holds, items,
// payments, refunds and tickets, and check-ins at the events already past. Everything is built
// in memory from a seeded random sequence and written with a handful of bulk INSERTs; the seats'
// SOLD status and the ticket types' sold counters are then set from the issued tickets in two
// set-based UPDATEs, so they agree with the tickets exactly as the sale path keeps them.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const HISTORY_DAYS = 42;
const CHUNK = 10_000;

type Random = ReturnType<typeof seededRandom>;
type Outcome = "PAID" | "REFUNDED" | "PARTIALLY_REFUNDED" | "CANCELLED";

type SaleType = {
  id: string;
  kind: "GENERAL_ADMISSION" | "RESERVED";
  priceMinor: number;
  feeMinor: number;
  currency: string;
  capacity: number;
};
type SaleEvent = { id: string; startsAt: Date; onSaleAt: Date; perOrderLimit: number; ticketTypes: SaleType[] };

type Line = { type: SaleType; seatId: string | null; quantity: number };

// Crockford's base32, as real ticket codes (lib/orders/tickets.ts), drawn from the seeded sequence.
const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** The rows of every table the history fills, and the counters that name them. */
class History {
  holds: Prisma.HoldCreateManyInput[] = [];
  orders: Prisma.OrderCreateManyInput[] = [];
  items: Prisma.OrderItemCreateManyInput[] = [];
  payments: Prisma.PaymentCreateManyInput[] = [];
  refunds: Prisma.RefundCreateManyInput[] = [];
  tickets: Prisma.TicketCreateManyInput[] = [];
  private serial = 0;
  private codes = new Set<string>();

  constructor(
    private random: Random,
    private today: number,
    private buyers: { id: string; email: string }[],
  ) {}

  id(prefix: string) {
    return `demo_${prefix}_${(this.serial++).toString(36).padStart(6, "0")}`;
  }

  code() {
    for (;;) {
      const chars = Array.from({ length: 16 }, () => CODE_ALPHABET[this.random.int(0, 31)]).join("");
      const code = `MQ-${chars.match(/.{4}/g)!.join("-")}`;
      if (!this.codes.has(code)) return (this.codes.add(code), code);
    }
  }

  /** A hold that ran out at the payment page's door: taken, never checked out. */
  abandonedHold(event: SaleEvent, buyer: number, at: Date) {
    this.holds.push({
      id: this.id("h"),
      eventId: event.id,
      userId: this.buyers[buyer]!.id,
      status: "EXPIRED",
      expiresAt: new Date(at.getTime() + 10 * MINUTE),
      createdAt: at,
      updatedAt: at,
    });
  }

  /** One order and everything the sale path would have written for it. */
  order(event: SaleEvent, buyer: number, at: Date, lines: Line[], outcome: Outcome, past: boolean) {
    const user = this.buyers[buyer]!;
    const currency = lines[0]!.type.currency;
    const holdId = this.id("h");
    const orderId = this.id("o");
    const paid = outcome !== "CANCELLED";
    const paidMoment = new Date(at.getTime() + this.random.int(2, 8) * MINUTE);
    const paidAt = paid ? paidMoment : null;
    const subtotal = lines.reduce((sum, l) => sum + l.quantity * l.type.priceMinor, 0);
    const fees = lines.reduce((sum, l) => sum + l.quantity * l.type.feeMinor, 0);
    const units = lines.flatMap((line) => Array.from({ length: line.quantity }, () => line));
    const voided = outcome === "REFUNDED" ? units.length : outcome === "PARTIALLY_REFUNDED" ? 1 : 0;
    const refunded = units
      .slice(units.length - voided)
      .reduce((sum, l) => sum + l.type.priceMinor + l.type.feeMinor, 0);
    // After the payment and never after today (nor after the show, for the few past ones).
    const refundedAt = new Date(
      Math.max(paidMoment.getTime() + MINUTE, Math.min(this.today, paidMoment.getTime() + this.random.int(1, 6) * DAY)),
    );

    this.holds.push({
      id: holdId,
      eventId: event.id,
      userId: user.id,
      status: paid ? "CONSUMED" : "EXPIRED",
      expiresAt: new Date(at.getTime() + 10 * MINUTE),
      createdAt: at,
      updatedAt: paidAt ?? at,
    });
    this.orders.push({
      id: orderId,
      userId: user.id,
      eventId: event.id,
      holdId,
      status: outcome,
      statusReason: outcome === "CANCELLED" ? "The payment page was left without paying." : null,
      email: user.email,
      currency,
      subtotalMinor: subtotal,
      feesMinor: fees,
      totalMinor: subtotal + fees,
      refundedMinor: refunded,
      createdAt: at,
      updatedAt: refunded > 0 ? refundedAt : (paidAt ?? at),
      paidAt,
    });
    const paymentId = this.id("p");
    this.payments.push({
      id: paymentId,
      orderId,
      provider: "simulator",
      providerSessionId: `cs_demo_${orderId}`,
      providerPaymentId: paid ? `pi_demo_${orderId}` : null,
      checkoutUrl: `/checkout/simulator/cs_demo_${orderId}`,
      expiresAt: new Date(at.getTime() + 30 * MINUTE),
      status: paid ? "SUCCEEDED" : "CANCELLED",
      amountMinor: subtotal + fees,
      currency,
      createdAt: at,
      updatedAt: paidAt ?? at,
    });
    if (refunded > 0) {
      this.refunds.push({
        id: this.id("r"),
        orderId,
        paymentId,
        providerRefundId: `re_demo_${orderId}`,
        amountMinor: refunded,
        currency,
        reason: outcome === "REFUNDED" ? "The buyer can no longer come." : "One ticket returned by the buyer.",
        status: "SUCCEEDED",
        createdAt: refundedAt,
        updatedAt: refundedAt,
      });
    }
    let unit = 0;
    for (const line of lines) {
      const itemId = this.id("i");
      this.items.push({
        id: itemId,
        orderId,
        ticketTypeId: line.type.id,
        seatId: line.seatId,
        quantity: line.quantity,
        unitPriceMinor: line.type.priceMinor,
        unitFeeMinor: line.type.feeMinor,
      });
      if (!paid) continue;
      for (let q = 0; q < line.quantity; q++, unit++) {
        const issued = unit < units.length - voided;
        const checkedIn = past && issued && this.random.next() < 0.85;
        this.tickets.push({
          id: this.id("t"),
          code: this.code(),
          orderId,
          orderItemId: itemId,
          eventId: event.id,
          ticketTypeId: line.type.id,
          seatId: line.seatId,
          status: issued ? "ISSUED" : "VOIDED",
          checkedInAt: checkedIn ? new Date(event.startsAt.getTime() - this.random.int(0, 75) * MINUTE) : null,
          createdAt: paidMoment,
          updatedAt: issued ? paidMoment : refundedAt,
        });
      }
    }
    return voided;
  }
}

/** The part of the sale the history covers: its last six weeks up to today (or up to the show, if past). */
function salesWindow(event: SaleEvent, today: number) {
  const to = Math.min(today, event.startsAt.getTime() - 2 * 60 * MINUTE);
  const from = Math.max(event.onSaleAt.getTime(), to - HISTORY_DAYS * DAY);
  return to - from >= DAY ? { from, to } : null;
}

/** A moment in the window: a third of the orders in the first days of the sale, the rest spread out. */
function momentIn(random: Random, window: { from: number; to: number }) {
  const span = window.to - window.from;
  const offset = random.next() < 0.33 ? random.next() * Math.min(span, 3 * DAY) : random.next() * span;
  return new Date(window.from + Math.floor(offset / 1000) * 1000);
}

/** Buyers take turns, each only while their tickets stay within the event's per-fan limit. */
function buyerPicker(random: Random, count: number, limit: number) {
  const taken = new Map<number, number>();
  let next = random.int(0, count - 1);
  return (quantity: number): number | null => {
    for (let tried = 0; tried < count; tried++) {
      const buyer = (next + tried) % count;
      if ((taken.get(buyer) ?? 0) + quantity <= limit) {
        taken.set(buyer, (taken.get(buyer) ?? 0) + quantity);
        next = buyer + 1;
        return buyer;
      }
    }
    return null;
  };
}

function outcomeOf(random: Random, quantity: number): Outcome {
  const r = random.next();
  if (r < 0.04) return "CANCELLED";
  if (r < 0.07) return "REFUNDED";
  if (r < 0.1 && quantity > 1) return "PARTIALLY_REFUNDED";
  return "PAID";
}

/** General admission: each ticket type sells up to a share of its capacity that grows as the show nears. */
function generalAdmissionSales(history: History, random: Random, event: SaleEvent, today: number) {
  const window = salesWindow(event, today);
  if (!window) return;
  const past = event.startsAt.getTime() <= today;
  const progress = Math.min(
    1,
    (window.to - event.onSaleAt.getTime()) / (event.startsAt.getTime() - event.onSaleAt.getTime()),
  );
  const share = past ? 0.3 + 0.3 * random.next() : 0.03 + 0.25 * progress * (0.6 + 0.4 * random.next());
  const buyer = buyerPicker(random, buyerAccounts.length, event.perOrderLimit);
  for (const type of event.ticketTypes) {
    const target = Math.floor(type.capacity * share);
    let issued = 0;
    for (let guard = 0; issued < target && guard < 2 * target; guard++) {
      const quantity = Math.min(random.int(1, 4), target - issued, event.perOrderLimit);
      const who = buyer(quantity);
      if (who === null) break;
      const outcome = outcomeOf(random, quantity);
      const at = momentIn(random, window);
      if (random.next() < 0.3) history.abandonedHold(event, who, new Date(at.getTime() - 20 * MINUTE));
      const voided = history.order(event, who, at, [{ type, seatId: null, quantity }], outcome, past);
      if (outcome !== "CANCELLED") issued += quantity - voided;
    }
  }
}

type ArenaSeat = { id: string; section: string; row: string; number: string; ticketTypeId: string };

/**
 * Reserved seating sells whole rows from the stage outwards, in blocks of two to four, so the
 * seats left are whole rows too (what fans and the e2e specs pick from). A few blocks were
 * first bought and refunded, or abandoned at the payment page, before their buyer came.
 */
function arenaSales(
  history: History,
  random: Random,
  event: SaleEvent,
  seats: ArenaSeat[],
  share: number,
  today: number,
) {
  const window = salesWindow(event, today);
  if (!window) return;
  const types = new Map(event.ticketTypes.map((t) => [t.id, t]));
  const rows = new Map<string, Map<string, ArenaSeat[]>>();
  for (const seat of seats) {
    const section = rows.get(seat.section) ?? rows.set(seat.section, new Map()).get(seat.section)!;
    (section.get(seat.row) ?? section.set(seat.row, []).get(seat.row)!).push(seat);
  }
  const buyer = buyerPicker(random, buyerAccounts.length, event.perOrderLimit);
  // Floor seats go first, the upper bowl last.
  const demand = [1.4, 1, 0.6];
  for (const sectionRows of rows.values()) {
    const all = [...sectionRows.values()];
    const zone = event.ticketTypes.findIndex((t) => t.id === all[0]![0]!.ticketTypeId);
    const wanted = Math.round(all.length * share * (demand[zone] ?? 1) * (0.7 + 0.6 * random.next()));
    for (const row of all.slice(0, Math.min(wanted, all.length - 2))) {
      for (let start = 0; start < row.length;) {
        const size = Math.min(random.int(2, 4), row.length - start);
        const lines = row
          .slice(start, (start += size))
          .map((seat) => ({ type: types.get(seat.ticketTypeId)!, seatId: seat.id, quantity: 1 }));
        const at = momentIn(random, window);
        const r = random.next();
        const early = r < 0.06 ? buyer(size) : null;
        if (early !== null) {
          const before = new Date(Math.max(window.from, at.getTime() - random.int(1, 5) * DAY));
          history.order(event, early, before, lines, r < 0.03 ? "REFUNDED" : "CANCELLED", false);
        }
        const who = buyer(size);
        if (who === null) return;
        history.order(event, who, at, lines, "PAID", false);
      }
    }
  }
}

/** An arena show, its layout's seats in layout order (rows from the stage outwards) and the share of rows to sell. */
export type ArenaShow = { eventId: string; layoutSeats: readonly LayoutSeat[]; share: number };

/** The arena show's sellable seats, in the layout's order. */
async function arenaSeats(db: Tx, show: ArenaShow): Promise<ArenaSeat[]> {
  const position = new Map(show.layoutSeats.map((s, i) => [`${s.section}/${s.row}/${s.number}`, i]));
  const seats = await db.seat.findMany({
    where: { eventId: show.eventId, status: "AVAILABLE" },
    select: { id: true, section: true, row: true, number: true, ticketTypeId: true },
  });
  const at = (s: ArenaSeat) => position.get(`${s.section}/${s.row}/${s.number}`) ?? 0;
  return seats.sort((a, b) => at(a) - at(b));
}

/** A table's columns and the type each is cast to from text. */
type Columns = readonly (readonly [name: string, type: string])[];

const TABLES = {
  holds: [
    ["id", "text"],
    ["eventId", "text"],
    ["userId", "text"],
    ["status", "hold_status"],
    ["expiresAt", "timestamp(3)"],
    ["createdAt", "timestamp(3)"],
    ["updatedAt", "timestamp(3)"],
  ],
  orders: [
    ["id", "text"],
    ["userId", "text"],
    ["eventId", "text"],
    ["holdId", "text"],
    ["status", "order_status"],
    ["statusReason", "text"],
    ["email", "text"],
    ["currency", "text"],
    ["subtotalMinor", "int"],
    ["feesMinor", "int"],
    ["totalMinor", "int"],
    ["refundedMinor", "int"],
    ["createdAt", "timestamp(3)"],
    ["updatedAt", "timestamp(3)"],
    ["paidAt", "timestamp(3)"],
  ],
  order_items: [
    ["id", "text"],
    ["orderId", "text"],
    ["ticketTypeId", "text"],
    ["seatId", "text"],
    ["quantity", "int"],
    ["unitPriceMinor", "int"],
    ["unitFeeMinor", "int"],
  ],
  payments: [
    ["id", "text"],
    ["orderId", "text"],
    ["provider", "text"],
    ["providerSessionId", "text"],
    ["providerPaymentId", "text"],
    ["checkoutUrl", "text"],
    ["expiresAt", "timestamp(3)"],
    ["status", "payment_status"],
    ["amountMinor", "int"],
    ["currency", "text"],
    ["createdAt", "timestamp(3)"],
    ["updatedAt", "timestamp(3)"],
  ],
  refunds: [
    ["id", "text"],
    ["orderId", "text"],
    ["paymentId", "text"],
    ["providerRefundId", "text"],
    ["amountMinor", "int"],
    ["currency", "text"],
    ["reason", "text"],
    ["status", "refund_status"],
    ["createdAt", "timestamp(3)"],
    ["updatedAt", "timestamp(3)"],
  ],
  tickets: [
    ["id", "text"],
    ["code", "text"],
    ["orderId", "text"],
    ["orderItemId", "text"],
    ["eventId", "text"],
    ["ticketTypeId", "text"],
    ["seatId", "text"],
    ["status", "ticket_status"],
    ["checkedInAt", "timestamp(3)"],
    ["createdAt", "timestamp(3)"],
    ["updatedAt", "timestamp(3)"],
  ],
} as const satisfies Record<string, Columns>;

const text = (value: unknown) =>
  value === null || value === undefined ? null : value instanceof Date ? value.toISOString() : String(value);

/**
 * Inserts rows with one `INSERT … SELECT FROM unnest(…)` per 10,000: one text array per column,
 * cast to the column's type in SQL, as seat-copy.ts copies a layout. Prisma's createMany took
 * three and a half minutes for the history's ~100,000 rows on a busy two-core machine.
 */
async function bulkInsert(db: Tx, table: keyof typeof TABLES, rows: readonly object[]) {
  const columns: Columns = TABLES[table];
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const casts = columns.map(([, type], i) => `c${i}::${type}`).join(", ");
  const arrays = columns.map((_, i) => `$${i + 1}::text[]`).join(", ");
  const aliases = columns.map((_, i) => `c${i}`).join(", ");
  const sql = `INSERT INTO ${table} (${names}) SELECT ${casts} FROM unnest(${arrays}) AS u(${aliases})`;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK) as Record<string, unknown>[];
    await db.$executeRawUnsafe(sql, ...columns.map(([name]) => chunk.map((row) => text(row[name]))));
  }
}

/**
 * Writes the sales history of every published event whose sale has begun (cancelled events and
 * drafts have none), with `buyerAccounts` as the customers. Returns what it wrote, for the log.
 */
export async function seedSalesHistory(
  db: Tx,
  options: { passwordHash: string; today: Date; arenaShows: readonly ArenaShow[] },
) {
  const random = seededRandom(20261201);
  const today = options.today.getTime();
  await db.user.createMany({
    data: buyerAccounts.map((b) => ({ ...b, passwordHash: options.passwordHash, role: "FAN" as const })),
  });
  const buyers = await db.user.findMany({
    where: { email: { in: buyerAccounts.map((b) => b.email) } },
    select: { id: true, email: true },
  });
  buyers.sort((a, b) => a.email.localeCompare(b.email));
  const events: SaleEvent[] = await db.event.findMany({
    where: { status: "PUBLISHED", onSaleAt: { lt: options.today } },
    select: {
      id: true,
      startsAt: true,
      onSaleAt: true,
      perOrderLimit: true,
      ticketTypes: {
        select: { id: true, kind: true, priceMinor: true, feeMinor: true, currency: true, capacity: true },
        orderBy: { sortOrder: "asc" },
      },
    },
    orderBy: { slug: "asc" },
  });

  const history = new History(random, today, buyers);
  for (const event of events) {
    const arena = options.arenaShows.find((a) => a.eventId === event.id);
    if (arena) arenaSales(history, random, event, await arenaSeats(db, arena), arena.share, today);
    else generalAdmissionSales(history, random, event, today);
  }

  await bulkInsert(db, "holds", history.holds);
  await bulkInsert(db, "orders", history.orders);
  await bulkInsert(db, "order_items", history.items);
  await bulkInsert(db, "payments", history.payments);
  await bulkInsert(db, "refunds", history.refunds);
  await bulkInsert(db, "tickets", history.tickets);
  // The inventory as the sale path leaves it: a seat with an issued ticket is SOLD, and each
  // type's sold counter is its issued tickets (refunded ones went back on sale).
  await db.$executeRaw`
    UPDATE seats SET status = 'SOLD'
    WHERE id IN (SELECT "seatId" FROM tickets WHERE status = 'ISSUED' AND "seatId" IS NOT NULL)`;
  await db.$executeRaw`
    UPDATE ticket_types tt SET sold = c.issued
    FROM (SELECT "ticketTypeId", count(*)::int AS issued FROM tickets WHERE status = 'ISSUED' GROUP BY 1) c
    WHERE tt.id = c."ticketTypeId"`;
  return { orders: history.orders.length, tickets: history.tickets.length };
}

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as eventOrdersRoute } from "@/app/api/v1/events/[eventId]/orders/route";
import { POST as refundRoute } from "@/app/api/v1/orders/[orderId]/refunds/route";
import { db } from "@/lib/db";
import {
  listOrders,
  orderListCursor,
  orderListQuery,
  orderListSql,
  type OrderListQuery,
  type OrderListScope,
} from "@/lib/orders/order-list";
import { createUserWithToken } from "../support/factories";
import { createSaleEvent, type SaleEvent } from "../support/inventory-fixtures";
import { bearer, call } from "../support/http";
import { buy } from "../support/purchase";

// The organizer's order lists (lib/orders/order-list.ts): what search, filters, sorts and pages return,
// and, at 100,000 orders, that every page is read through an index from where the last one ended.

const query = (q: Record<string, string> = {}): OrderListQuery => orderListQuery.parse(q);

async function fanBuys(event: SaleEvent, name: string, body: unknown) {
  const fan = await createUserWithToken("FAN");
  await db.user.update({ where: { id: fan.user.id }, data: { name } });
  const { orderId } = await buy(fan.token, event.event.id, body);
  return { fan, orderId };
}

describe("the organizer's order list", () => {
  let event: SaleEvent;
  let ada: Awaited<ReturnType<typeof fanBuys>>;
  let grace: Awaited<ReturnType<typeof fanBuys>>;
  let linus: Awaited<ReturnType<typeof fanBuys>>;
  const scope = () => ({ eventId: event.event.id });

  beforeAll(async () => {
    event = await createSaleEvent();
    ada = await fanBuys(event, "Ada Lovelace", { seatIds: [event.seats[0]!.id, event.seats[1]!.id] });
    grace = await fanBuys(event, "Grace Hopper", { ticketTypeId: event.ga.id, quantity: 1 });
    linus = await fanBuys(event, "Linus Torvalds", { seatIds: [event.seats[2]!.id] });
    // Grace's order was made a month ago; Linus's is partly refunded.
    await db.order.update({ where: { id: grace.orderId }, data: { createdAt: new Date("2026-01-15T12:00:00Z") } });
    const ticket = await db.ticket.findFirstOrThrow({ where: { orderId: ada.orderId } });
    const refunded = await call(refundRoute, {
      method: "POST",
      params: { orderId: ada.orderId },
      headers: { ...bearer(event.organizerToken), "idempotency-key": randomUUID() },
      body: { ticketIds: [ticket.id], reason: "One can't come" },
    });
    expect(refunded.status).toBe(201);
  });

  const ids = async (q: Record<string, string>) => (await listOrders(db, scope(), query(q))).orders.map((o) => o.id);

  it("finds an order by part of the buyer's e-mail or name, its number, or a ticket code", async () => {
    expect(await ids({ q: ada.fan.user.email.slice(2, 14) })).toEqual([ada.orderId]);
    expect(await ids({ q: "hopper" })).toEqual([grace.orderId]);
    const { number } = await db.order.findUniqueOrThrow({ where: { id: linus.orderId }, select: { number: true } });
    expect(await ids({ q: `#${number}` })).toEqual([linus.orderId]);
    expect(await ids({ q: String(number) })).toEqual([linus.orderId]);
    const { code } = await db.ticket.findFirstOrThrow({ where: { orderId: grace.orderId } });
    expect(await ids({ q: code.toLowerCase() })).toEqual([grace.orderId]);
    // LIKE's wildcards are searched for as themselves.
    expect(await ids({ q: "%" })).toEqual([]);
  });

  it("filters by status, ticket type and day, and sorts by date or total", async () => {
    expect(await ids({ status: "PARTIALLY_REFUNDED" })).toEqual([ada.orderId]);
    expect(await ids({ ticketTypeId: event.ga.id })).toEqual([grace.orderId]);
    expect(await ids({ from: "2026-01-15", to: "2026-01-15" })).toEqual([grace.orderId]);
    expect(await ids({ to: "2026-01-14" })).toEqual([]);
    expect(await ids({})).toEqual([linus.orderId, ada.orderId, grace.orderId]);
    expect(await ids({ sort: "oldest" })).toEqual([grace.orderId, ada.orderId, linus.orderId]);
    expect(await ids({ sort: "total" })).toEqual([ada.orderId, linus.orderId, grace.orderId]);
  });

  it("pages through every order once, in order, by cursor; a cursor of another sort is refused", async () => {
    for (const sort of ["newest", "oldest", "total"]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await listOrders(db, scope(), query({ sort, limit: "1", ...(cursor ? { cursor } : {}) }));
        seen.push(...page.orders.map((o) => o.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(await ids({ sort }));
    }
    const first = await listOrders(db, scope(), query({ limit: "1" }));
    await expect(listOrders(db, scope(), query({ sort: "total", cursor: first.nextCursor! }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("is served by GET /api/v1/events/{id}/orders with the same query string", async () => {
    const response = await call(eventOrdersRoute, {
      path: `/?q=lovelace&limit=10`,
      params: { eventId: event.event.id },
      headers: bearer(event.organizerToken),
    });
    expect(response.status).toBe(200);
    expect(response.json.orders).toEqual([
      expect.objectContaining({
        id: ada.orderId,
        buyerName: "Ada Lovelace",
        status: "PARTIALLY_REFUNDED",
        tickets: 2,
        voidedTickets: 1,
      }),
    ]);
    expect(response.json.nextCursor).toBeNull();
    const bad = await call(eventOrdersRoute, {
      path: `/?status=LOST`,
      params: { eventId: event.event.id },
      headers: bearer(event.organizerToken),
    });
    expect(bad.status).toBe(400);
  });
});

type PlanNode = { "Node Type": string; "Index Name"?: string; "Actual Rows"?: number; Plans?: PlanNode[] };
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

describe("the order list at 100,000 orders", () => {
  const ORDERS = 100_000;
  let eventId: string;
  let organizationId: string;

  beforeAll(async () => {
    const event = await createSaleEvent();
    eventId = event.event.id;
    organizationId = event.event.organizationId;
    const buyer = await createUserWithToken("FAN");
    // One statement: a minute apart from 2025-01-01, totals spread over 0–999.99.
    await db.$executeRaw`
      INSERT INTO orders (id, "userId", "eventId", status, email, currency, "subtotalMinor", "feesMinor", "totalMinor",
                          "createdAt", "updatedAt", "paidAt")
      SELECT ${eventId} || '-' || g, ${buyer.user.id}, ${eventId}, 'PAID', 'bulk' || g || '@example.test', 'USD',
             (g * 7919) % 100000, 0, (g * 7919) % 100000,
             timestamp '2025-01-01' + g * interval '1 minute', now(), timestamp '2025-01-01' + g * interval '1 minute'
      FROM generate_series(1, ${ORDERS}) AS g`;
    await db.$executeRawUnsafe("ANALYZE orders");
  }, 120_000);

  afterAll(async () => {
    await db.order.deleteMany({ where: { eventId } });
  });

  /** EXPLAIN ANALYZE of exactly the statement a page runs. */
  async function plan(scope: OrderListScope, q: OrderListQuery) {
    const sql = orderListSql(scope, q);
    expect(sql.text).not.toMatch(/\bOFFSET\b/i);
    const [row] = await db.$queryRawUnsafe<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${sql.text}`,
      ...sql.values,
    );
    return nodesOf(row!["QUERY PLAN"][0].Plan);
  }

  /** A cursor `depth` rows into the list, found the slow way (OFFSET, in the test only). */
  async function cursorAt(sort: "newest" | "total", depth: number) {
    const order = sort === "total" ? `"totalMinor" DESC, id DESC` : `"createdAt" DESC, id DESC`;
    const [row] = await db.$queryRawUnsafe<{ id: string; totalMinor: number; createdAt: Date }[]>(
      `SELECT id, "totalMinor", "createdAt" FROM orders WHERE "eventId" = $1 ORDER BY ${order} OFFSET ${depth} LIMIT 1`,
      eventId,
    );
    return orderListCursor(sort, row!);
  }

  it("reads a deep page of one event through its index, starting at the cursor, for each sort", async () => {
    for (const [sort, index] of [
      ["newest", "orders_eventId_createdAt_id_idx"],
      ["total", "orders_eventId_totalMinor_id_idx"],
    ] as const) {
      const q = query({ sort, limit: "50", cursor: await cursorAt(sort, 90_000) });
      const nodes = await plan({ eventId }, q);
      const scan = nodes.find((n) => n["Index Name"] === index);
      expect(scan, `${sort}: ${JSON.stringify(nodes.map((n) => [n["Node Type"], n["Index Name"]]))}`).toBeDefined();
      // The index scan starts at the cursor: it reads the page (and one row to know there is more), not 90,000 rows.
      expect(scan!["Actual Rows"]).toBeLessThanOrEqual(51);
      expect(nodes.some((n) => n["Node Type"] === "Sort")).toBe(false);

      const page = await listOrders(db, { eventId }, q);
      expect(page.orders).toHaveLength(50);
      expect(page.nextCursor).not.toBeNull();
    }
  });

  it("reads a deep page of the whole organization through an index too", async () => {
    const q = query({ limit: "50", cursor: await cursorAt("newest", 90_000) });
    const nodes = await plan({ organizationId }, q);
    const scan = nodes.find((n) => n["Index Name"] === "orders_organizationId_createdAt_id_idx");
    expect(scan, JSON.stringify(nodes.map((n) => [n["Node Type"], n["Index Name"]]))).toBeDefined();
    expect(scan!["Actual Rows"]).toBeLessThanOrEqual(51);
    expect(nodes.some((n) => n["Node Type"] === "Sort")).toBe(false);
    expect((await listOrders(db, { organizationId }, q)).orders).toHaveLength(50);
  });

  it("finds one buyer among them by part of the e-mail through the trigram index", async () => {
    const nodes = await plan({ eventId }, query({ q: "bulk77777@" }));
    expect(
      nodes.some((n) => n["Index Name"] === "orders_email_trgm_idx"),
      JSON.stringify(nodes.map((n) => [n["Node Type"], n["Index Name"], n["Actual Rows"]])),
    ).toBe(true);
    expect((await listOrders(db, { eventId }, query({ q: "bulk77777@" }))).orders).toHaveLength(1);
  });
});

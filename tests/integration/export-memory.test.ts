import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { GET as ordersRoute } from "@/app/api/v1/events/[eventId]/orders.csv/route";
import { db } from "@/lib/db";
import { createSaleEvent } from "../support/inventory-fixtures";
import { bearer } from "../support/http";

// The orders export of a 50,000-order event streams: read chunk by chunk, the process's heap never
// holds the export. A version that loaded every row first (Prisma objects for 50,000 orders and their
// text) grows the heap by far more than the bound.

const ORDERS = 50_000;
// The export is 7.8 MB of text: a version holding the whole file, or its 50,000 rows, would exceed this.
const HEAP_BOUND_BYTES = 8 * 1024 * 1024;

// A collection before each sample measures what is kept, not garbage not yet collected.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

async function insertOrders(eventId: string, userId: string, ticketTypeId: string) {
  await db.$executeRaw`
    INSERT INTO orders (id, "userId", "eventId", status, email, currency, "subtotalMinor", "feesMinor", "totalMinor",
                        "createdAt", "updatedAt", "paidAt")
    SELECT ${eventId} || '-o' || lpad(g::text, 6, '0'), ${userId}, ${eventId}, 'PAID', 'buyer' || g || '@example.test',
           'USD', 5000, 500, 5500, now() - g * interval '1 second', now(), now()
    FROM generate_series(1, ${ORDERS}::int) g`;
  await db.$executeRaw`
    INSERT INTO order_items (id, "orderId", "ticketTypeId", quantity, "unitPriceMinor", "unitFeeMinor")
    SELECT id || '-i', id, ${ticketTypeId}, 1, 5000, 500 FROM orders WHERE "eventId" = ${eventId}`;
  // As autovacuum would soon: without statistics the planner takes 50,000 rows for a handful.
  await db.$executeRaw`ANALYZE orders, order_items`;
}

describe("the orders export", () => {
  it(`streams ${ORDERS.toLocaleString("en-US")} orders with bounded memory`, { timeout: 180_000 }, async () => {
    const sale = await createSaleEvent();
    const inserting = Date.now();
    await insertOrders(sale.event.id, sale.organizer.id, sale.ga.id);
    const inserted = Date.now();

    gc();
    const baseline = process.memoryUsage().heapUsed;
    const response = await ordersRoute(
      new Request("http://localhost:3000/", { headers: bearer(sale.organizerToken) }),
      {
        params: Promise.resolve({ eventId: sale.event.id }),
      },
    );
    expect(response.status).toBe(200);

    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let lines = 0;
    let chunks = 0;
    let bytes = 0;
    let peak = 0;
    let last = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks += 1;
      bytes += value.byteLength;
      const text = decoder.decode(value, { stream: true });
      lines += text.split("\r\n").length - 1;
      last = text;
      if (chunks % 5 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
      }
    }
    const growth = peak;
    console.log(
      `export: ${lines} lines, ${(bytes / 1e6).toFixed(1)} MB in ${chunks} chunks; heap grew at most ${(growth / 1e6).toFixed(1)} MB; insert ${inserted - inserting} ms, export ${Date.now() - inserted} ms`,
    );
    expect(lines).toBe(ORDERS + 1);
    expect(last.endsWith("\r\n")).toBe(true);
    // The header, then one chunk per page of 1,000 rows: the file arrived page by page.
    expect(chunks).toBe(1 + ORDERS / 1_000);
    expect(growth).toBeLessThan(HEAP_BOUND_BYTES);
  });
});

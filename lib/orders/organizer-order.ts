import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { listAuditEntries } from "@/lib/audit/audit-log";
import type { DbOrTx } from "@/lib/db";
import { inSeatOrder } from "@/lib/seat-order";
import { listOrderNotes } from "./notes";
import { authorizeOrder } from "./order-access";
import { orderColumnsSelect } from "./queries";

// What an organizer sees of one order (the dashboard's order page).

const seatSelect = { select: { section: true, row: true, number: true } } as const;

export type TimelineEntry = { at: Date; label: string; detail?: string; by?: string };

const auditLabels: Record<string, string> = {
  "order.refunded": "Refund requested",
  "order.refunded_at_provider": "Refund reported by the payment provider",
  "order.note_added": "Note added",
  "order.confirmation_resent": "Confirmation e-mail resent",
};

/** The order page of the dashboard: items, tickets, refunds, notes, and the payment timeline. */
export async function orderForOrganizer(
  db: DbOrTx,
  options: { actor: Actor; orderId: string; organizationId: string },
) {
  const access = await authorizeOrder(db, options.actor, options.orderId, { organizationId: options.organizationId });
  const order = await db.order.findUniqueOrThrow({
    where: { id: access.id },
    select: {
      ...orderColumnsSelect,
      user: { select: { name: true } },
      event: { select: { id: true, title: true, startsAt: true, venue: { select: { timeZone: true } } } },
      items: {
        select: {
          id: true,
          quantity: true,
          unitPriceMinor: true,
          unitFeeMinor: true,
          ticketType: { select: { name: true } },
          seat: seatSelect,
        },
      },
      tickets: {
        select: {
          id: true,
          code: true,
          status: true,
          checkedInAt: true,
          ticketType: { select: { name: true } },
          seat: seatSelect,
          orderItem: { select: { unitPriceMinor: true, unitFeeMinor: true } },
        },
        orderBy: { code: "asc" },
      },
      payments: {
        select: {
          provider: true,
          status: true,
          amountMinor: true,
          failureMessage: true,
          createdAt: true,
          updatedAt: true,
        },
        orderBy: { createdAt: "asc" },
      },
      refunds: {
        select: {
          id: true,
          amountMinor: true,
          reason: true,
          status: true,
          ticketIds: true,
          external: true,
          createdAt: true,
          updatedAt: true,
        },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  const [notes, audit] = await Promise.all([
    listOrderNotes(db, order.id),
    listAuditEntries(db, { entityType: "order", entityId: order.id }, { limit: 100 }),
  ]);
  const { tickets, ...rest } = order;
  return {
    ...rest,
    // What refunding a ticket gives back: its all-in price, as the buyer paid it.
    items: inSeatOrder(rest.items),
    tickets: inSeatOrder(tickets).map(({ orderItem, ...t }) => ({
      ...t,
      refundValueMinor: orderItem.unitPriceMinor + orderItem.unitFeeMinor,
    })),
    notes,
    timeline: timelineOf(order, audit.entries),
  };
}

function timelineOf(
  order: {
    createdAt: Date;
    paidAt: Date | null;
    currency: string;
    payments: { provider: string; status: string; failureMessage: string | null; createdAt: Date; updatedAt: Date }[];
    refunds: {
      amountMinor: number;
      status: string;
      reason: string;
      external: boolean;
      createdAt: Date;
      updatedAt: Date;
    }[];
  },
  audit: { createdAt: Date; action: string; actor: { name: string | null; email: string } | null; data: unknown }[],
): TimelineEntry[] {
  const entries: TimelineEntry[] = [{ at: order.createdAt, label: "Order created" }];
  for (const p of order.payments) {
    entries.push({ at: p.createdAt, label: "Checkout started", detail: p.provider });
    if (p.status !== "PENDING") {
      entries.push({
        at: p.updatedAt,
        label: `Payment ${p.status.toLowerCase()}`,
        ...(p.failureMessage ? { detail: p.failureMessage } : {}),
      });
    }
  }
  if (order.paidAt) entries.push({ at: order.paidAt, label: "Paid" });
  for (const r of order.refunds) {
    if (r.status !== "PENDING") {
      entries.push({
        at: r.updatedAt,
        label: `Refund ${r.status === "SUCCEEDED" ? "paid out" : "failed"}`,
        detail: r.reason,
      });
    }
  }
  for (const a of audit) {
    const details = (a.data ?? {}) as { reason?: unknown; body?: unknown; webhookEventId?: unknown };
    const detail = [details.reason, details.body, details.webhookEventId].find((d) => typeof d === "string");
    entries.push({
      at: a.createdAt,
      label: auditLabels[a.action] ?? a.action,
      ...(typeof detail === "string" ? { detail } : {}),
      ...(a.actor ? { by: a.actor.name || a.actor.email } : {}),
    });
  }
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}

export type OrganizerOrderView = Awaited<ReturnType<typeof orderForOrganizer>>;

// Whether an event's tickets can be bought right now, and if not why: the one
// place that decides it, for the hold API, the event API and the event page.

export type SaleState = "draft" | "cancelled" | "not-yet-on-sale" | "on-sale" | "started";

type SaleFields = { status: string; onSaleAt: Date | string; startsAt: Date | string };

export function saleState(event: SaleFields, now: Date): SaleState {
  if (event.status === "DRAFT") return "draft";
  if (event.status === "CANCELLED") return "cancelled";
  if (now >= new Date(event.startsAt)) return "started";
  if (now < new Date(event.onSaleAt)) return "not-yet-on-sale";
  return "on-sale";
}

export type TicketTypeSaleState = "hidden" | "not-yet-on-sale" | "sales-ended" | "on-sale";

type TicketTypeSaleFields = {
  hidden: boolean;
  salesStartAt: Date | string | null;
  salesEndAt: Date | string | null;
};

/** Whether one ticket type can be bought right now (its event being on sale): hidden types never through the public API. */
export function ticketTypeSaleState(type: TicketTypeSaleFields, now: Date): TicketTypeSaleState {
  if (type.hidden) return "hidden";
  if (type.salesStartAt && now < new Date(type.salesStartAt)) return "not-yet-on-sale";
  if (type.salesEndAt && now >= new Date(type.salesEndAt)) return "sales-ended";
  return "on-sale";
}

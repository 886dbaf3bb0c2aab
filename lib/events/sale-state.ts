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

import type { z } from "zod";
import type { OrderListQuery, OrderPage } from "@/lib/orders/order-list";
import { OrderFilters } from "./order-filters";
import { OrderTable } from "./order-table";

type Parsed = ReturnType<z.ZodType<OrderListQuery>["safeParse"]>;

/** The filters and one page of an order list; a query string that does not parse is said so, not thrown. */
export function OrderListView({
  parsed,
  page,
  searchParams,
  listPath,
  orderBase,
  ticketTypes,
  showEvent,
}: {
  parsed: Parsed;
  page: OrderPage | null;
  searchParams: Record<string, string>;
  listPath: string;
  orderBase: string;
  ticketTypes?: { id: string; name: string }[];
  showEvent: boolean;
}) {
  const next = page?.nextCursor
    ? `${listPath}?${new URLSearchParams({ ...searchParams, cursor: page.nextCursor })}`
    : null;
  return (
    <div className="flex flex-col gap-4">
      <OrderFilters query={parsed.success ? parsed.data : {}} {...(ticketTypes ? { ticketTypes } : {})} />
      {page ? (
        <OrderTable page={page} orderBase={orderBase} nextHref={next} showEvent={showEvent} />
      ) : (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          Those filters are not valid. Check the dates, or clear the filters.
        </p>
      )}
    </div>
  );
}

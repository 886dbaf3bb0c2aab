import { ORDER_STATUSES, type OrderListQuery } from "@/lib/orders/order-list";
import { orderStatusLabel } from "./order-status-badge";

const input = "rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm";

/** The list's search and filters: a plain GET form, so every filtered list has a URL to share. */
export function OrderFilters({
  query,
  ticketTypes,
}: {
  query: Partial<OrderListQuery>;
  ticketTypes?: { id: string; name: string }[];
}) {
  return (
    <form
      method="get"
      role="search"
      className="flex flex-wrap items-end gap-2 rounded-2xl border border-slate-200 bg-white p-3"
    >
      <label className="flex min-w-56 flex-1 flex-col gap-1 text-sm font-medium">
        Search
        <input
          name="q"
          type="search"
          defaultValue={query.q ?? ""}
          placeholder="E-mail, name, #order or ticket code"
          className={input}
        />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Status
        <select name="status" defaultValue={query.status ?? ""} className={input}>
          <option value="">Any</option>
          {ORDER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {orderStatusLabel[s]}
            </option>
          ))}
        </select>
      </label>
      {ticketTypes && (
        <label className="flex flex-col gap-1 text-sm font-medium">
          Ticket type
          <select name="ticketTypeId" defaultValue={query.ticketTypeId ?? ""} className={input}>
            <option value="">Any</option>
            {ticketTypes.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="flex flex-col gap-1 text-sm font-medium">
        From
        <input name="from" type="date" defaultValue={query.from ?? ""} className={input} />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        To
        <input name="to" type="date" defaultValue={query.to ?? ""} className={input} />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Sort
        <select name="sort" defaultValue={query.sort ?? "newest"} className={input}>
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
          <option value="total">Largest total</option>
        </select>
      </label>
      <button
        type="submit"
        className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
      >
        Find orders
      </button>
    </form>
  );
}

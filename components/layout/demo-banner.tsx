import { isDemoPayments } from "@/lib/config";

/**
 * On a production server that runs the payment simulator (PAYMENT_PROVIDER=simulator),
 * every page says so: its tickets were never paid for.
 */
export function DemoBanner() {
  if (!isDemoPayments()) return null;
  return (
    <div
      role="note"
      data-testid="demo-banner"
      className="bg-amber-400 px-4 py-1.5 text-center text-sm font-semibold text-slate-900"
    >
      Demo site: payments are simulated. No real money moves and tickets are not valid for entry.
    </div>
  );
}

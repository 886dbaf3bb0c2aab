import type { CancellationProgress } from "@/lib/orders/cancellation";

/** How far a cancelled event's refunds have got (the worker pays them out one order at a time). */
export function CancellationProgressView({ progress }: { progress: CancellationProgress }) {
  const total = progress.ordersToRefund + progress.ordersRefunded;
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="cancellation-progress">
      {total === 0 ? (
        <p className="text-slate-800">No paid orders: nothing to refund.</p>
      ) : (
        <>
          <p className="text-slate-800">
            {progress.ordersRefunded.toLocaleString("en-US")} of {total.toLocaleString("en-US")} paid orders refunded
            {progress.refundsPending ? ` · ${progress.refundsPending} refunds on their way` : ""}.
          </p>
          <progress className="w-full accent-brand-600" max={total} value={progress.ordersRefunded} />
        </>
      )}
      {progress.refundsFailed > 0 && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-red-800">
          {progress.refundsFailed} refunds were refused by the payment provider and need a person to look.
        </p>
      )}
      {progress.done && total > 0 && <p className="font-medium text-green-900">Every order is refunded.</p>}
    </div>
  );
}

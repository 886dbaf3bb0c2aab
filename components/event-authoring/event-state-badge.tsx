import type { EventListState } from "@/lib/events/authoring-queries";

// Text, not colour alone, says the state; the colours only echo it (WCAG: use of colour).
const styles: Record<EventListState, { label: string; className: string }> = {
  draft: { label: "Draft", className: "bg-slate-200 text-slate-800" },
  scheduled: { label: "Published · not on sale yet", className: "bg-amber-100 text-amber-900" },
  "on-sale": { label: "On sale", className: "bg-green-100 text-green-900" },
  "sold-out": { label: "Sold out", className: "bg-brand-100 text-brand-900" },
  happening: { label: "Happening now", className: "bg-green-100 text-green-900" },
  past: { label: "Past", className: "bg-slate-100 text-slate-700" },
  cancelled: { label: "Cancelled", className: "bg-red-100 text-red-900" },
};

export function EventStateBadge({ state }: { state: EventListState }) {
  const { label, className } = styles[state];
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${className}`}>{label}</span>
  );
}

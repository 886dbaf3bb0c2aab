"use client";

import { useId, useState } from "react";

/**
 * On a phone the filters take a whole screen: they wait behind a "Filters" button (a disclosure)
 * so the results come first. From Tailwind's `sm` breakpoint up they are always shown and the
 * button is not rendered visibly.
 */
export function FilterDisclosure({ activeCount, children }: { activeCount: number; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <section aria-labelledby={`${panelId}-heading`} className="flex flex-col gap-2">
      <h2 id={`${panelId}-heading`} className="sr-only">
        Filters
      </h2>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="flex items-center justify-between rounded-xl border border-slate-300 bg-white px-4 py-3 font-semibold text-slate-900 sm:hidden"
      >
        <span>
          Filters
          {activeCount > 0 && <span className="ml-2 text-sm font-normal text-slate-700">({activeCount} on)</span>}
        </span>
        <span aria-hidden="true">{open ? "▲" : "▼"}</span>
      </button>
      <div id={panelId} className={open ? "block" : "hidden sm:block"}>
        {children}
      </div>
    </section>
  );
}

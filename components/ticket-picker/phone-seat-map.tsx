"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { SectionOverview } from "./section-overview";
import { SeatMap } from "./seat-map";
import { mapLayout } from "./seat-map-geometry";
import { plural, tierStyles } from "./seat-map-labels";
import { summarizeSections } from "./seat-map-sections";
import { secondaryButtonClass } from "./ticket-ui";
import type { SeatMapSeat, TicketTier } from "./types";

type PhoneSeatMapProps = {
  seats: readonly SeatMapSeat[];
  tiers: readonly TicketTier[];
  selectedIds: readonly string[];
  onToggle: (seatId: string) => void;
  maxSelectable: number;
};

/**
 * The seat map on a phone: sections first (prices and seats left, no seats
 * drawn), then one section's seats at a size a finger can hit, with "All
 * sections" to go back. The selection lives above it, so it survives moving
 * between sections.
 */
export function PhoneSeatMap({ seats, tiers, selectedIds, onToggle, maxSelectable }: PhoneSeatMapProps) {
  const [chosen, setChosen] = useState<string | null>(null);
  // Where focus goes after the view changes: the section's heading, or back to its button.
  const focusNext = useRef<string | null>(null);
  const styles = useMemo(() => tierStyles(tiers), [tiers]);
  const sections = useMemo(() => summarizeSections(seats, tiers), [seats, tiers]);
  const layout = useMemo(() => mapLayout(seats), [seats]);
  const sectionSeats = useMemo(() => seats.filter((seat) => seat.section === chosen), [seats, chosen]);
  const summary = sections.find((section) => section.name === chosen);

  useEffect(() => {
    const selector = focusNext.current;
    focusNext.current = null;
    if (selector) document.querySelector<HTMLElement>(selector)?.focus();
  }, [chosen]);

  function choose(name: string) {
    focusNext.current = "#phone-section-heading";
    setChosen(name);
  }

  function back() {
    focusNext.current = `[data-section="${CSS.escape(chosen ?? "")}"]`;
    setChosen(null);
  }

  if (!summary) return <SectionOverview sections={sections} styles={styles} layout={layout} onChoose={choose} />;
  const tierNames = summary.tierIds.map((id) => styles.get(id)?.name).filter(Boolean);
  return (
    <div className="flex flex-col gap-3" data-testid="phone-section">
      <div className="flex items-start justify-between gap-3">
        <h3 id="phone-section-heading" tabIndex={-1} className="outline-none">
          <span className="block font-semibold text-slate-900">Section {summary.name}</span>
          <span className="block text-sm text-slate-700">
            {tierNames.join(", ")} · {summary.price} · {summary.available} {plural(summary.available, "seat")} left
          </span>
        </h3>
        <button type="button" className={`${secondaryButtonClass} shrink-0 px-3`} onClick={back}>
          <span aria-hidden="true">← </span>All sections
        </button>
      </div>
      <SeatMap
        key={summary.name}
        frame="section"
        seats={sectionSeats}
        tiers={tiers}
        selectedIds={selectedIds}
        onToggle={onToggle}
        maxSelectable={maxSelectable}
      />
    </div>
  );
}

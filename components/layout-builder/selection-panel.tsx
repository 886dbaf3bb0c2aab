"use client";

import { useId, useState } from "react";
import type { Layout } from "@/lib/events/layout/format";
import type { SeatMark } from "./builder-state";
import { Panel, buttonClass, formatCount, inputClass } from "./fields";

type Props = {
  layout: Layout;
  count: number;
  /** The label of the section being edited, when it has seats to select. */
  sectionLabel: string | null;
  onSelectSection: () => void;
  onClear: () => void;
  onMark: (mark: SeatMark) => void;
};

const MARKS: { label: string; mark: SeatMark }[] = [
  { label: "Wheelchair space", mark: { kind: "accessibility", value: "wheelchair" } },
  { label: "Companion seat", mark: { kind: "accessibility", value: "companion" } },
  { label: "Not for sale", mark: { kind: "disabled", value: true } },
  { label: "Remove seats", mark: { kind: "removed", value: true } },
  { label: "Clear marks", mark: { kind: "clear" } },
];

/** What can be done to the seats selected on the map: a zone of their own, accessibility, not for sale, removal. */
export function SelectionPanel({ layout, count, sectionLabel, onSelectSection, onClear, onMark }: Props) {
  const uid = useId();
  const [zone, setZone] = useState("");
  const zoneKey = layout.zones.some((z) => z.key === zone) ? zone : (layout.zones[0]?.key ?? "");
  const none = count === 0;
  return (
    <Panel id="selection-heading" title="Selected seats">
      <p className="text-sm text-slate-800" aria-live="polite" data-testid="selection-count">
        {none ? "No seats selected." : `${formatCount(count)} ${count === 1 ? "seat" : "seats"} selected.`}
      </p>
      <div className="flex flex-wrap gap-2">
        {sectionLabel && (
          <button type="button" className={buttonClass} onClick={onSelectSection}>
            Select all of section {sectionLabel}
          </button>
        )}
        <button type="button" className={buttonClass} onClick={onClear} disabled={none}>
          Clear selection
        </button>
      </div>
      <div className="flex items-end gap-2">
        <div className="flex flex-1 flex-col gap-0.5">
          <label htmlFor={`${uid}-zone`} className="text-xs font-medium text-slate-800">
            Price zone for the selected seats
          </label>
          <select id={`${uid}-zone`} className={inputClass} value={zoneKey} onChange={(e) => setZone(e.target.value)}>
            {layout.zones.map((z) => (
              <option key={z.key} value={z.key}>
                {z.name}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className={buttonClass}
          disabled={none}
          onClick={() => onMark({ kind: "zone", zone: zoneKey })}
        >
          Apply zone
        </button>
      </div>
      <div className="flex flex-wrap gap-2" role="group" aria-label="Mark the selected seats">
        {MARKS.map(({ label, mark }) => (
          <button key={label} type="button" className={buttonClass} disabled={none} onClick={() => onMark(mark)}>
            {label}
          </button>
        ))}
      </div>
      <p className="text-xs text-slate-600">
        “Clear marks” puts removed seats back and returns seats to their section’s zone.
      </p>
    </Panel>
  );
}

"use client";

import type { Layout } from "@/lib/events/layout/format";
import type { SectionKind } from "./builder-state";
import { Panel, buttonClass, formatCount } from "./fields";

const KIND_WORDS: Record<SectionKind, string> = { block: "block", arc: "arc", standing: "standing" };

type Props = {
  layout: Layout;
  /** Seats per section id (removed ones not counted). */
  seatCounts: ReadonlyMap<string, number>;
  /** Sections the validator has something to say about, by index. */
  troubled: ReadonlySet<number>;
  editingId: string | null;
  onAdd: (kind: SectionKind) => void;
  onEdit: (id: string) => void;
};

/** Add sections, and pick the one to edit. */
export function SectionsPanel({ layout, seatCounts, troubled, editingId, onAdd, onEdit }: Props) {
  return (
    <Panel id="sections-heading" title={`Sections (${layout.sections.length})`}>
      <div className="flex flex-wrap gap-2" role="group" aria-label="Add a section">
        <button type="button" className={buttonClass} onClick={() => onAdd("block")}>
          + Block
        </button>
        <button type="button" className={buttonClass} onClick={() => onAdd("arc")}>
          + Arc
        </button>
        <button type="button" className={buttonClass} onClick={() => onAdd("standing")}>
          + Standing area
        </button>
      </div>
      {layout.sections.length === 0 ? (
        <p className="text-sm text-slate-700">
          No sections yet. A block is straight rows facing the stage; an arc curves around a centre, like an arena bowl;
          a standing area has a capacity and no seats.
        </p>
      ) : (
        <ul className="flex max-h-64 flex-col gap-1 overflow-y-auto" data-testid="section-list">
          {layout.sections.map((section, index) => {
            const editing = section.id === editingId;
            const seats = section.kind === "standing" ? null : (seatCounts.get(section.id) ?? 0);
            return (
              <li key={section.id}>
                <button
                  type="button"
                  aria-pressed={editing}
                  onClick={() => onEdit(section.id)}
                  className={`flex w-full items-center justify-between gap-2 rounded-md border px-3 py-1.5 text-left text-sm ${
                    editing
                      ? "border-brand-600 bg-brand-50 font-semibold text-brand-900"
                      : "border-slate-200 hover:bg-slate-50"
                  }`}
                >
                  <span>
                    Section {section.label}{" "}
                    <span className="font-normal text-slate-600">· {KIND_WORDS[section.kind]}</span>
                  </span>
                  <span className="flex items-center gap-2 font-normal text-slate-700">
                    {troubled.has(index) && (
                      <span className="rounded bg-red-100 px-1.5 text-xs font-semibold text-red-800">problem</span>
                    )}
                    {seats === null ? "standing" : `${formatCount(seats)} seats`}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}

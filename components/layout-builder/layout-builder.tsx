"use client";

import { useActionState, useEffect, useMemo, useReducer, useState, type KeyboardEvent } from "react";
import { SeatMap } from "@/components/ticket-picker/seat-map";
import type { FormState } from "@/lib/actions";
import type { Layout } from "@/lib/events/layout/format";
import { historyReducer, newSection, type SeatMark, type SectionKind } from "./builder-state";
import { BuilderHeader } from "./builder-header";
import { Panel, buttonClass } from "./fields";
import { ImportExportPanel } from "./import-export-panel";
import { IssuesPanel, groupByPath, sectionIndexOf } from "./issues-panel";
import { LayoutSettings } from "./layout-settings";
import { buildPreview, createPreviewCache } from "./preview-model";
import { SectionEditor } from "./section-editor";
import { SectionsPanel } from "./sections-panel";
import { SelectionPanel } from "./selection-panel";
import { ZonesPanel } from "./zones-panel";

type SaveAction = (state: FormState, data: FormData) => Promise<FormState>;

export type LayoutBuilderProps = {
  venue: { id: string; name: string; slug: string; href: string };
  initial: Layout;
  /** The version the builder started from, or null for a new layout. */
  basedOn: number | null;
  nextVersion: number;
  saveAction: SaveAction;
};

const MARK_WORDS: Record<SeatMark["kind"], string> = {
  zone: "given the zone",
  accessibility: "marked",
  disabled: "marked not for sale",
  removed: "removed",
  clear: "cleared of marks",
};

/**
 * The seat-map builder: the layout document in a reducer (with undo), its
 * preview drawn by the fan's own SeatMap, the validator's issues beside it,
 * and a save that adds a version. Every edit recomputes the preview, but only
 * for the section it touched (see preview-model.ts).
 */
export function LayoutBuilder({ venue, initial, basedOn, nextVersion, saveAction }: LayoutBuilderProps) {
  const [history, dispatch] = useReducer(historyReducer, { past: [], present: initial });
  const layout = history.present;
  const [cache] = useState(createPreviewCache);
  const preview = useMemo(() => buildPreview(layout, cache), [layout, cache]);
  const [editingId, setEditingId] = useState<string | null>(initial.sections[0]?.id ?? null);
  const [selected, setSelected] = useState<readonly string[]>([]);
  const [boxSelect, setBoxSelect] = useState(false);
  const [announcement, setAnnouncement] = useState("");

  // Saving: the layout sent is remembered, and becomes "saved" when the action says it was.
  const [saveState, saveFormAction, saving] = useActionState(saveAction, { ok: true });
  const [sent, setSent] = useState<Layout | null>(null);
  // Starting from the latest version, nothing is unsaved yet; from an older one, saving it again is a change.
  const startedSaved = basedOn !== null && basedOn === nextVersion - 1;
  const [saved, setSaved] = useState({ state: saveState, layout: startedSaved ? initial : null, next: nextVersion });
  if (saved.state !== saveState) {
    const version = saveState.ok ? Number(saveState.created?.version) : NaN;
    setSaved(
      Number.isInteger(version)
        ? { state: saveState, layout: sent, next: version + 1 }
        : { ...saved, state: saveState },
    );
  }
  const dirty = layout !== saved.layout;

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const tiers = useMemo(() => layout.zones.map((z) => ({ id: z.key, name: z.name })), [layout.zones]);
  const errors = useMemo(() => {
    const byPath = new Map<string, string[]>();
    for (const issue of preview.issues) byPath.set(issue.path, [...(byPath.get(issue.path) ?? []), issue.message]);
    return byPath;
  }, [preview.issues]);
  const troubled = useMemo(
    () => new Set(preview.issues.flatMap((i) => sectionIndexOf(i.path) ?? [])),
    [preview.issues],
  );
  const selectedSeats = useMemo(() => {
    if (selected.length === 0) return [];
    const ids = new Set(selected);
    return preview.seats.filter((seat) => ids.has(seat.id));
  }, [selected, preview.seats]);

  const editingIndex = layout.sections.findIndex((s) => s.id === editingId);
  const editing = layout.sections[editingIndex];

  function addSection(kind: SectionKind) {
    const section = newSection(kind, layout, preview.bottoms);
    dispatch({ type: "addSection", section });
    setEditingId(section.id);
    setAnnouncement(
      `${kind === "standing" ? "Standing area" : kind === "arc" ? "Arc" : "Block"} ${section.label} added.`,
    );
  }

  function mark(seatMark: SeatMark) {
    dispatch({ type: "markSeats", keys: selectedSeats.map((s) => s.key), mark: seatMark });
    const what =
      seatMark.kind === "accessibility" && seatMark.value
        ? `marked as ${seatMark.value === "wheelchair" ? "wheelchair spaces" : "companion seats"}`
        : seatMark.kind === "zone"
          ? `given the zone ${layout.zones.find((z) => z.key === seatMark.zone)?.name ?? ""}`
          : MARK_WORDS[seatMark.kind];
    setAnnouncement(`${selectedSeats.length} ${selectedSeats.length === 1 ? "seat" : "seats"} ${what}.`);
  }

  function showSection(index: number) {
    const section = layout.sections[index];
    if (!section) return;
    setEditingId(section.id);
    requestAnimationFrame(() => document.getElementById("editor-heading")?.focus());
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const typing = event.target instanceof HTMLElement && event.target.closest("input, textarea, select");
    if ((event.ctrlKey || event.metaKey) && event.key === "z" && !typing) {
      event.preventDefault();
      dispatch({ type: "undo" });
      setAnnouncement("Undone.");
    } else if (event.key === "Escape" && selected.length && !typing) {
      setSelected([]);
    }
  }

  return (
    <div className="flex flex-col gap-4" onKeyDown={onKeyDown}>
      <BuilderHeader
        venue={venue}
        layout={layout}
        basedOn={basedOn}
        seatCount={preview.seatCount}
        standingCapacity={preview.standingCapacity}
        issueCount={groupByPath(preview.issues).length}
        dirty={dirty}
        nextVersion={saved.next}
        canUndo={history.past.length > 0}
        onUndo={() => dispatch({ type: "undo" })}
        saveState={saveState}
        saving={saving}
        formAction={saveFormAction}
        onSubmit={() => setSent(layout)}
        onBlocked={() => document.getElementById("issues-heading")?.focus()}
      />
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_25rem]">
        <div className="flex flex-col gap-2 lg:sticky lg:top-2">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 className="text-base font-semibold">Preview</h2>
            <button
              type="button"
              className={buttonClass}
              aria-pressed={boxSelect}
              onClick={() => setBoxSelect((on) => !on)}
            >
              {/* One name, pressed or not: a toggle that renames itself reads as two different buttons. */}
              Drag selects seats
            </button>
          </div>
          <SeatMap
            mode="preview"
            seats={preview.seats}
            tiers={tiers}
            stage={layout.stage}
            areas={preview.areas}
            selectedIds={selected}
            maxSelectable={Infinity}
            boxSelect={boxSelect}
            onToggle={(id) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]))}
            onSelectMany={(ids) => setSelected((s) => [...new Set([...s, ...ids])])}
          />
        </div>
        <div className="flex flex-col gap-4">
          <IssuesPanel
            issues={preview.issues}
            sectionLabels={layout.sections.map((s) => s.label)}
            orphanCount={preview.orphanKeys.length}
            onShowSection={showSection}
            onDropOrphans={() => dispatch({ type: "dropOverrides", keys: preview.orphanKeys })}
          />
          <SectionsPanel
            layout={layout}
            seatCounts={preview.seatCounts}
            troubled={troubled}
            editingId={editing?.id ?? null}
            onAdd={addSection}
            onEdit={setEditingId}
          />
          {editing && (
            <Panel id="editor-heading" title={`Section ${editing.label}`}>
              <SectionEditor
                key={editing.id}
                section={editing}
                index={editingIndex}
                zones={layout.zones}
                errors={errors}
                onChange={(section) => dispatch({ type: "updateSection", id: editing.id, section })}
                onDelete={() => {
                  dispatch({ type: "removeSection", id: editing.id });
                  setEditingId(null);
                  setAnnouncement(`Section ${editing.label} deleted. Undo brings it back.`);
                }}
              />
            </Panel>
          )}
          <SelectionPanel
            layout={layout}
            count={selectedSeats.length}
            sectionLabel={editing && editing.kind !== "standing" ? editing.label : null}
            onSelectSection={() =>
              setSelected(preview.seats.filter((s) => s.sectionId === editing?.id).map((s) => s.id))
            }
            onClear={() => setSelected([])}
            onMark={mark}
          />
          <ZonesPanel
            layout={layout}
            onAdd={(name) => dispatch({ type: "addZone", name })}
            onRename={(key, name) => dispatch({ type: "renameZone", key, name })}
            onRemove={(key) => dispatch({ type: "removeZone", key })}
          />
          <LayoutSettings
            layout={layout}
            errors={errors}
            onRename={(name) => dispatch({ type: "rename", name })}
            onStage={(stage) => dispatch({ type: "setStage", stage })}
          />
          <ImportExportPanel
            layout={layout}
            fileName={`${venue.slug}-layout.json`}
            onLoad={(loaded) => {
              dispatch({ type: "load", layout: loaded });
              setSelected([]);
              setEditingId(loaded.sections[0]?.id ?? null);
            }}
          />
        </div>
      </div>
    </div>
  );
}

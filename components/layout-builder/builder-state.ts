import { seatKey, LAYOUT_FORMAT, type Layout, type LayoutSection, type SeatOverride } from "@/lib/events/layout/format";

// The builder's document edits, as a pure reducer over the layout itself (the
// zod output type: every default spelled out, so each control has a value).
// Edits replace only what they change; the preview relies on untouched
// sections keeping their identity to skip re-expanding and re-drawing them.

export type SectionKind = LayoutSection["kind"];

/** What a set of seats can be marked as; `null` clears that mark. */
export type SeatMark =
  | { kind: "zone"; zone: string | null }
  | { kind: "accessibility"; value: "wheelchair" | "companion" | null }
  | { kind: "disabled"; value: boolean }
  | { kind: "removed"; value: boolean }
  | { kind: "clear" };

export type BuilderAction =
  | { type: "load"; layout: Layout }
  | { type: "rename"; name: string }
  | { type: "setStage"; stage: Layout["stage"] }
  | { type: "addSection"; section: LayoutSection }
  | { type: "updateSection"; id: string; section: LayoutSection }
  | { type: "removeSection"; id: string }
  | { type: "addZone"; name: string }
  | { type: "renameZone"; key: string; name: string }
  | { type: "removeZone"; key: string }
  | { type: "markSeats"; keys: readonly string[]; mark: SeatMark }
  | { type: "dropOverrides"; keys: readonly string[] };

/** A layout to start from: one price zone, a stage, no sections yet. */
export function starterLayout(name: string): Layout {
  return {
    format: LAYOUT_FORMAT,
    name: name.slice(0, 100) || "Main layout",
    stage: { x: 300, y: 0, width: 300, height: 40, label: "Stage" },
    zones: [{ key: "standard", name: "Standard" }],
    sections: [],
    seatOverrides: {},
  };
}

/** The section label part of a seat key ("104/C/7" → "104"); row labels and seat numbers never hold a "/". */
export function sectionLabelOfKey(key: string): string {
  const last = key.lastIndexOf("/");
  return key.slice(0, key.lastIndexOf("/", last - 1));
}

function uniqueValue(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

/** A zone key from its name: "Upper Bowl" → "upper-bowl", unique in the layout. */
export function zoneKeyFor(name: string, layout: Layout): string {
  const base =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 17) || "zone";
  return uniqueValue(base, new Set(layout.zones.map((z) => z.key)));
}

/** Where a new section goes: below everything drawn so far, so it never starts on top of another. */
function freeSpotBelow(layout: Layout, bottoms: readonly number[]): { x: number; y: number } {
  const stageBottom = layout.stage ? layout.stage.y + layout.stage.height : 0;
  const centre = layout.stage ? layout.stage.x + layout.stage.width / 2 : 450;
  return { x: centre, y: Math.max(stageBottom, ...bottoms) + 40 };
}

/**
 * A new section of the given kind with sensible defaults, labelled and placed
 * so that it is valid as added. `bottoms` are the lowest y of what is already
 * drawn (the preview knows them).
 */
export function newSection(kind: SectionKind, layout: Layout, bottoms: readonly number[]): LayoutSection {
  const ids = new Set(layout.sections.map((s) => s.id));
  const labels = new Set(layout.sections.map((s) => s.label));
  const id = uniqueValue(`s${layout.sections.length + 1}`, ids);
  const label = uniqueValue(
    kind === "standing" ? "Floor" : String.fromCharCode(65 + (layout.sections.length % 26)),
    labels,
  );
  const zone = layout.zones[0]?.key ?? "standard";
  const spot = freeSpotBelow(layout, bottoms);
  const rows = { count: 8, labels: "letters" as const, spacing: 14 };
  const seats = {
    perRow: 16,
    addPerRow: 0,
    start: 1,
    spacing: 10,
    direction: "left-to-right" as const,
    aislesAfter: [],
  };
  switch (kind) {
    case "block":
      return { id, label, zone, kind, origin: { x: spot.x - 75, y: spot.y }, rotation: 0, curve: 0, rows, seats };
    case "arc":
      // Centred under the stage, its first row clear of everything above.
      return {
        id,
        label,
        zone,
        kind,
        center: { x: spot.x, y: spot.y - 120 },
        radius: 140,
        startAngle: 45,
        endAngle: 135,
        rows,
        seats: { ...seats, perRow: 20 },
      };
    case "standing":
      return { id, label, zone, kind, rect: { x: spot.x - 100, y: spot.y, width: 200, height: 100 }, capacity: 500 };
  }
}

/** Seat overrides keyed under one section label, moved to another (a renamed section keeps its marks). */
function moveOverrides(overrides: Layout["seatOverrides"], from: string, to: string) {
  if (from === to) return overrides;
  let moved = false;
  const next: Layout["seatOverrides"] = {};
  for (const [key, override] of Object.entries(overrides)) {
    if (sectionLabelOfKey(key) === from) {
      next[seatKey(to, ...(key.slice(from.length + 1).split("/") as [string, string]))] = override;
      moved = true;
    } else next[key] = override;
  }
  return moved ? next : overrides;
}

function withoutSectionOverrides(overrides: Layout["seatOverrides"], label: string) {
  const entries = Object.entries(overrides);
  const kept = entries.filter(([key]) => sectionLabelOfKey(key) !== label);
  return kept.length === entries.length ? overrides : Object.fromEntries(kept);
}

function applyMark(override: SeatOverride | undefined, mark: SeatMark, sectionZone: string | undefined) {
  const next: SeatOverride = { ...override };
  switch (mark.kind) {
    case "zone":
      // The section's own zone needs no override.
      if (mark.zone === null || mark.zone === sectionZone) delete next.zone;
      else next.zone = mark.zone;
      break;
    case "accessibility":
      if (mark.value) next.accessibility = mark.value;
      else delete next.accessibility;
      break;
    case "disabled":
      if (mark.value) next.disabled = true;
      else delete next.disabled;
      break;
    case "removed":
      if (mark.value) next.removed = true;
      else delete next.removed;
      break;
    case "clear":
      return undefined;
  }
  return Object.keys(next).length ? next : undefined;
}

function markSeats(layout: Layout, keys: readonly string[], mark: SeatMark): Layout {
  const zoneOfSection = new Map(layout.sections.map((s) => [s.label, s.zone]));
  const overrides = { ...layout.seatOverrides };
  for (const key of keys) {
    const next = applyMark(overrides[key], mark, zoneOfSection.get(sectionLabelOfKey(key)));
    if (next) overrides[key] = next;
    else delete overrides[key];
  }
  return { ...layout, seatOverrides: overrides };
}

export function builderReducer(layout: Layout, action: BuilderAction): Layout {
  switch (action.type) {
    case "load":
      return action.layout;
    case "rename":
      return { ...layout, name: action.name };
    case "setStage": {
      const { stage: _old, ...rest } = layout;
      return action.stage ? { ...rest, stage: action.stage } : rest;
    }
    case "addSection":
      return { ...layout, sections: [...layout.sections, action.section] };
    case "updateSection": {
      const before = layout.sections.find((s) => s.id === action.id);
      if (!before) return layout;
      return {
        ...layout,
        sections: layout.sections.map((s) => (s.id === action.id ? action.section : s)),
        seatOverrides: moveOverrides(layout.seatOverrides, before.label, action.section.label),
      };
    }
    case "removeSection": {
      const removed = layout.sections.find((s) => s.id === action.id);
      if (!removed) return layout;
      const sameLabel = layout.sections.filter((s) => s.label === removed.label).length > 1;
      return {
        ...layout,
        sections: layout.sections.filter((s) => s.id !== action.id),
        // Its marks go with it, unless another section (wrongly) shares its label and so its seat keys.
        seatOverrides: sameLabel ? layout.seatOverrides : withoutSectionOverrides(layout.seatOverrides, removed.label),
      };
    }
    case "addZone": {
      const name = action.name.trim();
      if (!name) return layout;
      return { ...layout, zones: [...layout.zones, { key: zoneKeyFor(name, layout), name }] };
    }
    case "renameZone":
      return { ...layout, zones: layout.zones.map((z) => (z.key === action.key ? { ...z, name: action.name } : z)) };
    case "removeZone":
      if (zoneUse(layout, action.key).total > 0 || layout.zones.length <= 1) return layout;
      return { ...layout, zones: layout.zones.filter((z) => z.key !== action.key) };
    case "markSeats":
      return markSeats(layout, action.keys, action.mark);
    case "dropOverrides": {
      const drop = new Set(action.keys);
      return {
        ...layout,
        seatOverrides: Object.fromEntries(Object.entries(layout.seatOverrides).filter(([key]) => !drop.has(key))),
      };
    }
  }
}

/** How many sections and single seats use a zone: a zone in use cannot be removed. */
export function zoneUse(layout: Layout, key: string) {
  const sections = layout.sections.filter((s) => s.zone === key).length;
  const seats = Object.values(layout.seatOverrides).filter((o) => o.zone === key).length;
  return { sections, seats, total: sections + seats };
}

/**
 * A copy of `value` with the property at `path` replaced (or, for undefined,
 * left out: optional fields like a row's first label are absent, not undefined).
 */
export function setIn<T>(value: T, path: readonly string[], next: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined) return next as T;
  const record = value as Record<string, unknown>;
  const child = rest.length ? setIn(record[head], rest, next) : next;
  if (child === undefined) {
    const { [head]: _removed, ...others } = record;
    return others as T;
  }
  return { ...record, [head]: child } as T;
}

/** Undo for the builder: each edit keeps the layout before it (up to a limit); loading a layout is an edit too. */
export type History = { past: Layout[]; present: Layout };
export type HistoryAction = BuilderAction | { type: "undo" };

const HISTORY_LIMIT = 100;

export function historyReducer(history: History, action: HistoryAction): History {
  if (action.type === "undo") {
    const previous = history.past.at(-1);
    return previous ? { past: history.past.slice(0, -1), present: previous } : history;
  }
  const present = builderReducer(history.present, action);
  if (present === history.present) return history;
  return { past: [...history.past.slice(-HISTORY_LIMIT + 1), history.present], present };
}

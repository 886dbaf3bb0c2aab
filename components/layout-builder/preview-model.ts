import type { MapArea, MapSeat } from "@/components/ticket-picker/types";
import { sectionSeats, type PlacedSeat, type Seated } from "@/lib/events/layout/expand";
import {
  layoutInput,
  layoutSection,
  type Layout,
  type LayoutSection,
  type SeatOverride,
} from "@/lib/events/layout/format";
import { createOverlapCache, type OverlapCache } from "@/lib/events/layout/overlaps";
import { layoutIssues, shapeIssues, type LayoutIssue } from "@/lib/events/layout/validate";
import { sectionLabelOfKey } from "./builder-state";

// The builder's live preview: the layout's seats as the fan's SeatMap draws
// them, and the validator's issues, recomputed on every edit. Everything is
// cached per section object, so an edit to one section of a 20,000-seat
// layout re-expands that section only, and every other section hands the map
// the very same seat objects (which is how the map skips redrawing them).

/** A preview seat: what the map needs, plus what the validator needs (key, sectionId). */
export type PreviewSeat = MapSeat & { key: string; sectionId: string };

export type Preview = {
  /** Every seat the sections describe, removed ones included (drawn as outlines). */
  seats: PreviewSeat[];
  areas: MapArea[];
  issues: LayoutIssue[];
  seatCount: number;
  standingCapacity: number;
  /** Override keys that name no seat (left behind by a smaller section). */
  orphanKeys: string[];
  /** Lowest y of everything drawn, per section id: where new sections go. */
  bottoms: number[];
  /** Seats per section id, removed ones not counted. */
  seatCounts: Map<string, number>;
};

type SectionSeats = { placed: PlacedSeat[]; keys: Set<string>; bottom: number };
/** A section's seats with its overrides: all of them for the map, and those not removed for the checks. */
type Decorated = { seats: PreviewSeat[]; remaining: PreviewSeat[] };
type DecoratedEntry = Decorated & { placed: PlacedSeat[]; zone: string; signature: string };

export type PreviewCache = {
  parsed: WeakMap<LayoutSection, LayoutSection | null>;
  placed: WeakMap<LayoutSection, SectionSeats>;
  decorated: Map<string, DecoratedEntry>;
  overlaps: OverlapCache;
};

export function createPreviewCache(): PreviewCache {
  return { parsed: new WeakMap(), placed: new WeakMap(), decorated: new Map(), overlaps: createOverlapCache() };
}

/** The section with its defaults, or null when its own fields are invalid (then it is not drawn). */
function parsedSection(section: LayoutSection, cache: PreviewCache): LayoutSection | null {
  let parsed = cache.parsed.get(section);
  if (parsed === undefined) {
    const result = layoutSection.safeParse(section);
    parsed = result.success ? result.data : null;
    cache.parsed.set(section, parsed);
  }
  return parsed;
}

function placedSeats(section: LayoutSection, cache: PreviewCache): SectionSeats | null {
  const cached = cache.placed.get(section);
  if (cached) return cached;
  const parsed = parsedSection(section, cache);
  if (!parsed || parsed.kind === "standing") return null;
  const placed = sectionSeats(parsed as Seated);
  let bottom = -Infinity;
  for (const seat of placed) bottom = Math.max(bottom, seat.y);
  const result = { placed, keys: new Set(placed.map((s) => s.key)), bottom };
  cache.placed.set(section, result);
  return result;
}

function decorate(placed: PlacedSeat, zone: string, override: SeatOverride | undefined): PreviewSeat {
  // Spelled out rather than spread: V8 copies `{ ...placed }` slowly, and this runs for every seat of a section.
  return {
    id: `${placed.sectionId}/${placed.row}/${placed.number}`,
    key: placed.key,
    sectionId: placed.sectionId,
    section: placed.section,
    row: placed.row,
    number: placed.number,
    x: placed.x,
    y: placed.y,
    ticketTypeId: override?.zone ?? zone,
    status: "AVAILABLE",
    accessibility: override?.accessibility ?? null,
    blocked: override?.disabled ?? false,
    removed: override?.removed ?? false,
  };
}

function overridesBySection(overrides: Layout["seatOverrides"]) {
  const bySection = new Map<string, [string, SeatOverride][]>();
  for (const entry of Object.entries(overrides)) {
    const label = sectionLabelOfKey(entry[0]);
    const list = bySection.get(label);
    if (list) list.push(entry);
    else bySection.set(label, [entry]);
  }
  return bySection;
}

/** A section's seats with its overrides applied, reused while neither changed. */
function decoratedSeats(
  section: LayoutSection,
  placed: SectionSeats,
  overrides: [string, SeatOverride][] | undefined,
  cache: PreviewCache,
): Decorated {
  const signature = overrides ? JSON.stringify(overrides) : "";
  const cached = cache.decorated.get(section.id);
  if (cached && cached.placed === placed.placed && cached.zone === section.zone && cached.signature === signature) {
    return cached;
  }
  const byKey = new Map(overrides);
  const seats = placed.placed.map((seat) => decorate(seat, section.zone, byKey.get(seat.key)));
  const remaining = overrides ? seats.filter((seat) => !seat.removed) : seats;
  const entry = { placed: placed.placed, zone: section.zone, signature, seats, remaining };
  cache.decorated.set(section.id, entry);
  return entry;
}

export function buildPreview(layout: Layout, cache: PreviewCache): Preview {
  const overrides = overridesBySection(layout.seatOverrides);
  const seats: PreviewSeat[] = [];
  const areas: MapArea[] = [];
  const keySets: Set<string>[] = [];
  const remainingBySection = new Map<string, PreviewSeat[]>();
  let seatCount = 0;
  const bottoms: number[] = [];
  let standingCapacity = 0;
  for (const section of layout.sections) {
    if (section.kind === "standing") {
      const parsed = parsedSection(section, cache);
      if (parsed?.kind !== "standing") continue;
      areas.push({
        id: section.id,
        label: section.label,
        tierId: section.zone,
        capacity: parsed.capacity,
        ...parsed.rect,
      });
      bottoms.push(parsed.rect.y + parsed.rect.height);
      standingCapacity += parsed.capacity;
      continue;
    }
    const placed = placedSeats(section, cache);
    if (!placed) continue;
    keySets.push(placed.keys);
    bottoms.push(placed.bottom);
    const decorated = decoratedSeats(section, placed, overrides.get(section.label), cache);
    for (const seat of decorated.seats) seats.push(seat);
    // Two sections with one id (an imported mistake, reported as such) are checked as one.
    const sameId = remainingBySection.get(section.id);
    remainingBySection.set(section.id, sameId ? [...sameId, ...decorated.remaining] : decorated.remaining);
    seatCount += decorated.remaining.length;
  }
  // Forget sections that are gone, so the cache does not grow for ever while editing.
  const ids = new Set(layout.sections.map((s) => s.id));
  for (const id of cache.decorated.keys()) if (!ids.has(id)) cache.decorated.delete(id);

  const seatKeys = { has: (key: string) => keySets.some((keys) => keys.has(key)) };
  const orphanKeys = Object.keys(layout.seatOverrides).filter((key) => !seatKeys.has(key));
  const parsed = layoutInput.safeParse(layout);
  const issues = parsed.success
    ? layoutIssues(parsed.data, { sections: remainingBySection, seatKeys, overlapCache: cache.overlaps })
    : shapeIssues(parsed.error.issues);
  const seatCounts = new Map([...remainingBySection].map(([id, list]) => [id, list.length]));
  return { seats, areas, issues, seatCount, standingCapacity, orphanKeys, bottoms, seatCounts };
}

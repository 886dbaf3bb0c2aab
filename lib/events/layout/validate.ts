import { expandLayout, type LayoutSeat, type StandingArea } from "./expand";
import { layoutInput, MAX_LAYOUT_SEATS, type Layout } from "./format";

export type LayoutIssue = { path: string; message: string };

export type LayoutCheck =
  { ok: true; layout: Layout; seats: LayoutSeat[]; standing: StandingArea[] } | { ok: false; issues: LayoutIssue[] };

/** Seats closer than this (map units, centre to centre) are on top of each other. */
export const MIN_SEAT_DISTANCE = 3;
const MAX_REPORTED = 20;

/** What the checks need to know of a seat: the builder passes its own preview seats, which carry more. */
export type CheckedSeat = Pick<LayoutSeat, "key" | "sectionId" | "x" | "y">;

/**
 * Pairs of seats closer than MIN_SEAT_DISTANCE, found through a grid so 20,000 seats cost milliseconds.
 * Cells are keyed by a number, not a "cx:cy" string: building 180,000 strings per check was most of its
 * cost. Two cells may share a key only for absurd coordinates, and every candidate pair is measured anyway.
 */
function overlappingSeats<S extends CheckedSeat>(seats: readonly S[]): [S, S][] {
  const cell = (v: number) => Math.floor(v / MIN_SEAT_DISTANCE);
  let minX = Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const seat of seats) {
    minX = Math.min(minX, cell(seat.x));
    minY = Math.min(minY, cell(seat.y));
    maxY = Math.max(maxY, cell(seat.y));
  }
  const stride = maxY - minY + 3; // one spare cell on each side for the neighbours looked up
  const cellKey = (cx: number, cy: number) => (cx - minX + 1) * stride + (cy - minY + 1);
  const grid = new Map<number, S[]>();
  const pairs: [S, S][] = [];
  for (const seat of seats) {
    const cx = cell(seat.x);
    const cy = cell(seat.y);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const bucket = grid.get(cellKey(cx + dx, cy + dy));
        if (!bucket) continue;
        for (const other of bucket) {
          if (Math.hypot(seat.x - other.x, seat.y - other.y) < MIN_SEAT_DISTANCE) pairs.push([other, seat]);
          if (pairs.length >= MAX_REPORTED) return pairs;
        }
      }
    }
    const key = cellKey(cx, cy);
    const bucket = grid.get(key);
    if (bucket) bucket.push(seat);
    else grid.set(key, [seat]);
  }
  return pairs;
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) (seen.has(value) ? repeated : seen).add(value);
  return [...repeated];
}

/**
 * Parses and checks a layout: the JSON shape, then what a shape cannot say —
 * zones that exist, unique section labels and ids, overrides that name real
 * seats, no section left empty, no two seats on top of each other, a bounded
 * size. Every problem is reported at once, with a path a form can point at.
 */
export function validateLayout(input: unknown): LayoutCheck {
  const parsed = layoutInput.safeParse(input);
  if (!parsed.success) return { ok: false, issues: shapeIssues(parsed.error.issues) };
  const layout = parsed.data;
  const { seats, standing } = expandLayout(layout);
  // Removed seats are not in `seats`; an override may still name them, so check against the layout without overrides.
  const hasRemoved = Object.values(layout.seatOverrides).some((o) => o.removed);
  const seatKeys = new Set(
    (hasRemoved ? expandLayout({ ...layout, seatOverrides: {} }).seats : seats).map((s) => s.key),
  );
  const issues = layoutIssues(layout, { seats, seatKeys });
  return issues.length ? { ok: false, issues } : { ok: true, layout, seats, standing };
}

/** zod's issues as paths and messages. */
export function shapeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): LayoutIssue[] {
  return issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

/**
 * The checks beyond the shape, over a parsed layout and its expanded seats:
 * `seats` are the seats that remain (removed ones left out, overrides applied),
 * `seatKeys` the keys of every seat the sections describe, removed ones included.
 */
export function layoutIssues(
  layout: Layout,
  expanded: { seats: readonly CheckedSeat[]; seatKeys: Pick<ReadonlySet<string>, "has"> },
): LayoutIssue[] {
  const { seats, seatKeys } = expanded;
  const issues: LayoutIssue[] = [];
  const zones = new Set(layout.zones.map((z) => z.key));
  for (const key of duplicates(layout.zones.map((z) => z.key))) {
    issues.push({ path: "zones", message: `Zone "${key}" is declared twice.` });
  }
  layout.sections.forEach((section, i) => {
    if (!zones.has(section.zone)) {
      issues.push({
        path: `sections.${i}.zone`,
        message: `Section ${section.label} uses zone "${section.zone}", which is not declared.`,
      });
    }
  });
  for (const label of duplicates(layout.sections.map((s) => s.label))) {
    issues.push({ path: "sections", message: `Two sections are labelled "${label}"; seat labels would repeat.` });
  }
  for (const id of duplicates(layout.sections.map((s) => s.id))) {
    issues.push({ path: "sections", message: `Two sections have the id "${id}".` });
  }

  if (seats.length > MAX_LAYOUT_SEATS) {
    issues.push({
      path: "sections",
      message: `The layout has ${seats.length} seats; the most a layout may have is ${MAX_LAYOUT_SEATS}.`,
    });
  }
  const seated = new Set(seats.map((s) => s.sectionId));
  layout.sections.forEach((section, i) => {
    if (section.kind !== "standing" && !seated.has(section.id)) {
      issues.push({ path: `sections.${i}`, message: `Section ${section.label} has no seats left.` });
    }
  });

  for (const [key, override] of Object.entries(layout.seatOverrides)) {
    if (!seatKeys.has(key)) issues.push({ path: `seatOverrides.${key}`, message: `There is no seat ${key}.` });
    if (override.zone && !zones.has(override.zone)) {
      issues.push({
        path: `seatOverrides.${key}.zone`,
        message: `Seat ${key} uses zone "${override.zone}", which is not declared.`,
      });
    }
  }

  // Point at the section of the later seat, so a form can show the problem beside the section just added or moved.
  const sectionIndex = new Map(layout.sections.map((s, i) => [s.id, i]));
  for (const [a, b] of overlappingSeats(seats)) {
    issues.push({
      path: `sections.${sectionIndex.get(b.sectionId) ?? 0}`,
      message: `Seats ${a.key} and ${b.key} overlap; move or turn one of their sections.`,
    });
  }
  return issues;
}

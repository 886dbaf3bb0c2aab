import { expandLayout, type LayoutSeat, type StandingArea } from "./expand";
import { layoutInput, MAX_LAYOUT_SEATS, type Layout } from "./format";

export type LayoutIssue = { path: string; message: string };

export type LayoutCheck =
  { ok: true; layout: Layout; seats: LayoutSeat[]; standing: StandingArea[] } | { ok: false; issues: LayoutIssue[] };

/** Seats closer than this (map units, centre to centre) are on top of each other. */
export const MIN_SEAT_DISTANCE = 3;
const MAX_REPORTED = 20;

/** Pairs of seats closer than MIN_SEAT_DISTANCE, found through a grid so 20,000 seats cost milliseconds. */
function overlappingSeats(seats: LayoutSeat[]): [LayoutSeat, LayoutSeat][] {
  const cell = (v: number) => Math.floor(v / MIN_SEAT_DISTANCE);
  const grid = new Map<string, LayoutSeat[]>();
  const pairs: [LayoutSeat, LayoutSeat][] = [];
  for (const seat of seats) {
    const cx = cell(seat.x);
    const cy = cell(seat.y);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const other of grid.get(`${cx + dx}:${cy + dy}`) ?? []) {
          if (Math.hypot(seat.x - other.x, seat.y - other.y) < MIN_SEAT_DISTANCE) pairs.push([other, seat]);
          if (pairs.length >= MAX_REPORTED) return pairs;
        }
      }
    }
    const key = `${cx}:${cy}`;
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
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    };
  }
  const layout = parsed.data;
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

  const { seats, standing } = expandLayout(layout);
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

  // Removed seats are not in `seats`; an override may still name them, so check against the layout without overrides.
  const overrides = Object.entries(layout.seatOverrides);
  const keys = new Set(
    (overrides.some(([, o]) => o.removed) ? expandLayout({ ...layout, seatOverrides: {} }).seats : seats).map(
      (s) => s.key,
    ),
  );
  for (const [key, override] of overrides) {
    const exists = keys.has(key);
    if (!exists) issues.push({ path: `seatOverrides.${key}`, message: `There is no seat ${key}.` });
    if (override.zone && !zones.has(override.zone)) {
      issues.push({
        path: `seatOverrides.${key}.zone`,
        message: `Seat ${key} uses zone "${override.zone}", which is not declared.`,
      });
    }
  }

  for (const [a, b] of overlappingSeats(seats)) {
    issues.push({
      path: "sections",
      message: `Seats ${a.key} and ${b.key} overlap; move or turn one of their sections.`,
    });
  }
  return issues.length ? { ok: false, issues } : { ok: true, layout, seats, standing };
}

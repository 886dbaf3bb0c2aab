import { expandLayout, type LayoutSeat, type StandingArea } from "./expand";
import { layoutInput, MAX_LAYOUT_SEATS, type Layout } from "./format";
import { overlappingSeats, type OverlapCache } from "./overlaps";

export type LayoutIssue = { path: string; message: string };

export type LayoutCheck =
  { ok: true; layout: Layout; seats: LayoutSeat[]; standing: StandingArea[] } | { ok: false; issues: LayoutIssue[] };

/** Seats closer than this (map units, centre to centre) are on top of each other. */
export const MIN_SEAT_DISTANCE = 3;
const MAX_REPORTED = 20;

/** What the checks need to know of a seat: the builder passes its own preview seats, which carry more. */
export type CheckedSeat = Pick<LayoutSeat, "key" | "sectionId" | "x" | "y">;

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
  const issues = layoutIssues(layout, { sections: seatsBySection(seats), seatKeys });
  return issues.length ? { ok: false, issues } : { ok: true, layout, seats, standing };
}

type ShapeIssue = {
  path: PropertyKey[];
  message: string;
  code?: string;
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
};

function seatsBySection<S extends CheckedSeat>(seats: readonly S[]): Map<string, S[]> {
  const bySection = new Map<string, S[]>();
  for (const seat of seats) {
    const list = bySection.get(seat.sectionId);
    if (list) list.push(seat);
    else bySection.set(seat.sectionId, [seat]);
  }
  return bySection;
}

/** zod's issues as paths and messages, numbers' limits in plain words ("must be at least 10"). */
export function shapeIssues(issues: readonly ShapeIssue[]): LayoutIssue[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join("."), message: plainMessage(issue) }));
}

function plainMessage(issue: ShapeIssue): string {
  if (issue.origin !== "number") return issue.message;
  if (issue.code === "too_small") return `must be at least ${String(issue.minimum)}`;
  if (issue.code === "too_big") return `must be at most ${String(issue.maximum)}`;
  return issue.message;
}

/**
 * The checks beyond the shape, over a parsed layout and its expanded seats:
 * `sections` holds the seats that remain of each section by id (removed ones
 * left out, overrides applied), `seatKeys` the keys of every seat the sections
 * describe, removed ones included. The builder passes the same arrays for
 * unchanged sections on every edit, with an overlap cache, so their checks
 * are reused.
 */
export function layoutIssues(
  layout: Layout,
  expanded: {
    sections: ReadonlyMap<string, readonly CheckedSeat[]>;
    seatKeys: Pick<ReadonlySet<string>, "has">;
    overlapCache?: OverlapCache;
  },
): LayoutIssue[] {
  const { sections, seatKeys } = expanded;
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

  let seatCount = 0;
  for (const seats of sections.values()) seatCount += seats.length;
  if (seatCount > MAX_LAYOUT_SEATS) {
    issues.push({
      path: "sections",
      message: `The layout has ${seatCount} seats; the most a layout may have is ${MAX_LAYOUT_SEATS}.`,
    });
  }
  layout.sections.forEach((section, i) => {
    if (section.kind !== "standing" && !sections.get(section.id)?.length) {
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
  const overlaps = overlappingSeats([...sections.values()], {
    distance: MIN_SEAT_DISTANCE,
    limit: MAX_REPORTED,
    ...(expanded.overlapCache ? { cache: expanded.overlapCache } : {}),
  });
  for (const [a, b] of overlaps) {
    issues.push({
      path: `sections.${sectionIndex.get(b.sectionId) ?? 0}`,
      message: `Seats ${a.key} and ${b.key} overlap; move or turn one of their sections.`,
    });
  }
  return issues;
}

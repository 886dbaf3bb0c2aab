import { z } from "zod";

// The seat-map layout of a venue: sections described by a few numbers (rows,
// seats per row, spacing, rotation, curve) rather than seat by seat, so a
// 20,000-seat arena is a few kilobytes, edits are cheap and a person can read
// the JSON. `expandLayout` turns it into seats; `validateLayout` checks it.
// The format is documented in docs/api.md ("The layout format"); keep both in step.

export const LAYOUT_FORMAT = "marquee.layout/1";
export const MAX_LAYOUT_SEATS = 50_000;

const finite = z.number().finite();
const point = z.strictObject({ x: finite, y: finite });
const label = z.string().trim().min(1).max(20);
const zoneKey = z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, "use 1–20 letters, digits, - or _");

const rows = z.strictObject({
  count: z.number().int().min(1).max(100),
  /** Letters skip I and O, as on real tickets: A, B … H, J … N, P … Z, AA, AB … */
  labels: z.enum(["letters", "numbers"]).default("letters"),
  /** Label of the row nearest the stage: "A", or 1. Later rows count on from it. */
  start: z
    .union([z.string().regex(/^[A-HJ-NP-Z]{1,2}$/, "a row letter (no I or O)"), z.number().int().min(0)])
    .optional(),
  /** Distance between rows, in map units. */
  spacing: z.number().min(4).max(100).default(14),
});

const seats = z.strictObject({
  /** Seats in the row nearest the stage. */
  perRow: z.number().int().min(1).max(200),
  /** Seats added (or, negative, removed) with each row further back, as a bowl widens. */
  addPerRow: z.number().int().min(-10).max(10).default(0),
  /** Number of the first seat of each row. */
  start: z.number().int().min(0).max(9_999).default(1),
  /** Distance between seats in a row, in map units. */
  spacing: z.number().min(4).max(100).default(10),
  /** Which way numbers run as a fan faces the stage (the stage is at the top of the map). */
  direction: z.enum(["left-to-right", "right-to-left"]).default("left-to-right"),
  /** Seat positions (1-based, counted from the first seat) after which an aisle one seat wide opens. */
  aislesAfter: z.array(z.number().int().min(1).max(199)).max(20).default([]),
});

const common = { id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/), label, zone: zoneKey };

/** Straight (or gently bowed) rows facing the stage, turned by `rotation` around `origin`. */
export const blockSection = z.strictObject({
  ...common,
  kind: z.literal("block"),
  /** Where the first seat of the first row sits (before rotation). */
  origin: point,
  /** Degrees, clockwise. */
  rotation: z.number().min(-180).max(180).default(0),
  /** How far the middle of each row bows away from the stage, in map units; 0 is straight. */
  curve: z.number().min(-200).max(200).default(0),
  rows,
  seats,
});

/** Rows on concentric arcs around a centre: the bowl of an arena or a horseshoe around a stage. */
export const arcSection = z.strictObject({
  ...common,
  kind: z.literal("arc"),
  center: point,
  /** Radius of the row nearest the centre. */
  radius: z.number().min(10).max(10_000),
  /** Degrees: 0 points left of the centre, 90 straight away from the stage (down the map), 180 right. */
  startAngle: z.number().min(-360).max(360),
  endAngle: z.number().min(-360).max(360),
  rows,
  seats,
});

/** A standing (general-admission) area: a capacity, no seats. */
export const standingSection = z.strictObject({
  ...common,
  kind: z.literal("standing"),
  rect: z.strictObject({ x: finite, y: finite, width: z.number().min(10), height: z.number().min(10) }),
  capacity: z.number().int().min(1).max(200_000),
});

export const layoutSection = z.discriminatedUnion("kind", [blockSection, arcSection, standingSection]);

const seatOverride = z.strictObject({
  /** Not a seat at all (a pillar, a camera platform): left out of the event. */
  removed: z.literal(true).optional(),
  /** A seat that exists but is not sold (house seats, obstructed view). */
  disabled: z.literal(true).optional(),
  accessibility: z.enum(["wheelchair", "companion"]).optional(),
  /** Another price zone than its section's. */
  zone: zoneKey.optional(),
});

export const layoutInput = z.strictObject({
  format: z.literal(LAYOUT_FORMAT),
  name: z.string().trim().min(1).max(100),
  stage: z
    .strictObject({
      x: finite,
      y: finite,
      width: z.number().min(1),
      height: z.number().min(1),
      label: z.string().max(40).default("Stage"),
    })
    .optional(),
  /** Price zones: the ticket-type slots an event fills with prices. */
  zones: z
    .array(z.strictObject({ key: zoneKey, name: z.string().trim().min(1).max(60) }))
    .min(1, "Add at least one price zone.")
    .max(20, "A layout has at most 20 price zones."),
  sections: z.array(layoutSection).min(1, "Add at least one section.").max(500, "A layout has at most 500 sections."),
  /** Keyed by seat key: "<section label>/<row>/<number>". */
  seatOverrides: z.record(z.string().max(80), seatOverride).default({}),
});

export type LayoutInput = z.input<typeof layoutInput>;
export type Layout = z.output<typeof layoutInput>;
export type LayoutSection = Layout["sections"][number];
export type SeatOverride = z.output<typeof seatOverride>;

export const seatKey = (section: string, row: string, number: string) => `${section}/${row}/${number}`;

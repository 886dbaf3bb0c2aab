import { seatKey, type Layout, type LayoutSection } from "./format";

// Turns a layout into the seats (and standing areas) it describes. Pure and
// fast (a 20,000-seat layout expands in a few milliseconds), so the builder can
// run it on every edit and the server on every save and every event created.

export type LayoutSeat = {
  key: string;
  sectionId: string;
  section: string;
  row: string;
  number: string;
  x: number;
  y: number;
  zone: string;
  accessibility: "wheelchair" | "companion" | null;
  disabled: boolean;
};

export type StandingArea = { sectionId: string; section: string; zone: string; capacity: number };

const LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"; // no I or O

function letterIndex(label: string): number {
  return [...label].reduce((n, c) => n * LETTERS.length + LETTERS.indexOf(c) + 1, 0) - 1;
}

function letterLabel(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const digit = (n - 1) % LETTERS.length;
    out = LETTERS[digit] + out;
    n = Math.floor((n - 1) / LETTERS.length);
  }
  return out;
}

/** The label of the row `index` rows back from the stage. */
export function rowLabel(rows: { labels: "letters" | "numbers"; start?: string | number }, index: number): string {
  if (rows.labels === "numbers") return String((typeof rows.start === "number" ? rows.start : 1) + index);
  const first = typeof rows.start === "string" ? letterIndex(rows.start) : 0;
  return letterLabel(first + index);
}

const round = (value: number) => Math.round(value * 10) / 10;

export type Seated = Exclude<LayoutSection, { kind: "standing" }>;

/** Offsets of the seats of one row along it, aisles included, numbered as the section says. */
function seatSlots(section: Seated, rowIndex: number) {
  const count = Math.max(1, section.seats.perRow + section.seats.addPerRow * rowIndex);
  const aisles = new Set(section.seats.aislesAfter);
  const slots: { number: string; offset: number }[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const numberIndex = section.seats.direction === "left-to-right" ? i : count - 1 - i;
    slots.push({ number: String(section.seats.start + numberIndex), offset });
    offset += 1 + (aisles.has(i + 1) ? 1 : 0);
  }
  // `offset` is now the row's width in seat spacings; centre rows of different lengths on each other.
  return { slots, width: offset - 1 };
}

function blockPositions(section: Extract<LayoutSection, { kind: "block" }>, rowIndex: number) {
  const { slots, width } = seatSlots(section, rowIndex);
  const first = seatSlots(section, 0).width;
  const angle = (section.rotation * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return slots.map(({ number, offset }) => {
    const t = width === 0 ? 0.5 : offset / width;
    const localX = (offset + (first - width) / 2) * section.seats.spacing;
    // A parabola through both ends of the row: the middle bows back by `curve`.
    const localY = rowIndex * section.rows.spacing + section.curve * (1 - (2 * t - 1) ** 2);
    return {
      number,
      x: section.origin.x + localX * cos - localY * sin,
      y: section.origin.y + localX * sin + localY * cos,
    };
  });
}

function arcPositions(section: Extract<LayoutSection, { kind: "arc" }>, rowIndex: number) {
  const { slots, width } = seatSlots(section, rowIndex);
  const radius = section.radius + rowIndex * section.rows.spacing;
  const start = (section.startAngle * Math.PI) / 180;
  const span = ((section.endAngle - section.startAngle) * Math.PI) / 180;
  return slots.map(({ number, offset }) => {
    const angle = start + ((offset + 0.5) / (width + 1)) * span;
    return { number, x: section.center.x - Math.cos(angle) * radius, y: section.center.y + Math.sin(angle) * radius };
  });
}

/** A seat where its section puts it, before any override (a removed seat is still here). */
export type PlacedSeat = Pick<LayoutSeat, "key" | "sectionId" | "section" | "row" | "number" | "x" | "y">;

/**
 * The seats one block or arc section describes, in row order, without overrides.
 * A section's seats depend on nothing else in the layout, so the builder keeps
 * them per section and recomputes only the section that changed.
 */
export function sectionSeats(section: Seated): PlacedSeat[] {
  const seats: PlacedSeat[] = [];
  for (let r = 0; r < section.rows.count; r++) {
    const row = rowLabel(section.rows, r);
    const positions = section.kind === "block" ? blockPositions(section, r) : arcPositions(section, r);
    for (const { number, x, y } of positions) {
      seats.push({
        key: seatKey(section.label, row, number),
        sectionId: section.id,
        section: section.label,
        row,
        number,
        x: round(x),
        y: round(y),
      });
    }
  }
  return seats;
}

/** Every seat of the layout, overrides applied (removed seats left out), and its standing areas. */
export function expandLayout(layout: Layout): { seats: LayoutSeat[]; standing: StandingArea[] } {
  const seats: LayoutSeat[] = [];
  const standing: StandingArea[] = [];
  // Most layouts have few overrides; a lookup per seat in an empty record is still a third of the work.
  const overrides = Object.keys(layout.seatOverrides).length ? layout.seatOverrides : null;
  for (const section of layout.sections) {
    if (section.kind === "standing") {
      standing.push({ sectionId: section.id, section: section.label, zone: section.zone, capacity: section.capacity });
      continue;
    }
    for (const placed of sectionSeats(section)) {
      const override = overrides?.[placed.key];
      if (override?.removed) continue;
      // Spelled out: V8 copies `{ ...placed, zone }` through a slow path, 50× slower over 20,000 seats.
      seats.push({
        key: placed.key,
        sectionId: placed.sectionId,
        section: placed.section,
        row: placed.row,
        number: placed.number,
        x: placed.x,
        y: placed.y,
        zone: override?.zone ?? section.zone,
        accessibility: override?.accessibility ?? null,
        disabled: override?.disabled ?? false,
      });
    }
  }
  return { seats, standing };
}

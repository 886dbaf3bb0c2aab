// Tier cues and the words used for seats, shared by the map, the legend and the summary.

import { formatMoney } from "@/lib/format";
import type { MapSeat, MapTier, SeatMapSeat, SeatStatus } from "./types";

export type SeatShape = "circle" | "square" | "diamond";

export type TierStyle = {
  tierId: string;
  name: string;
  /** 1-based, shown in the legend so tiers can be told apart in words too. */
  number: number;
  color: string;
  shape: SeatShape;
  /** Outline-only glyphs give a second set of three cues once the shapes run out. */
  hollow: boolean;
  /** The all-in price, for ticket types; price zones in the builder have none. */
  price?: string;
  priceMinor?: number;
};

// Each is at least 4.5:1 against white, so seats pass non-text contrast with room to spare.
const TIER_COLORS = ["#4338ca", "#b45309", "#0f766e", "#be123c", "#0369a1", "#7e22ce"];
const TIER_SHAPES: SeatShape[] = ["circle", "square", "diamond"];

export const UNAVAILABLE_COLOR = "#cbd5e1";
export const SELECTED_COLOR = "#0f172a";
export const FALLBACK_COLOR = "#475569";
/** The fan's own held seats: 5.5:1 against white, and drawn with a ring, not by colour alone. */
export const YOURS_COLOR = "#047857";

/** Colour AND shape per tier, so the map never relies on colour alone. */
export function tierStyles(tiers: readonly MapTier[]): Map<string, TierStyle> {
  return new Map(
    tiers.map((tier, index) => [
      tier.id,
      {
        tierId: tier.id,
        name: tier.name,
        number: index + 1,
        color: TIER_COLORS[index % TIER_COLORS.length]!,
        shape: TIER_SHAPES[index % TIER_SHAPES.length]!,
        hollow: Math.floor(index / TIER_SHAPES.length) % 2 === 1,
        ...(tier.allInPriceMinor !== undefined && tier.currency
          ? { price: formatMoney(tier.allInPriceMinor, tier.currency), priceMinor: tier.allInPriceMinor }
          : {}),
      },
    ]),
  );
}

const STATUS_WORDS: Record<SeatStatus, string> = {
  AVAILABLE: "available",
  HELD: "on hold",
  SOLD: "sold",
  YOURS: "held by you",
};

export function statusWord(status: SeatStatus): string {
  return STATUS_WORDS[status];
}

/** "Section 104, Row C, Seat 7" */
export function seatName(seat: Pick<SeatMapSeat, "section" | "row" | "number">): string {
  return `Section ${seat.section}, Row ${seat.row}, Seat ${seat.number}`;
}

/** "Section 104, Row C, Seat 7, $144.50, available" ("…, selected" once the fan has picked it). */
export function seatLabel(seat: SeatMapSeat, price: string | undefined, selected = false): string {
  const state = selected && seat.status === "AVAILABLE" ? "selected" : statusWord(seat.status);
  return [seatName(seat), price, state].filter(Boolean).join(", ");
}

const ACCESSIBILITY_WORDS = { wheelchair: "wheelchair space", companion: "companion seat" } as const;

/** The builder's words: "Section A, Row C, Seat 7, Floor, wheelchair space, not for sale" */
export function previewSeatLabel(seat: MapSeat, zoneName: string | undefined): string {
  return [
    seatName(seat),
    zoneName,
    seat.accessibility ? ACCESSIBILITY_WORDS[seat.accessibility] : null,
    seat.removed ? "removed" : seat.blocked ? "not for sale" : null,
  ]
    .filter(Boolean)
    .join(", ");
}

/** The organizer's words: "Section A, Row C, Seat 7, Sold" (the state's name as the legend shows it). */
export function occupancySeatLabel(seat: MapSeat, stateName: string | undefined): string {
  return [seatName(seat), stateName].filter(Boolean).join(", ");
}

/** "Seat 7 in Section 104, Row C added, 2 selected", or null when nothing changed. */
export function describeSelectionChange(
  previous: readonly string[],
  next: readonly string[],
  seatsById: { get(id: string): SeatMapSeat | undefined },
): string | null {
  const before = new Set(previous);
  const after = new Set(next);
  const added = next.filter((id) => !before.has(id));
  const removed = previous.filter((id) => !after.has(id));
  if (added.length + removed.length === 0) return null;
  const count = `${next.length} selected`;
  const name = (id: string) => {
    const seat = seatsById.get(id);
    return seat ? `Seat ${seat.number} in Section ${seat.section}, Row ${seat.row}` : "Seat";
  };
  if (added.length === 1 && removed.length === 0) return `${name(added[0]!)} added, ${count}`;
  if (removed.length === 1 && added.length === 0) return `${name(removed[0]!)} removed, ${count}`;
  const parts = [
    added.length ? `${added.length} ${plural(added.length, "seat")} added` : null,
    removed.length ? `${removed.length} ${plural(removed.length, "seat")} removed` : null,
  ];
  return `${parts.filter(Boolean).join(", ")}, ${count}`;
}

export function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

/** Keeps first-appearance order, which follows the venue's own seat order. */
export function groupBySection<S extends SeatMapSeat>(seats: readonly S[]): { name: string; seats: S[] }[] {
  const groups = new Map<string, S[]>();
  for (const seat of seats) {
    const group = groups.get(seat.section);
    if (group) group.push(seat);
    else groups.set(seat.section, [seat]);
  }
  return [...groups].map(([name, sectionSeats]) => ({ name, seats: sectionSeats }));
}

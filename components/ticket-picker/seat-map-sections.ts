// The section overview's data: what a phone shows before any seat is drawn.
// Pure, from the seats the map already has (geometry plus the polled status),
// so choosing a section costs no request.

import { formatMoney } from "@/lib/format";
import { centroid, type Point } from "./seat-map-geometry";
import { groupBySection } from "./seat-map-labels";
import type { SeatMapSeat, TicketTier } from "./types";

export type SectionSummary = {
  name: string;
  /** The tiers of its seats, in the event's tier order. */
  tierIds: string[];
  /** "$89.00", or "$45.00–$89.00" when its seats are priced differently; all-in, as everywhere. */
  price: string;
  available: number;
  /** The outline drawn on the overview map, and where its label goes. */
  outline: Point[];
  center: Point;
};

function cross(o: Point, a: Point, b: Point): number {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

/** The convex hull, counter-clockwise in SVG's y-down coordinates (Andrew's monotone chain). */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (sorted.length < 3) return sorted;
  const half = (list: Point[]) => {
    const hull: Point[] = [];
    for (const p of list) {
      while (hull.length >= 2 && cross(hull[hull.length - 2]!, hull[hull.length - 1]!, p) <= 0) hull.pop();
      hull.push(p);
    }
    hull.pop();
    return hull;
  };
  return [...half(sorted), ...half([...sorted].reverse())];
}

export function priceRange(prices: readonly number[], currency: string): string {
  if (prices.length === 0) return "";
  const low = Math.min(...prices);
  const high = Math.max(...prices);
  return low === high ? formatMoney(low, currency) : `${formatMoney(low, currency)}–${formatMoney(high, currency)}`;
}

/** One summary per section, in the map's own section order. */
export function summarizeSections(seats: readonly SeatMapSeat[], tiers: readonly TicketTier[]): SectionSummary[] {
  const tierOrder = new Map(tiers.map((tier, index) => [tier.id, index]));
  return groupBySection(seats).map(({ name, seats: sectionSeats }) => {
    const tierIds = [...new Set(sectionSeats.map((seat) => seat.ticketTypeId))].sort(
      (a, b) => (tierOrder.get(a) ?? 0) - (tierOrder.get(b) ?? 0),
    );
    const sectionTiers = tiers.filter((tier) => tierIds.includes(tier.id));
    return {
      name,
      tierIds,
      price: priceRange(
        sectionTiers.map((tier) => tier.allInPriceMinor),
        sectionTiers[0]?.currency ?? "USD",
      ),
      available: sectionSeats.reduce((count, seat) => count + (seat.status === "AVAILABLE" ? 1 : 0), 0),
      outline: convexHull(sectionSeats),
      center: centroid(sectionSeats),
    };
  });
}

/** Even-odd ray casting: true when `point` is inside the polygon. */
export function containsPoint(polygon: readonly Point[], point: Point): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (a.y > point.y !== b.y > point.y && point.x < ((b.x - a.x) * (point.y - a.y)) / (b.y - a.y) + a.x) {
      inside = !inside;
    }
  }
  return inside;
}

/**
 * The section with seats left that a tap at `point` chooses: the one it lands in, or else the
 * one whose outline passes within `reach` map units (a fingertip), or null.
 */
export function sectionAt(sections: readonly SectionSummary[], point: Point, reach: number): string | null {
  const open = sections.filter((section) => section.available > 0);
  const inside = open.find((section) => containsPoint(section.outline, point));
  if (inside) return inside.name;
  let best: string | null = null;
  let bestDistance = reach;
  for (const section of open) {
    const distance = distanceToOutline(section.outline, point);
    if (distance <= bestDistance) {
      best = section.name;
      bestDistance = distance;
    }
  }
  return best;
}

function distanceToOutline(polygon: readonly Point[], point: Point): number {
  let best = Infinity;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[j]!;
    const b = polygon[i]!;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const length = dx * dx + dy * dy;
    const t = length ? Math.min(1, Math.max(0, ((point.x - a.x) * dx + (point.y - a.y) * dy) / length)) : 0;
    best = Math.min(best, Math.hypot(a.x + t * dx - point.x, a.y + t * dy - point.y));
  }
  return best;
}

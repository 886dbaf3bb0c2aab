// Pure geometry for touching the seat map: where the zoom buttons zoom, what a
// tap means, and how far to zoom before seats can be tapped at all. Map units
// are the venue's; "px" are CSS pixels of the rendered map.

import { centroid, clamp, clampView, nearestDistance, zoomAt, type Point, type ViewBox } from "./seat-map-geometry";

/** WCAG 2.2 target size (minimum): every seat gets a 24 px circle of its own before it can be tapped. */
export const TAP_TARGET_PX = 24;

export function insideView(point: Point, view: ViewBox): boolean {
  return point.x >= view.x && point.x <= view.x + view.width && point.y >= view.y && point.y <= view.y + view.height;
}

/** The point closest to `target`, or null when there are none. */
export function nearestPoint<T extends Point>(points: readonly T[], target: Point): T | null {
  let best: T | null = null;
  let bestDistance = Infinity;
  for (const p of points) {
    const distance = (p.x - target.x) ** 2 + (p.y - target.y) ** 2;
    if (distance < bestDistance) {
      best = p;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Where the zoom buttons zoom: the seat nearest the centre of the seats in view
 * (or nearest the view's centre when none is). Zooming keeps that seat where it
 * is on screen, so a zoom never lands in the empty middle of a bowl.
 */
export function zoomFocus(view: ViewBox, seats: readonly Point[]): Point {
  const visible = seats.filter((seat) => insideView(seat, view));
  const middle = visible.length ? centroid(visible) : { x: view.x + view.width / 2, y: view.y + view.height / 2 };
  return nearestPoint(visible.length ? visible : seats, middle) ?? middle;
}

export function zoomAroundSeats(
  view: ViewBox,
  factor: number,
  seats: readonly Point[],
  bounds: ViewBox,
  minWidth?: number,
): ViewBox {
  return zoomAt(view, factor, zoomFocus(view, seats), bounds, minWidth);
}

/** The seats' extent with a margin of `pad` map units all round. */
export function boundsOf(points: readonly Point[], pad = 0): ViewBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  if (!Number.isFinite(minX)) return { x: 0, y: 0, width: 0, height: 0 };
  return { x: minX - pad, y: minY - pad, width: maxX - minX + 2 * pad, height: maxY - minY + 2 * pad };
}

/** Grows `box` about its centre to the aspect ratio (width / height) given; never shrinks it. */
export function withAspect(box: ViewBox, aspect: number): ViewBox {
  const width = Math.max(box.width, box.height * aspect);
  const height = width / aspect;
  return { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height };
}

/** The view (in the venue's aspect, inside the venue) that shows all of `box`. */
export function viewShowing(box: ViewBox, bounds: ViewBox, minWidth?: number): ViewBox {
  return clampView(withAspect(box, bounds.width / bounds.height), bounds, minWidth);
}

/**
 * The smallest distance between two seats (Infinity for fewer than two): what
 * must reach TAP_TARGET_PX on screen. A sweep along x, so a 20,000-seat layout
 * costs milliseconds rather than the 200 million pairs of comparing them all.
 */
export function smallestPitch(seats: readonly Point[]): number {
  const sorted = [...seats].sort((a, b) => a.x - b.x);
  let best = Infinity;
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      if (b.x - a.x >= best) break;
      const distance = Math.hypot(b.x - a.x, b.y - a.y);
      // Two seats on one spot are a layout error the builder reports; they aren't a pitch.
      if (distance > 0 && distance < best) best = distance;
    }
  }
  return best;
}

/** A section drawn on its own: its seats with a margin, in a portrait frame that suits a phone. */
export function sectionFrame(seats: readonly Point[], aspect = 3 / 4): ViewBox {
  const extent = boundsOf(seats);
  return withAspect(boundsOf(seats, Math.max(8, Math.max(extent.width, extent.height) * 0.04)), aspect);
}

/** The widest view (in map units) at which seats `pitch` apart are TAP_TARGET_PX apart on a map `screenWidth` px wide. */
export function tappableWidth(pitch: number, screenWidth: number): number {
  return (screenWidth * pitch) / TAP_TARGET_PX;
}

export type Tap<S> = { kind: "seat"; seat: S } | { kind: "zoom"; view: ViewBox } | { kind: "none" };

/**
 * What a tap at `point` means. A seat is hit when it is the nearest seat and
 * within half its pitch (so neighbours' targets never overlap), and only once
 * that pitch is at least TAP_TARGET_PX on screen. Short of that, a tap on or
 * near a section zooms to the section, and a tap on a section already in full
 * view zooms on until its seats can be tapped. Taps far from every seat do nothing.
 */
export function resolveTap<S extends Point & { section: string }>(options: {
  point: Point;
  sectionOf: (seat: S) => readonly S[];
  seats: readonly S[];
  view: ViewBox;
  bounds: ViewBox;
  screenWidth: number;
  minWidth?: number;
}): Tap<S> {
  const { point, seats, view, bounds, screenWidth, minWidth } = options;
  const seat = nearestPoint(seats, point);
  if (!seat || screenWidth <= 0) return { kind: "none" };
  const scale = screenWidth / view.width;
  const neighbours = options.sectionOf(seat);
  const pitch = nearestDistance(seat, neighbours);
  const distance = Math.hypot(seat.x - point.x, seat.y - point.y);
  // A seat alone in its section gets a full target of its own.
  const reach = Number.isFinite(pitch) ? pitch / 2 : TAP_TARGET_PX / 2 / scale;
  const hit: Tap<S> = distance <= reach ? { kind: "seat", seat } : { kind: "none" };
  if (!Number.isFinite(pitch) || pitch * scale >= TAP_TARGET_PX) return hit;
  // "Near" a section: within a fingertip (two targets) of one of its seats.
  if (distance * scale > 2 * TAP_TARGET_PX) return { kind: "none" };
  const whole = viewShowing(boundsOf(neighbours, pitch), bounds, minWidth);
  if (whole.width < view.width * 0.95) return { kind: "zoom", view: whole };
  const width = clamp(tappableWidth(pitch, screenWidth), minWidth ?? 0, view.width);
  const closer = zoomAt(view, view.width / width, seat, bounds, minWidth);
  // Already as close as the map goes: the seat is as large as it gets, so the tap takes it.
  return closer.width < view.width * 0.999 ? { kind: "zoom", view: closer } : hit;
}

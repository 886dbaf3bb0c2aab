// Pure geometry for the seat map: all zooming and panning is done by changing
// the SVG viewBox, so these helpers only ever produce new ViewBox values.
// Map units are the venue's own coordinates; y grows downwards, as in SVG.

export type Point = { x: number; y: number };
export type ViewBox = { x: number; y: number; width: number; height: number };
export type Direction = "up" | "down" | "left" | "right";
export type ClientRect = { left: number; top: number; width: number; height: number };

/** The closest the map zooms in, in map units across; about a dozen seats on the demo arena. */
export const MIN_VIEW_WIDTH = 60;

export function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

export function viewBoxAttribute(view: ViewBox): string {
  return `${view.x} ${view.y} ${view.width} ${view.height}`;
}

export function sameViewBox(a: ViewBox, b: ViewBox): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

export type MapLayout = { bounds: ViewBox; stage: ViewBox };

type Extent = { minX: number; minY: number; maxX: number; maxY: number };

function extentOf(points: readonly Point[]): Extent {
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
  return { minX, minY, maxX, maxY };
}

const cornersOf = (boxes: readonly ViewBox[]): Point[] =>
  boxes.flatMap((b) => [
    { x: b.x, y: b.y },
    { x: b.x + b.width, y: b.y + b.height },
  ]);

/**
 * The whole venue with a stage band above the seats and a margin all round.
 * The builder's preview may pass the layout's own stage (used instead of the
 * band) and its standing areas; the bounds then take them in too.
 */
export function mapLayout(
  seats: readonly Point[],
  fixed: { stage?: ViewBox | undefined; areas?: readonly ViewBox[] | undefined } = {},
): MapLayout {
  const points = fixed.stage || fixed.areas?.length ? [...seats, ...cornersOf(fixed.areas ?? [])] : seats;
  if (points.length === 0 && !fixed.stage) {
    return { bounds: { x: 0, y: 0, width: 1000, height: 800 }, stage: { x: 350, y: 20, width: 300, height: 40 } };
  }
  const { minX, minY, maxX, maxY } = extentOf(fixed.stage ? [...points, ...cornersOf([fixed.stage])] : points);
  const width = Math.max(maxX - minX, 100);
  const height = Math.max(maxY - minY, 100);
  const pad = Math.max(20, width * 0.03);
  const centerX = (minX + maxX) / 2;
  if (fixed.stage) {
    const centerY = (minY + maxY) / 2;
    return {
      bounds: {
        x: centerX - width / 2 - pad,
        y: centerY - height / 2 - pad,
        width: width + 2 * pad,
        height: height + 2 * pad,
      },
      stage: fixed.stage,
    };
  }
  const stageHeight = Math.max(24, height * 0.05);
  const stage = { x: centerX - width * 0.15, y: minY - pad - stageHeight, width: width * 0.3, height: stageHeight };
  const top = stage.y - pad;
  return {
    bounds: { x: centerX - width / 2 - pad, y: top, width: width + 2 * pad, height: maxY + pad - top },
    stage,
  };
}

/** Keeps the view inside the venue, between full view and MIN_VIEW_WIDTH, with the venue's aspect ratio. */
export function clampView(view: ViewBox, bounds: ViewBox, minWidth = MIN_VIEW_WIDTH): ViewBox {
  const width = clamp(view.width, Math.min(minWidth, bounds.width), bounds.width);
  const height = width * (bounds.height / bounds.width);
  return {
    x: clamp(view.x, bounds.x, bounds.x + bounds.width - width),
    y: clamp(view.y, bounds.y, bounds.y + bounds.height - height),
    width,
    height,
  };
}

/** Zooms by `factor` (>1 zooms in) keeping `focus` at the same place on screen, as far as clamping allows. */
export function zoomAt(view: ViewBox, factor: number, focus: Point, bounds: ViewBox, minWidth = MIN_VIEW_WIDTH) {
  const width = clamp(view.width / factor, Math.min(minWidth, bounds.width), bounds.width);
  const scale = width / view.width;
  return clampView(
    {
      x: focus.x - (focus.x - view.x) * scale,
      y: focus.y - (focus.y - view.y) * scale,
      width,
      height: view.height * scale,
    },
    bounds,
    minWidth,
  );
}

export function centroid(points: readonly Point[]): Point {
  let x = 0;
  let y = 0;
  for (const p of points) {
    x += p.x;
    y += p.y;
  }
  return points.length ? { x: x / points.length, y: y / points.length } : { x: 0, y: 0 };
}

export function viewCenter(view: ViewBox): Point {
  return { x: view.x + view.width / 2, y: view.y + view.height / 2 };
}

export function panBy(view: ViewBox, dx: number, dy: number, bounds: ViewBox, minWidth = MIN_VIEW_WIDTH): ViewBox {
  return clampView({ ...view, x: view.x + dx, y: view.y + dy }, bounds, minWidth);
}

/** Leaves the view alone when the point is comfortably inside it, otherwise centres on the point. */
export function revealPoint(
  view: ViewBox,
  point: Point,
  margin: number,
  bounds: ViewBox,
  minWidth = MIN_VIEW_WIDTH,
): ViewBox {
  const inside =
    point.x >= view.x + margin &&
    point.x <= view.x + view.width - margin &&
    point.y >= view.y + margin &&
    point.y <= view.y + view.height - margin;
  if (inside) return view;
  return clampView({ ...view, x: point.x - view.width / 2, y: point.y - view.height / 2 }, bounds, minWidth);
}

/** Converts a pointer position to map units; the SVG keeps the viewBox's aspect ratio, so this is linear. */
export function clientToMap(client: Point, rect: ClientRect, view: ViewBox): Point {
  return {
    x: view.x + ((client.x - rect.left) / rect.width) * view.width,
    y: view.y + ((client.y - rect.top) / rect.height) * view.height,
  };
}

export function zoomLevel(view: ViewBox, bounds: ViewBox): number {
  return bounds.width / view.width;
}

/**
 * The closest item whose direction from `from` lies within ±45° of the arrow.
 * Ties go to the item most nearly straight ahead, so rows and columns feel natural.
 */
export function nearestInDirection<T extends Point & { id: string }>(
  items: readonly T[],
  from: Point & { id: string },
  direction: Direction,
): T | null {
  let best: T | null = null;
  let bestDistance = Infinity;
  let bestAcross = Infinity;
  for (const item of items) {
    if (item.id === from.id) continue;
    const dx = item.x - from.x;
    const dy = item.y - from.y;
    const along = direction === "right" ? dx : direction === "left" ? -dx : direction === "down" ? dy : -dy;
    const across = Math.abs(direction === "right" || direction === "left" ? dy : dx);
    if (along <= 0 || across > along) continue;
    const distance = Math.hypot(dx, dy);
    if (distance < bestDistance - 1e-9 || (Math.abs(distance - bestDistance) <= 1e-9 && across < bestAcross)) {
      best = item;
      bestDistance = distance;
      bestAcross = across;
    }
  }
  return best;
}

/** Distance from `point` to the nearest other point (Infinity when alone). */
export function nearestDistance(point: Point, points: readonly Point[]): number {
  let best = Infinity;
  for (const other of points) {
    if (other === point) continue;
    const distance = Math.hypot(other.x - point.x, other.y - point.y);
    if (distance > 0 && distance < best) best = distance;
  }
  return best;
}

/** Seats are drawn just under half their spacing, so neighbours never touch however dense the section. */
export function seatRadius(spacing: number): number {
  return Number.isFinite(spacing) ? clamp(spacing * 0.42, 1, 4) : 4;
}

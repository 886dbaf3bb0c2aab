// Seats on top of each other, found section by section. Each section is
// checked against itself, and against another section only where their
// bounding boxes meet, so a layout of well-separated sections costs little
// more than the bounding boxes. With a cache (the builder's), the checks of
// sections that did not change are reused: an edit re-checks one section.

export type PlacedPoint = { x: number; y: number };
type Box = { minX: number; minY: number; maxX: number; maxY: number };
type Group<S> = readonly S[];

export type OverlapCache = {
  boxes: WeakMap<Group<PlacedPoint>, Box>;
  self: WeakMap<Group<PlacedPoint>, [PlacedPoint, PlacedPoint][]>;
  cross: WeakMap<Group<PlacedPoint>, WeakMap<Group<PlacedPoint>, [PlacedPoint, PlacedPoint][]>>;
};

export function createOverlapCache(): OverlapCache {
  return { boxes: new WeakMap(), self: new WeakMap(), cross: new WeakMap() };
}

function boxOf(seats: Group<PlacedPoint>): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const seat of seats) {
    if (seat.x < minX) minX = seat.x;
    if (seat.y < minY) minY = seat.y;
    if (seat.x > maxX) maxX = seat.x;
    if (seat.y > maxY) maxY = seat.y;
  }
  return { minX, minY, maxX, maxY };
}

const near = (a: Box, b: Box, d: number) =>
  a.minX - d < b.maxX && b.minX - d < a.maxX && a.minY - d < b.maxY && b.minY - d < a.maxY;
const inside = (p: PlacedPoint, b: Box, d: number) =>
  p.x > b.minX - d && p.x < b.maxX + d && p.y > b.minY - d && p.y < b.maxY + d;

/**
 * Pairs (earlier, later) closer than `distance`: each later seat is looked up
 * in a grid of `earlier` (or of the seats before it, for a section against
 * itself). Cells are keyed by a number, not a "cx:cy" string: building strings
 * was most of the cost. Absurd coordinates may share a key; every candidate
 * pair is measured anyway.
 */
function closePairs<S extends PlacedPoint>(
  earlier: readonly S[] | null,
  later: readonly S[],
  distance: number,
  limit: number,
): [S, S][] {
  const cell = (v: number) => Math.floor(v / distance);
  let minX = Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const seat of [...(earlier ?? []), ...later]) {
    minX = Math.min(minX, cell(seat.x));
    minY = Math.min(minY, cell(seat.y));
    maxY = Math.max(maxY, cell(seat.y));
  }
  const stride = maxY - minY + 3; // a spare cell on each side for the neighbours looked up
  const cellKey = (cx: number, cy: number) => (cx - minX + 1) * stride + (cy - minY + 1);
  const grid = new Map<number, S[]>();
  const add = (seat: S) => {
    const key = cellKey(cell(seat.x), cell(seat.y));
    const bucket = grid.get(key);
    if (bucket) bucket.push(seat);
    else grid.set(key, [seat]);
  };
  if (earlier) for (const seat of earlier) add(seat);
  const pairs: [S, S][] = [];
  for (const seat of later) {
    const cx = cell(seat.x);
    const cy = cell(seat.y);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const bucket = grid.get(cellKey(cx + dx, cy + dy));
        if (!bucket) continue;
        for (const other of bucket) {
          if (Math.hypot(seat.x - other.x, seat.y - other.y) < distance) pairs.push([other, seat]);
          if (pairs.length >= limit) return pairs;
        }
      }
    }
    if (!earlier) add(seat);
  }
  return pairs;
}

function cached<K extends object, V>(map: WeakMap<K, V> | undefined, key: K, compute: () => V): V {
  const hit = map?.get(key);
  if (hit !== undefined) return hit;
  const value = compute();
  map?.set(key, value);
  return value;
}

/**
 * Up to `limit` pairs of seats closer than `distance`, given the seats of each
 * section in layout order: first within each section, then across sections.
 */
export function overlappingSeats<S extends PlacedPoint>(
  groups: readonly Group<S>[],
  options: { distance: number; limit: number; cache?: OverlapCache },
): [S, S][] {
  const { distance, limit, cache } = options;
  const nonEmpty = groups.filter((g) => g.length > 0);
  const boxes = nonEmpty.map((g) => cached(cache?.boxes, g, () => boxOf(g)));
  const pairs: [S, S][] = [];
  for (let j = 0; j < nonEmpty.length && pairs.length < limit; j++) {
    const later = nonEmpty[j]!;
    pairs.push(...(cached(cache?.self, later, () => closePairs(null, later, distance, limit)) as [S, S][]));
    for (let i = 0; i < j && pairs.length < limit; i++) {
      if (!near(boxes[i]!, boxes[j]!, distance)) continue;
      const earlier = nonEmpty[i]!;
      let row = cache?.cross.get(earlier);
      if (cache && !row) cache.cross.set(earlier, (row = new WeakMap()));
      const found = cached(row, later, () =>
        closePairs(
          earlier.filter((s) => inside(s, boxes[j]!, distance)),
          later.filter((s) => inside(s, boxes[i]!, distance)),
          distance,
          limit,
        ),
      );
      pairs.push(...(found as [S, S][]));
    }
  }
  return pairs.slice(0, limit);
}

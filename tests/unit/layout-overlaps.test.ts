import { describe, expect, it } from "vitest";
import { createOverlapCache, overlappingSeats } from "@/lib/events/layout/overlaps";

type Seat = { key: string; x: number; y: number };

/** A rows × columns grid of seats `spacing` apart from (x, y). */
function grid(name: string, x: number, y: number, rows: number, columns: number, spacing = 10): Seat[] {
  return Array.from({ length: rows * columns }, (_, i) => ({
    key: `${name}/${Math.floor(i / columns)}/${i % columns}`,
    x: x + (i % columns) * spacing,
    y: y + Math.floor(i / columns) * spacing,
  }));
}

const options = { distance: 3, limit: 20 };
const keys = (pairs: [Seat, Seat][]) => pairs.map(([a, b]) => `${a.key}~${b.key}`);

describe("overlapping seats", () => {
  it("finds seats on top of each other within a section and across sections, earlier seat first", () => {
    const a = grid("A", 0, 0, 2, 3);
    const b = grid("B", 20, 10, 2, 2); // B/0/0 sits on A/1/2
    const squeezed = [
      { key: "C/0/0", x: 500, y: 500 },
      { key: "C/0/1", x: 501, y: 502 },
    ];
    expect(keys(overlappingSeats([a, b, squeezed], options))).toEqual(["A/1/2~B/0/0", "C/0/0~C/0/1"]);
  });

  it("finds nothing for sections whose seats come close but stay apart, even with overlapping boxes", () => {
    const a = grid("A", 0, 0, 5, 5);
    const b = grid("B", 5, 5, 5, 5); // interleaved: every B seat is 7.07 from its nearest A seat
    expect(overlappingSeats([a, b], options)).toEqual([]);
    const c = grid("C", 43.5, 0, 5, 5); // 3.5 to the right of A's last column: close, not overlapping
    expect(overlappingSeats([a, c], options)).toEqual([]);
  });

  it("stops at the limit", () => {
    const a = grid("A", 0, 0, 10, 10);
    expect(overlappingSeats([a, grid("B", 0, 0, 10, 10)], { distance: 3, limit: 20 })).toHaveLength(20);
  });

  it("reuses the checks of unchanged sections from the cache and gives the same answer", () => {
    const cache = createOverlapCache();
    const a = grid("A", 0, 0, 20, 20);
    const b = grid("B", 190, 0, 20, 20); // B's first column on A's last
    const first = overlappingSeats([a, b], { ...options, cache });
    expect(cache.self.get(a)).toEqual([]);
    expect(cache.cross.get(a)?.get(b)).toEqual(first);

    const moved = grid("B", 300, 0, 20, 20);
    expect(overlappingSeats([a, moved], { ...options, cache })).toEqual([]);
    expect(cache.cross.get(a)?.get(moved)).toBeUndefined(); // boxes apart: not even looked at
    expect(first).toHaveLength(20);
    expect(overlappingSeats([a, b], { ...options, cache })).toEqual(overlappingSeats([a, b], options));
  });
});

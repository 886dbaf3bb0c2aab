import { describe, expect, it } from "vitest";
import { expandLayout, rowLabel } from "@/lib/events/layout/expand";
import { LAYOUT_FORMAT, layoutInput, type LayoutInput } from "@/lib/events/layout/format";
import { validateLayout } from "@/lib/events/layout/validate";
import { arenaLayout } from "@/prisma/demo/arena-layout";

const block = (id: string, label: string, origin = { x: 0, y: 0 }, extra: object = {}) => ({
  id,
  label,
  zone: "A",
  kind: "block" as const,
  origin,
  rows: { count: 3 },
  seats: { perRow: 4 },
  ...extra,
});

const layout = (sections: object[], extra: Partial<LayoutInput> = {}): LayoutInput =>
  ({
    format: LAYOUT_FORMAT,
    name: "Test hall",
    zones: [{ key: "A", name: "Stalls" }],
    sections,
    ...extra,
  }) as LayoutInput;

const issuesOf = (input: unknown) => {
  const check = validateLayout(input);
  return check.ok ? [] : check.issues.map((i) => i.message);
};

describe("seat-map layouts", () => {
  it("describes the demo arena: 4 floor blocks and 20 bowl sections, 5,660 seats", () => {
    const check = validateLayout(arenaLayout());
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.seats).toHaveLength(5_660);
    const inZone = (zone: string) => check.seats.filter((s) => s.zone === zone).length;
    expect([inZone("floor"), inZone("lower"), inZone("upper")]).toEqual([800, 2_700, 2_160]);
    expect(new Set(check.seats.map((s) => s.section)).size).toBe(24);
    const firstFloorSeat = check.seats.find((s) => s.key === "FL1/1/1");
    expect(firstFloorSeat).toMatchObject({ x: 200, y: 150 });
  });

  it("labels rows with letters that skip I and O, or with numbers from where they start", () => {
    const letters = Array.from({ length: 26 }, (_, i) => rowLabel({ labels: "letters" }, i));
    expect(letters.slice(0, 10).join("")).toBe("ABCDEFGHJK");
    expect(letters).not.toContain("I");
    expect(letters).not.toContain("O");
    expect(letters.slice(24)).toEqual(["AA", "AB"]);
    expect(rowLabel({ labels: "letters", start: "C" }, 1)).toBe("D");
    expect(rowLabel({ labels: "numbers", start: 5 }, 2)).toBe("7");
  });

  it("numbers seats either way, opens aisles, widens rows, turns and bows blocks", () => {
    const { seats } = expandLayout(
      layoutInput.parse(
        layout([
          block(
            "s1",
            "L",
            { x: 0, y: 0 },
            { seats: { perRow: 4, direction: "right-to-left", aislesAfter: [2], addPerRow: 1 } },
          ),
        ]),
      ),
    );
    const rowA = seats.filter((s) => s.row === "A");
    expect(rowA.map((s) => s.number)).toEqual(["4", "3", "2", "1"]);
    expect(rowA.map((s) => s.x)).toEqual([0, 10, 30, 40]); // an aisle one seat wide after the second seat
    expect(seats.filter((s) => s.row === "B")).toHaveLength(5);

    const turned = expandLayout(layoutInput.parse(layout([block("s1", "T", { x: 0, y: 0 }, { rotation: 90 })]))).seats;
    expect(turned.find((s) => s.key === "T/A/4")).toMatchObject({ x: 0, y: 30 });
    const bowed = expandLayout(
      layoutInput.parse(layout([block("s1", "B", { x: 0, y: 0 }, { curve: 8, seats: { perRow: 5 } })])),
    ).seats;
    const row = bowed.filter((s) => s.row === "A");
    expect(row[0]!.y).toBe(0);
    expect(row[2]!.y).toBe(8);
    expect(row[4]!.y).toBe(0);
  });

  it("applies overrides: removed seats vanish, others are disabled, accessible or re-zoned", () => {
    const check = validateLayout(
      layout([block("s1", "S")], {
        zones: [
          { key: "A", name: "Stalls" },
          { key: "B", name: "Premium" },
        ],
        seatOverrides: {
          "S/A/1": { removed: true },
          "S/A/2": { accessibility: "wheelchair" },
          "S/A/3": { accessibility: "companion", zone: "B" },
          "S/B/1": { disabled: true },
        },
      }),
    );
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.seats).toHaveLength(11);
    expect(check.seats.find((s) => s.key === "S/A/1")).toBeUndefined();
    expect(check.seats.find((s) => s.key === "S/A/2")).toMatchObject({ accessibility: "wheelchair", zone: "A" });
    expect(check.seats.find((s) => s.key === "S/A/3")).toMatchObject({ accessibility: "companion", zone: "B" });
    expect(check.seats.find((s) => s.key === "S/B/1")).toMatchObject({ disabled: true });
  });

  it("explains what is wrong: overlapping seats, repeated labels, unknown zones and seats, empty sections", () => {
    expect(issuesOf(layout([block("s1", "X"), block("s2", "Y")]))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Seats X\/A\/1 and Y\/A\/1 overlap/)]),
    );
    expect(issuesOf(layout([block("s1", "X"), block("s2", "X", { x: 0, y: 500 })]))).toEqual(
      expect.arrayContaining([expect.stringMatching(/Two sections are labelled "X"/)]),
    );
    expect(issuesOf(layout([{ ...block("s1", "X"), zone: "Z" }]))).toEqual([
      expect.stringMatching(/uses zone "Z", which is not declared/),
    ]);
    expect(issuesOf(layout([block("s1", "X")], { seatOverrides: { "X/Q/1": { disabled: true } } }))).toEqual([
      "There is no seat X/Q/1.",
    ]);
    const removeAll = Object.fromEntries(
      ["A", "B", "C"].flatMap((row) => [1, 2, 3, 4].map((n) => [`X/${row}/${n}`, { removed: true as const }])),
    );
    expect(issuesOf(layout([block("s1", "X")], { seatOverrides: removeAll }))).toEqual([
      "Section X has no seats left.",
    ]);
    expect(issuesOf({ format: "something/2", sections: [] })[0]).toBeDefined();
  });

  it("expands and checks a 20,000-seat layout", () => {
    const sections = Array.from({ length: 100 }, (_, i) =>
      block(
        `s${i}`,
        `${i + 1}`,
        { x: (i % 10) * 420, y: Math.floor(i / 10) * 300 },
        {
          rows: { count: 20 },
          seats: { perRow: 10, spacing: 10 },
        },
      ),
    );
    const check = validateLayout(layout(sections));
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.seats).toHaveLength(20_000);
  });
});

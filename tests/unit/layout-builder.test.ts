import { describe, expect, it } from "vitest";
import {
  builderReducer,
  historyReducer,
  newSection,
  sectionLabelOfKey,
  setIn,
  starterLayout,
  zoneKeyFor,
  type BuilderAction,
} from "@/components/layout-builder/builder-state";
import { readLayoutJson } from "@/components/layout-builder/import-export-panel";
import { sectionIndexOf } from "@/components/layout-builder/issues-panel";
import { buildPreview, createPreviewCache } from "@/components/layout-builder/preview-model";
import { layoutInput, type Layout, type LayoutSection } from "@/lib/events/layout/format";
import { validateLayout } from "@/lib/events/layout/validate";
import { arenaLayout } from "@/prisma/demo/arena-layout";
import { twentyThousandSeatLayout } from "../support/big-layout";

const twentyThousandSeats = () => layoutInput.parse(twentyThousandSeatLayout());

const apply = (layout: Layout, ...actions: BuilderAction[]) => actions.reduce(builderReducer, layout);

/** A starter layout with a block and an arc added the way the builder adds them. */
function blockAndArc(): Layout {
  let layout = starterLayout("Test hall");
  for (const kind of ["block", "arc"] as const) {
    const bottoms = buildPreview(layout, createPreviewCache()).bottoms;
    layout = apply(layout, { type: "addSection", section: newSection(kind, layout, bottoms) });
  }
  return layout;
}

describe("layout builder edits", () => {
  it("adds sections that are valid as added: below what is there, with unique ids and labels", () => {
    let layout = blockAndArc();
    const bottoms = buildPreview(layout, createPreviewCache()).bottoms;
    layout = apply(layout, { type: "addSection", section: newSection("standing", layout, bottoms) });
    expect(layout.sections.map((s) => [s.id, s.label, s.kind])).toEqual([
      ["s1", "A", "block"],
      ["s2", "B", "arc"],
      ["s3", "Floor", "standing"],
    ]);
    expect(validateLayout(layout)).toMatchObject({ ok: true });
    expect(buildPreview(layout, createPreviewCache())).toMatchObject({ issues: [], seatCount: 128 + 160 });
  });

  it("marks seats, drops needless overrides, and moves marks with a renamed section", () => {
    let layout = apply(blockAndArc(), { type: "addZone", name: "Premium" });
    expect(layout.zones.map((z) => z.key)).toEqual(["standard", "premium"]);
    layout = apply(
      layout,
      { type: "markSeats", keys: ["A/A/1", "A/A/2"], mark: { kind: "zone", zone: "premium" } },
      { type: "markSeats", keys: ["A/A/2"], mark: { kind: "accessibility", value: "wheelchair" } },
      { type: "markSeats", keys: ["A/A/3"], mark: { kind: "zone", zone: "standard" } },
    );
    expect(layout.seatOverrides).toEqual({
      "A/A/1": { zone: "premium" },
      "A/A/2": { zone: "premium", accessibility: "wheelchair" },
    });
    const block = layout.sections[0]!;
    layout = apply(layout, { type: "updateSection", id: block.id, section: { ...block, label: "Stalls" } });
    expect(Object.keys(layout.seatOverrides)).toEqual(["Stalls/A/1", "Stalls/A/2"]);
    layout = apply(layout, { type: "markSeats", keys: ["Stalls/A/1"], mark: { kind: "clear" } });
    expect(Object.keys(layout.seatOverrides)).toEqual(["Stalls/A/2"]);
    // A zone in use stays; deleting the section takes its marks along.
    expect(apply(layout, { type: "removeZone", key: "premium" }).zones).toHaveLength(2);
    layout = apply(layout, { type: "removeSection", id: block.id });
    expect(layout.seatOverrides).toEqual({});
    expect(apply(layout, { type: "removeZone", key: "premium" }).zones.map((z) => z.key)).toEqual(["standard"]);
  });

  it("undoes edits one at a time", () => {
    const start = { past: [], present: starterLayout("Hall") };
    const renamed = historyReducer(historyReducer(start, { type: "rename", name: "One" }), {
      type: "rename",
      name: "Two",
    });
    expect(renamed.present.name).toBe("Two");
    expect(historyReducer(renamed, { type: "undo" }).present.name).toBe("One");
    expect(historyReducer(historyReducer(renamed, { type: "undo" }), { type: "undo" }).present).toBe(start.present);
  });

  it("sets nested fields immutably, and leaves out optional ones set to undefined", () => {
    const section = blockAndArc().sections[0] as Extract<LayoutSection, { kind: "block" }>;
    const started = setIn(section, ["rows", "start"], "C");
    expect(started.rows).toMatchObject({ count: 8, start: "C" });
    expect(section.rows).not.toHaveProperty("start");
    expect(started.seats).toBe(section.seats);
    expect(setIn(started, ["rows", "start"], undefined).rows).not.toHaveProperty("start");
  });

  it("derives keys and paths", () => {
    expect(sectionLabelOfKey("Upper/104/C/7")).toBe("Upper/104");
    expect(zoneKeyFor("Upper Bowl", starterLayout("x"))).toBe("upper-bowl");
    expect(zoneKeyFor("Standard", starterLayout("x"))).toBe("standard2");
    expect(sectionIndexOf("sections.12.rows.count")).toBe(12);
    expect(sectionIndexOf("seatOverrides.A/A/1")).toBeNull();
  });

  it("imports JSON whose shape parses, and explains what it refuses", () => {
    const ok = readLayoutJson(JSON.stringify(arenaLayout()));
    expect(ok.ok && ok.layout.sections).toHaveLength(24);
    expect(readLayoutJson("{ nope")).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^This is not JSON/)],
    });
    const wrong = readLayoutJson(JSON.stringify({ ...arenaLayout(), format: "other/1" }));
    expect(wrong).toMatchObject({ ok: false, problems: [expect.stringMatching(/^format: /)] });
  });
});

describe("layout builder preview", () => {
  it("shows removed seats as outlines but counts and checks only the others", () => {
    const layout = apply(
      blockAndArc(),
      { type: "markSeats", keys: ["A/A/1"], mark: { kind: "removed", value: true } },
      { type: "markSeats", keys: ["A/A/2"], mark: { kind: "disabled", value: true } },
    );
    const preview = buildPreview(layout, createPreviewCache());
    expect(preview.seats).toHaveLength(288);
    expect(preview.seatCount).toBe(287);
    expect(preview.seats.find((s) => s.key === "A/A/1")).toMatchObject({ removed: true, id: "s1/A/1" });
    expect(preview.seats.find((s) => s.key === "A/A/2")).toMatchObject({ blocked: true, removed: false });
  });

  it("reports overlapping sections against the later section, and orphaned marks", () => {
    let layout = blockAndArc();
    const arc = layout.sections[1] as Extract<LayoutSection, { kind: "arc" }>;
    layout = apply(
      layout,
      { type: "updateSection", id: arc.id, section: { ...arc, radius: 120, center: { ...arc.center, y: 0 } } },
      { type: "markSeats", keys: ["A/H/16"], mark: { kind: "accessibility", value: "companion" } },
    );
    const block = layout.sections[0] as Extract<LayoutSection, { kind: "block" }>;
    layout = apply(layout, {
      type: "updateSection",
      id: block.id,
      section: { ...block, rows: { ...block.rows, count: 4 } },
    });
    const preview = buildPreview(layout, createPreviewCache());
    expect(preview.issues.some((i) => i.path === "sections.1" && /overlap/.test(i.message))).toBe(true);
    expect(preview.orphanKeys).toEqual(["A/H/16"]);
    expect(preview.issues).toContainEqual({ path: "seatOverrides.A/H/16", message: "There is no seat A/H/16." });
  });

  it("reuses every untouched section's seat objects, so the map redraws only the edited one", () => {
    const cache = createPreviewCache();
    const layout = twentyThousandSeats();
    const before = buildPreview(layout, cache);
    expect(before.seats).toHaveLength(20_000);
    expect(before.issues).toEqual([]);

    const target = layout.sections[42] as Extract<LayoutSection, { kind: "block" }>;
    const edited = apply(layout, {
      type: "updateSection",
      id: target.id,
      section: { ...target, seats: { ...target.seats, perRow: 11 } },
    });
    const after = buildPreview(edited, cache);
    expect(after.seats).toHaveLength(20_020);
    const changed = after.seats.filter((seat, i) => seat !== before.seats[i] && seat.sectionId !== "s42");
    // Seats after the edited section moved in the array, but each is the same object as before.
    const beforeById = new Map(before.seats.map((s) => [s.id, s]));
    expect(changed.every((seat) => beforeById.get(seat.id) === seat)).toBe(true);
    expect(after.seats.filter((s) => s.sectionId === "s42").every((s) => beforeById.get(s.id) !== s)).toBe(true);
  });

  it("draws a section with an invalid field as nothing and reports the field", () => {
    const layout = blockAndArc();
    const block = layout.sections[0] as Extract<LayoutSection, { kind: "block" }>;
    const broken = apply(layout, {
      type: "updateSection",
      id: block.id,
      section: { ...block, rows: { ...block.rows, count: 0 } },
    });
    const preview = buildPreview(broken, createPreviewCache());
    expect(preview.seats.every((s) => s.sectionId !== block.id)).toBe(true);
    expect(preview.issues.map((i) => i.path)).toEqual(["sections.0.rows.count"]);
  });
});

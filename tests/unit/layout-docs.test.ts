import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateLayout } from "@/lib/events/layout/validate";

// The example in docs/api.md is the one a reader copies first: it must stay valid.
describe("the layout example in docs/api.md", () => {
  it("validates and describes the seats it says it does", () => {
    const docs = readFileSync(path.resolve(import.meta.dirname, "../../docs/api.md"), "utf8");
    const section = docs.slice(docs.indexOf("### The layout format"));
    const json = /```json\n([\s\S]*?)```/.exec(section)?.[1];
    expect(json).toBeDefined();
    const check = validateLayout(JSON.parse(json!));
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.seats).toHaveLength(12 - 1 + 12);
    expect(check.seats.find((s) => s.key === "A/A/1")?.accessibility).toBe("wheelchair");
    expect(check.seats.filter((s) => s.section === "B" && s.row === "1").map((s) => s.number)).toEqual([
      "6",
      "5",
      "4",
      "3",
      "2",
      "1",
    ]);
    expect(check.standing).toEqual([{ sectionId: "g1", section: "Pit", zone: "stalls", capacity: 150 }]);
  });
});

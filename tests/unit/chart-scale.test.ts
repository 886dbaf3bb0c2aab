import { describe, expect, it } from "vitest";
import { axisTicks, labelledIndexes, niceStep } from "@/components/reports/chart-scale";

describe("report chart axes", () => {
  it("steps by 1, 2 or 5 times a power of ten", () => {
    expect(niceStep(130)).toBe(50);
    expect(niceStep(9)).toBe(5);
    expect(niceStep(3)).toBe(1);
    expect(niceStep(0)).toBe(1);
    expect(niceStep(27_700)).toBe(10_000);
  });

  it("ticks from zero to just above the largest value", () => {
    expect(axisTicks(130)).toEqual([0, 50, 100, 150]);
    expect(axisTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(axisTicks(0)).toEqual([0, 1]);
    expect(axisTicks(277)).toEqual([0, 100, 200, 300]);
  });

  it("labels about seven days, the first and the last always", () => {
    expect(labelledIndexes(5)).toEqual([0, 1, 2, 3, 4]);
    expect(labelledIndexes(43)).toEqual([0, 7, 14, 21, 28, 35, 42]);
    const many = labelledIndexes(40);
    expect(many[0]).toBe(0);
    expect(many.at(-1)).toBe(39);
    expect(many.length).toBeLessThanOrEqual(7);
    for (let i = 1; i < many.length; i++) expect(many[i]! - many[i - 1]!).toBeGreaterThanOrEqual(3);
  });
});

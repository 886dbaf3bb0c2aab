import { describe, expect, it } from "vitest";
import { ART_PALETTES } from "@/components/events/event-art";

// WCAG 2.x relative luminance and contrast ratio.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe("event artwork", () => {
  it("draws its white initials on a plate that meets WCAG AA for normal text (4.5:1), in every category", () => {
    for (const [category, [dark]] of Object.entries(ART_PALETTES)) {
      expect(contrast("#ffffff", dark), category).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("would fail without the plate: white on a palette's light colour", () => {
    expect(contrast("#ffffff", ART_PALETTES.SPORTS![2])).toBeLessThan(3);
  });
});

import { LAYOUT_FORMAT, type LayoutInput } from "@/lib/events/layout/format";

/**
 * A generated 20,000-seat layout: 100 blocks of 20 rows × 10 seats on a
 * 10 × 10 grid under a stage. The size the builder must edit without lag.
 */
export function twentyThousandSeatLayout(): LayoutInput {
  return {
    format: LAYOUT_FORMAT,
    name: "Generated 20,000 seats",
    stage: { x: 500, y: 0, width: 300, height: 40, label: "Stage" },
    zones: [
      { key: "standard", name: "Standard" },
      { key: "premium", name: "Premium" },
    ],
    sections: Array.from({ length: 100 }, (_, i) => ({
      id: `s${i}`,
      label: `${i + 1}`,
      zone: i < 20 ? "premium" : "standard",
      kind: "block" as const,
      origin: { x: (i % 10) * 130, y: 80 + Math.floor(i / 10) * 300 },
      rows: { count: 20 },
      seats: { perRow: 10 },
    })),
  };
}

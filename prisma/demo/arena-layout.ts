import { LAYOUT_FORMAT, type LayoutInput } from "@/lib/events/layout/format";

// The demo arena in the builder's own format: four floor blocks facing the
// stage, then a lower and an upper bowl of ten arc sections each (5,660 seats).

const CENTER = { x: 500, y: 330 };

function bowl(options: { zone: string; firstSection: number; radius: number; rows: number; seatsPerRow: number }) {
  const span = 180 / 10;
  return Array.from({ length: 10 }, (_, s) => ({
    id: `s${options.firstSection + s}`,
    label: String(options.firstSection + s),
    zone: options.zone,
    kind: "arc" as const,
    center: CENTER,
    radius: options.radius,
    startAngle: s * span + span * 0.06,
    endAngle: s * span + span * 0.94,
    rows: { count: options.rows, labels: "letters" as const, spacing: 14 },
    seats: { perRow: options.seatsPerRow },
  }));
}

export function arenaLayout(): LayoutInput {
  return {
    format: LAYOUT_FORMAT,
    name: "Arena, end stage",
    stage: { x: 350, y: 80, width: 300, height: 40, label: "Stage" },
    zones: [
      { key: "floor", name: "Floor" },
      { key: "lower", name: "Lower Bowl" },
      { key: "upper", name: "Upper Bowl" },
    ],
    sections: [
      ...Array.from({ length: 4 }, (_, s) => ({
        id: `fl${s + 1}`,
        label: `FL${s + 1}`,
        zone: "floor",
        kind: "block" as const,
        origin: { x: 200 + s * 155, y: 150 },
        rows: { count: 10, labels: "numbers" as const, spacing: 14 },
        seats: { perRow: 20, spacing: 7 },
      })),
      ...bowl({ zone: "lower", firstSection: 101, radius: 230, rows: 15, seatsPerRow: 18 }),
      ...bowl({ zone: "upper", firstSection: 201, radius: 460, rows: 12, seatsPerRow: 18 }),
    ],
  };
}

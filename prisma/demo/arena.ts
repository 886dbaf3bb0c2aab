// A 5,660-seat arena: four floor sections facing the stage, then a lower and
// an upper bowl of ten sections each, laid out on arcs around the floor.

export type SeatPlan = { section: string; row: string; number: string; x: number; y: number; tier: ArenaTier };
export type ArenaTier = "Floor" | "Lower Bowl" | "Upper Bowl";

const CENTER = { x: 500, y: 330 };
const ROW_LETTERS = "ABCDEFGHJKLMNPQRSTUV"; // no I or O, as on real tickets

function arcSections(options: {
  tier: ArenaTier;
  firstSection: number;
  innerRadius: number;
  rows: number;
  seatsPerRow: number;
}): SeatPlan[] {
  const seats: SeatPlan[] = [];
  const sections = 10;
  const span = Math.PI / sections;
  for (let s = 0; s < sections; s++) {
    const start = s * span + span * 0.06;
    const width = span * 0.88;
    for (let r = 0; r < options.rows; r++) {
      const radius = options.innerRadius + r * 14;
      for (let n = 0; n < options.seatsPerRow; n++) {
        const angle = start + ((n + 0.5) / options.seatsPerRow) * width;
        seats.push({
          section: String(options.firstSection + s),
          row: ROW_LETTERS[r] ?? String(r + 1),
          number: String(n + 1),
          x: Math.round((CENTER.x - Math.cos(angle) * radius) * 10) / 10,
          y: Math.round((CENTER.y + Math.sin(angle) * radius) * 10) / 10,
          tier: options.tier,
        });
      }
    }
  }
  return seats;
}

export function arenaSeatPlan(): SeatPlan[] {
  const floor: SeatPlan[] = [];
  for (let s = 0; s < 4; s++) {
    for (let r = 0; r < 10; r++) {
      for (let n = 0; n < 20; n++) {
        floor.push({
          section: `FL${s + 1}`,
          row: String(r + 1),
          number: String(n + 1),
          x: 200 + s * 155 + n * 7,
          y: 150 + r * 14,
          tier: "Floor",
        });
      }
    }
  }
  return [
    ...floor,
    ...arcSections({ tier: "Lower Bowl", firstSection: 101, innerRadius: 230, rows: 15, seatsPerRow: 18 }),
    ...arcSections({ tier: "Upper Bowl", firstSection: 201, innerRadius: 460, rows: 12, seatsPerRow: 18 }),
  ];
}

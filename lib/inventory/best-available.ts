// Picks the best block of adjacent free seats: same section and row,
// consecutive numbers, closest to the stage and to the centre line.

export type CandidateSeat = { id: string; section: string; row: string; number: string; x: number; y: number };

export type Point = { x: number; y: number };

/** Where the stage is on a seat map: maps put it above the seats, centred. */
export function stageOf(layout: Point[]): Point {
  const xs = layout.map((s) => s.x);
  const ys = layout.map((s) => s.y);
  return { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: Math.min(...ys) - 50 };
}

export function bestAvailableBlock(seats: CandidateSeat[], quantity: number, stage: Point): CandidateSeat[] | null {
  const rows = new Map<string, CandidateSeat[]>();
  for (const seat of seats) {
    const key = `${seat.section}\u0000${seat.row}`;
    const row = rows.get(key);
    if (row) row.push(seat);
    else rows.set(key, [seat]);
  }

  let best: { block: CandidateSeat[]; score: number } | null = null;
  for (const row of rows.values()) {
    row.sort((a, b) => Number(a.number) - Number(b.number) || a.number.localeCompare(b.number));
    for (let start = 0; start + quantity <= row.length; start++) {
      const block = row.slice(start, start + quantity);
      if (!isConsecutive(block)) continue;
      const score = scoreBlock(block, stage);
      if (!best || score < best.score) best = { block, score };
    }
  }
  return best?.block ?? null;
}

function isConsecutive(block: CandidateSeat[]): boolean {
  return block.every((seat, i) => i === 0 || Number(seat.number) === Number(block[i - 1]!.number) + 1);
}

function scoreBlock(block: CandidateSeat[], stage: Point): number {
  const cx = block.reduce((sum, s) => sum + s.x, 0) / block.length;
  const cy = block.reduce((sum, s) => sum + s.y, 0) / block.length;
  // Distance to the stage matters most; being off-centre costs a little.
  return Math.hypot(cx - stage.x, cy - stage.y) + Math.abs(cx - stage.x) * 0.25;
}

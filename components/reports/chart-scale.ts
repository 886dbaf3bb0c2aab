// Axis arithmetic for the report charts: round tick steps (1, 2 or 5 × 10ⁿ) so axis labels read
// as people write numbers. Pure, shared by the chart and its unit tests.

/** The smallest round step, never below 1 (there are no half tickets), that covers `max` in at most `count` steps. */
export function niceStep(max: number, count = 4): number {
  if (max <= count) return 1;
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
}

/** Ticks from 0 up to the first multiple of the step at or above `max`: [0, 50, 100, 150] for 130. */
export function axisTicks(max: number, count = 4): number[] {
  const step = niceStep(max, count);
  const top = Math.max(step, Math.ceil(max / step) * step);
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
}

/** Which of `n` bars get a date label: about `labels` of them, evenly, always the first and the last. */
export function labelledIndexes(n: number, labels = 7): number[] {
  if (n <= labels) return Array.from({ length: n }, (_, i) => i);
  const every = Math.ceil((n - 1) / (labels - 1));
  const picked = Array.from({ length: Math.floor((n - 1) / every) + 1 }, (_, i) => i * every);
  // The last day is labelled too; its neighbour gives way if the two would touch.
  if (n - 1 - picked.at(-1)! < every / 2) picked.pop();
  return [...picked, n - 1];
}

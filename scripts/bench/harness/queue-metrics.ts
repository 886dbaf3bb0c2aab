// Pure arithmetic of the waiting-room scenario (scenarios/queue.ts): fairness as a rank correlation, the admission
// rate, the request rate per waiting fan. No I/O, unit-tested (tests/unit/bench-queue.test.ts).

/** 1-based ranks of `values` in ascending order; tied values share the mean of the ranks they span. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end++;
    const rank = (start + end) / 2 + 1;
    for (let i = start; i <= end; i++) ranks[order[i]!.index] = rank;
    start = end + 1;
  }
  return ranks;
}

/** Pearson's correlation; NaN when either side has no spread (or fewer than two pairs). */
export function pearson(xs: readonly number[], ys: readonly number[]): number {
  if (xs.length !== ys.length) throw new Error(`pearson: ${xs.length} x values but ${ys.length} y values`);
  const n = xs.length;
  if (n < 2) return Number.NaN;
  const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / n;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? Number.NaN : sxy / Math.sqrt(sxx * syy);
}

/** Spearman's rank correlation with ties (Pearson's of the average ranks): 1 = same order, 0 = unrelated. */
export function spearman(xs: readonly number[], ys: readonly number[]): number {
  return pearson(averageRanks(xs), averageRanks(ys));
}

/** A fan's place in admission order as the store reports it after the run. */
export type AdmissionPlace = { admittedAtMs: number | null; position: number | null };

/**
 * A sort key per fan for the order the room let them in: admitted fans by admission time (fans of one tick tie),
 * then the fans still waiting by their place in line. A fan with neither (never seen in line) sorts last.
 */
export function admissionOrderKeys(places: readonly AdmissionPlace[]): number[] {
  const lastAdmission = Math.max(0, ...places.map((p) => p.admittedAtMs ?? 0));
  return places.map((p) =>
    p.admittedAtMs !== null
      ? p.admittedAtMs
      : p.position !== null
        ? lastAdmission + 1 + p.position
        : Number.MAX_SAFE_INTEGER,
  );
}

/**
 * The admission rate over the ticks that admitted: admissions come in batches, one per tick of the admission loop,
 * so n ticks from the first to the last admission span (n − 1) intervals; the span counts one interval more.
 */
export function admissionRate(admittedAtMs: readonly number[], tickMs: number): number {
  if (admittedAtMs.length === 0) return 0;
  const first = Math.min(...admittedAtMs);
  const last = Math.max(...admittedAtMs);
  return admittedAtMs.length / ((last - first + tickMs) / 1000);
}

/** Queue requests (joins, status reads, stream connections) per fan per minute spent waiting. */
export function requestsPerFanMinute(requests: number, waitingMs: number): number {
  return waitingMs > 0 ? requests / (waitingMs / 60_000) : Number.NaN;
}

/** How far a correlation of n independent orders strays by chance: its standard deviation, 1/√(n − 1). */
export function nullCorrelationSd(n: number): number {
  return n > 1 ? 1 / Math.sqrt(n - 1) : Number.NaN;
}

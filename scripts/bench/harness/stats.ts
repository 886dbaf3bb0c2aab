// Pure helpers: latency percentiles and per-operation tallies. No I/O, unit-tested (tests/unit/bench-harness.test.ts).

/** Nearest-rank percentile of an ascending list (NaN when empty): the smallest value with at least p % at or below it. */
export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sortedMs.length);
  return sortedMs[Math.min(sortedMs.length, Math.max(1, rank)) - 1]!;
}

/** How a response counts: a success, an answer the scenario expects under load (409 taken, 429 retry), or an error. */
export type Outcome = "ok" | "expected" | "unexpected";

export type OpTally = {
  ms: number[];
  ok: number;
  expected: number;
  unexpected: number;
  /** Responses by status code ("0" for a network error or timeout). */
  statuses: Record<string, number>;
  bytes: number;
};

export type OpSummary = {
  op: string;
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  ok: number;
  expected: number;
  unexpected: number;
  statuses: Record<string, number>;
  meanBytes: number;
};

/** Collects one phase's samples by operation name ("POST hold", "DELETE hold"…), in first-seen order. */
export class Recorder {
  readonly ops = new Map<string, OpTally>();

  record(op: string, sample: { ms: number; outcome: Outcome; status: number; bytes?: number }) {
    let tally = this.ops.get(op);
    if (!tally) {
      tally = { ms: [], ok: 0, expected: 0, unexpected: 0, statuses: {}, bytes: 0 };
      this.ops.set(op, tally);
    }
    tally.ms.push(sample.ms);
    tally[sample.outcome]++;
    tally.statuses[sample.status] = (tally.statuses[sample.status] ?? 0) + 1;
    tally.bytes += sample.bytes ?? 0;
  }

  summaries(seconds: number): OpSummary[] {
    return [...this.ops].map(([op, tally]) => summarize(op, tally, seconds));
  }
}

export function summarize(op: string, tally: OpTally, seconds: number): OpSummary {
  const sorted = [...tally.ms].sort((a, b) => a - b);
  const requests = sorted.length;
  return {
    op,
    requests,
    seconds,
    perSecond: seconds > 0 ? requests / seconds : 0,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    ok: tally.ok,
    expected: tally.expected,
    unexpected: tally.unexpected,
    // A copy: requests still in flight when a phase is summed up must not change its summary afterwards.
    statuses: { ...tally.statuses },
    meanBytes: requests ? Math.round(tally.bytes / requests) : 0,
  };
}

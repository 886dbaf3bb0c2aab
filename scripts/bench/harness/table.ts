// Pure formatting of the results table, as text for the terminal and as Markdown for bench/results/latest.md.
import type { OpSummary } from "./stats";

export type ResultRow = OpSummary & {
  scenario: string;
  store: string;
  /** The run stopped at its iteration cap before its time was up. */
  capped: boolean;
  /** perSecond divided by the GET /api/health rate measured with the same store in the same run. */
  healthRatio: number | null;
};

export const HEADERS = [
  "scenario",
  "operation",
  "store",
  "requests",
  "per s",
  "p50 ms",
  "p95 ms",
  "p99 ms",
  "ok",
  "expected",
  "unexpected",
  "x health",
] as const;

/** Latency with about three significant digits: 0.42, 9.68, 15.8, 204. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "-";
  if (ms < 10) return ms.toFixed(2);
  if (ms < 100) return ms.toFixed(1);
  return Math.round(ms).toLocaleString("en-US");
}

export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond)) return "-";
  return perSecond >= 100 ? Math.round(perSecond).toLocaleString("en-US") : perSecond.toFixed(1);
}

export function formatRatio(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return "-";
  return ratio >= 10 ? `${ratio.toFixed(0)}x` : ratio >= 0.1 ? `${ratio.toFixed(2)}x` : `${ratio.toFixed(3)}x`;
}

export function rowCells(row: ResultRow): string[] {
  return [
    row.scenario,
    row.op,
    row.store,
    `${row.requests.toLocaleString("en-US")}${row.capped ? "*" : ""}`,
    formatRate(row.perSecond),
    formatMs(row.p50),
    formatMs(row.p95),
    formatMs(row.p99),
    String(row.ok),
    String(row.expected),
    String(row.unexpected),
    formatRatio(row.healthRatio),
  ];
}

/** Left-aligned text columns (the first three), right-aligned numbers, two spaces apart. */
export function formatTable(rows: ResultRow[]): string {
  const lines = [[...HEADERS], ...rows.map(rowCells)];
  const widths = HEADERS.map((_, i) => Math.max(...lines.map((cells) => cells[i]!.length)));
  return lines
    .map((cells) =>
      cells
        .map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export function formatMarkdownTable(rows: ResultRow[]): string {
  const align = HEADERS.map((_, i) => (i < 3 ? "---" : "--:"));
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replaceAll("|", "\\|")).join(" | ")} |`;
  return [line(HEADERS), line(align), ...rows.map((row) => line(rowCells(row)))].join("\n");
}

export type Correctness = {
  /** Seats with two or more issued tickets, issued seat tickets on a seat not marked SOLD, ticket types sold beyond capacity. */
  oversold: { doubleSoldSeats: number; ticketsOnUnsoldSeats: number; typesOverCapacity: number };
  /** Holds answered 201 with fewer items than asked (seen by the client), live holds whose seats the store does not hold. */
  partialHolds: { answeredShort: number; notHeldByStore: number };
  /** Paid simulator sessions or succeeded payments whose order is not paid (or refunded). */
  orphanPayments: { paidSessions: number; succeededPayments: number };
  /** The waiting-room scenario's checks (scenarios/queue.ts). */
  queue: QueueChecks;
};

export type QueueChecks = {
  /** Holds of the queued event by fans the room never admitted, and second holds on one admission. */
  holdsWithoutAdmission: number;
  /** Admitted fans whose hold found no tickets, and open turns beyond what the tickets left could serve. */
  admittedBeyondTickets: number;
  /** Admissions beyond one per fan. */
  admittedTwice: number;
};

export const noQueueViolations = (): QueueChecks => ({
  holdsWithoutAdmission: 0,
  admittedBeyondTickets: 0,
  admittedTwice: 0,
});

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export function correctnessTotals(c: Correctness) {
  return {
    oversold: sum(c.oversold),
    partialHolds: sum(c.partialHolds),
    orphanPayments: sum(c.orphanPayments),
    queue: sum(c.queue),
  };
}

export function formatCorrectness(c: Correctness): string {
  const totals = correctnessTotals(c);
  const verdict = sum(totals) === 0 ? "OK" : "FAILED";
  const detail = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
  return (
    `Correctness ${verdict}: oversold seats ${totals.oversold} (${detail(c.oversold)}); ` +
    `partial holds ${totals.partialHolds} (${detail(c.partialHolds)}); ` +
    `orphan payments ${totals.orphanPayments} (${detail(c.orphanPayments)}); ` +
    `waiting room ${totals.queue} (${detail(c.queue)})`
  );
}

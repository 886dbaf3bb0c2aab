// Saves a run as bench/results/<timestamp>.json, bench/results/latest.json and bench/results/latest.md.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BenchOptions } from "./options";
import { formatCorrectness, formatMarkdownTable, type Correctness, type ResultRow } from "./table";

export type ScenarioRecord = {
  scenario: string;
  store: string;
  seconds: number;
  iterations: number;
  capped: boolean;
  notes: string[];
  /** A scenario's own figures (the waiting room's admission rate, fairness…). */
  metrics?: Record<string, number>;
  /** Average CPU use over the scenario (warm-up included), in % of one core, by process tree. */
  cpuPercent: Record<string, number> | null;
  loadAverageAfter: number;
};

export type BenchReport = {
  startedAt: string;
  finishedAt: string;
  commit: string;
  node: string;
  cpus: number;
  loadAverage: { start: number[]; end: number[] };
  options: BenchOptions;
  build: string;
  staticAsset: string;
  fans: { count: number; createdInMs: number; how: string; poolWaitSeconds: number };
  rows: ResultRow[];
  scenarios: ScenarioRecord[];
  correctness: Correctness;
};

const fmtLoad = (l: number[]) => l.map((x) => x.toFixed(2)).join(" / ");

export function cpuTable(records: ScenarioRecord[]): string {
  const lines = records
    .filter((r) => r.cpuPercent)
    .map((r) => {
      const cpu = r.cpuPercent!;
      const cells = ["app", "worker", "postgres", "redis", "bench"].map((k) =>
        `${Math.round(cpu[k] ?? 0)}%`.padStart(9),
      );
      return `${r.scenario.padEnd(18)} ${r.store.padEnd(9)}${cells.join("")}   ${r.loadAverageAfter.toFixed(2).padStart(5)}`;
    });
  return [
    `${"scenario".padEnd(18)} ${"store".padEnd(9)}      app   worker postgres    redis    bench   load`,
    ...lines,
  ].join("\n");
}

export function markdownSummary(report: BenchReport): string {
  return [
    `# npm run bench — latest run`,
    ``,
    `${report.startedAt} · commit ${report.commit} · Node ${report.node} · ${report.cpus} CPUs · ` +
      `load average (1/5/15 min) ${fmtLoad(report.loadAverage.start)} at the start, ${fmtLoad(report.loadAverage.end)} at the end.`,
    `Options: ${report.options.durationSeconds} s per scenario after ${report.options.warmupSeconds} s of warm-up; ` +
      `stores ${report.options.stores.join(", ")}; build ${report.build}; ${report.fans.count} fans.`,
    ``,
    formatMarkdownTable(report.rows),
    ``,
    `\`*\` = stopped at its iteration cap. \`expected\` = 409 SEAT_UNAVAILABLE in a race, 429 with Retry-After at checkout.`,
    ``,
    `**${formatCorrectness(report.correctness)}**`,
    ``,
    `CPU use per scenario (% of one core, warm-up included) and the 1-minute load average after it:`,
    ``,
    "```",
    cpuTable(report.scenarios),
    "```",
    ``,
    ...report.scenarios.filter((s) => s.notes.length).map((s) => `- ${s.scenario} (${s.store}): ${s.notes.join("; ")}`),
    ``,
  ].join("\n");
}

export function saveReport(root: string, report: BenchReport): string {
  const dir = path.join(root, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const json = JSON.stringify(report, null, 2) + "\n";
  const file = path.join(dir, `${report.startedAt.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, json);
  writeFileSync(path.join(dir, "latest.json"), json);
  writeFileSync(path.join(dir, "latest.md"), markdownSummary(report));
  return file;
}

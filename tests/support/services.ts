import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/scripts/support/embedded-postgres";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A PostgreSQL cluster of its own in a temporary folder, deleted on stop. */
export async function startThrowawayPostgres(database: string): Promise<EmbeddedDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), "marquee-pg-"));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(dir, "data"),
    port: await freePort(),
    database,
    throwaway: true,
  });
  return {
    ...pg,
    stop: async () => {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const REDIS_MISSING =
  "These tests need a real Redis. Install it (Debian: apt-get install -y redis-server) so redis-server is on PATH, or set REDIS_URL to a server they may use.";

/** Starts redis-server on a free port when it is installed; null when it is not. */
export async function startRedisServer(): Promise<{ url: string; stop: () => Promise<void> } | null> {
  if (spawnSync("redis-server", ["--version"]).error) return null;
  const port = await freePort();
  const child: ChildProcess = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => (socket.end(), resolve(true)));
      socket.on("error", () => resolve(false));
    });
    if (up) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
    },
  };
}

/** A database of its own in the test cluster, migrated, for tests that must not see other files' rows. */
export async function isolatedDatabase(
  adminUrl: string,
  label: string,
  options: { migrate?: boolean } = {},
): Promise<{ url: string; drop: () => Promise<void> }> {
  const { default: pg } = await import("pg");
  const { applyMigrations } = await import("@/scripts/support/migrations");
  const name = `${label}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  if (options.migrate ?? true) await applyMigrations(url.toString());
  return {
    url: url.toString(),
    drop: async () => {
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      await again.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

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

/** Starts redis-server on `port` (default: a free one) when it is installed; null when it is not. */
export async function startRedisServer(
  port?: number,
): Promise<{ url: string; pid: number | undefined; stop: () => Promise<void> } | null> {
  if (spawnSync("redis-server", ["--version"]).error) return null;
  port ??= await freePort();
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
    pid: child.pid,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
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

export type OwnRedisServer = {
  url: string;
  /** SIGSTOP: the kernel still accepts connections, but nothing is ever answered. */
  pause(): void;
  /** SIGCONT after pause(). */
  resume(): void;
  /** SIGKILL: connections are refused from now on. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: it keeps no data). */
  restart(): Promise<void>;
  stop(): Promise<void>;
};

function waitForPort(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let attempts = 0;
    const attempt = () => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.end();
        resolve();
      });
      socket.on("error", () => {
        if (++attempts >= 200) reject(new Error(`redis-server did not listen on ${port}`));
        else setTimeout(attempt, 25);
      });
    };
    attempt();
  });
}

/** A redis-server of the test's own, to stop and start, so an outage never touches the run's shared server. */
export async function startOwnRedisServer(): Promise<OwnRedisServer> {
  if (spawnSync("redis-server", ["--version"]).error) throw new Error(REDIS_MISSING);
  const port = await freePort();
  const spawnServer = () =>
    spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
    });
  let child = spawnServer();
  await waitForPort(port);
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL"); // ends a stopped (SIGSTOP) process too
    await exited;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    pause: () => void child.kill("SIGSTOP"),
    resume: () => void child.kill("SIGCONT"),
    kill,
    async restart() {
      await kill();
      child = spawnServer();
      await waitForPort(port);
    },
    stop: kill,
  };
}

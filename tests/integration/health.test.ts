import { inject, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { db } from "@/lib/db";
import { createPrismaClient } from "@/lib/db-client";
import { checkHealth, healthResponse } from "@/lib/health/check";
import { nodeRedisConnection } from "@/lib/redis/client";
import { freePort, REDIS_MISSING, startThrowawayPostgres } from "../support/services";
import { call } from "../support/http";

const modes = {
  holds: "postgres",
  search: "postgres",
  payments: "simulator",
  email: "dev-mailbox",
  uploads: "disk",
} as const;

describe("GET /api/health", () => {
  it("is 200 with the database up, and reports the worker", async () => {
    await db.workerHeartbeat.upsert({
      where: { id: "health-test" },
      create: { id: "health-test", jobs: ["outbox"], startedAt: new Date(), beatAt: new Date() },
      update: { beatAt: new Date() },
    });
    const { status, json, headers } = await call(GET, { path: "/api/health" });
    expect(status).toBe(200);
    expect(headers.get("cache-control")).toBe("no-store");
    expect(json).toMatchObject({
      status: "ok",
      components: { database: { status: "up" } },
      worker: { status: "running" },
    });
    await db.workerHeartbeat.delete({ where: { id: "health-test" } });
  });

  it("is 503 once the database is stopped", async () => {
    const pg = await startThrowawayPostgres("health");
    const client = createPrismaClient(pg.url, 2);
    try {
      await client.$executeRawUnsafe(`CREATE TABLE worker_heartbeats (id text primary key, "beatAt" timestamp(3))`);
      expect(healthResponse(await checkHealth({ db: client, modes })).status).toBe(200);
      await pg.stop();
      const report = await checkHealth({ db: client, modes, timeoutMs: 3_000 });
      const response = healthResponse(report);
      expect(response.status).toBe(503);
      // Why it is down goes to the logs only: driver messages name hosts, ports and users.
      expect(report.components.database).toEqual({ status: "down" });
      expect(JSON.stringify(await response.json())).not.toMatch(/error|ECONNREFUSED|127\.0\.0\.1|postgres/i);
      expect(report.worker.status).toBe("not-running");
    } finally {
      await client.$disconnect().catch(() => undefined);
      await pg.stop().catch(() => undefined);
    }
  });

  it("checks Redis when it is configured: up against a real server, down against a closed port", async () => {
    const redisUrl = inject("redisUrl");
    if (!redisUrl) throw new Error(REDIS_MISSING);
    const live = nodeRedisConnection(redisUrl);
    const dead = nodeRedisConnection(`redis://127.0.0.1:${await freePort()}`);
    try {
      const probes = [
        { name: "redis", mode: "redis", check: async () => void (await live.ping()) },
        { name: "redis-replica", mode: "redis", check: async () => void (await dead.ping()) },
      ];
      const report = await checkHealth({ db, modes, probes, timeoutMs: 1_000 });
      expect(report.components.redis).toMatchObject({ status: "up", mode: "redis" });
      expect(report.components["redis-replica"]?.status).toBe("down");
      expect(healthResponse(report).status).toBe(503);
    } finally {
      await live.close();
      await dead.close();
    }
  });
});

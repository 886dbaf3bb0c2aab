import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { upstashConnection, type RedisConnection } from "@/lib/redis/client";
import { REDIS_MISSING } from "./services";
import { startUpstashBridge } from "./upstash-bridge";

/**
 * For one test file: the Upstash client, talking HTTP to a bridge in front of the test run's
 * redis-server, opened before the file's tests and closed after them.
 */
export function upstashForThisFile() {
  const token = randomUUID();
  let bridge: Awaited<ReturnType<typeof startUpstashBridge>> | undefined;
  let connection: RedisConnection | undefined;
  beforeAll(async () => {
    const redisUrl = inject("redisUrl");
    if (!redisUrl) throw new Error(REDIS_MISSING);
    bridge = await startUpstashBridge(redisUrl, token);
    connection = upstashConnection(bridge.url, token);
  });
  afterAll(async () => {
    await connection?.close();
    await bridge?.close();
  });
  return {
    connection(): RedisConnection {
      if (!connection) throw new Error(REDIS_MISSING);
      return connection;
    },
    url: () => bridge!.url,
  };
}

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { redisHoldStore } from "@/lib/inventory/redis-hold-store";
import { upstashConnection, type RedisConnection } from "@/lib/redis/client";
import { REDIS_MISSING } from "../support/services";
import { startUpstashBridge } from "../support/upstash-bridge";
import { holdStoreContract } from "./hold-store.contract";

const token = randomUUID();
let bridge: Awaited<ReturnType<typeof startUpstashBridge>> | undefined;
let connection: RedisConnection | undefined;

/** The Upstash client, talking HTTP to a bridge in front of the test run's redis-server. */
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

function upstash(): RedisConnection {
  if (!connection) throw new Error(REDIS_MISSING);
  return connection;
}

describe("Upstash REST bridge", () => {
  it("serves the client's commands, and refuses a wrong token", async () => {
    const live = upstash();
    expect(await live.ping()).toBe("PONG");
    expect(await live.eval("return {ARGV[1], tonumber(ARGV[2])}", [], ["héllo", "7"])).toEqual(["héllo", 7]);
    await expect(upstashConnection(bridge!.url, "wrong-token").ping()).rejects.toThrow(/Unauthorized/);
  });
});

holdStoreContract("Redis (Upstash REST)", () => redisHoldStore(upstash()));

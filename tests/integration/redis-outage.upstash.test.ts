import { randomUUID } from "node:crypto";
import { afterAll } from "vitest";
import { startOwnRedisServer } from "../support/services";
import { startUpstashBridge } from "../support/upstash-bridge";

// Upstash's REST protocol, bridged to a redis-server of this file's own; set before the app's
// modules load and read the configuration. Stopping the server leaves the bridge's requests hanging,
// as Upstash's would behind a network fault.
const server = await startOwnRedisServer();
const token = randomUUID();
const bridge = await startUpstashBridge(server.url, token);
process.env.UPSTASH_REDIS_REST_URL = bridge.url;
process.env.UPSTASH_REDIS_REST_TOKEN = token;

afterAll(async () => {
  await bridge.close();
  await server.stop();
});

const { redisOutageScenarios } = await import("./redis-outage.scenarios");
redisOutageScenarios("Upstash REST", "upstash", server);

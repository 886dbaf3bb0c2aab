import { afterAll } from "vitest";
import { startOwnRedisServer } from "../support/services";

// A redis-server of this file's own, so stopping it cannot disturb other files; set before the
// app's modules load and read the configuration.
const server = await startOwnRedisServer();
process.env.REDIS_URL = server.url;
afterAll(() => server.stop());

const { redisOutageScenarios } = await import("./redis-outage.scenarios");
redisOutageScenarios("node-redis", "redis", server);

const { lostAnswerScenarios } = await import("./redis-lost-answer.scenarios");
lostAnswerScenarios(server.url);

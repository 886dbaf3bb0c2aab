import { inject } from "vitest";
import { REDIS_MISSING } from "../support/services";

// Set before the app's modules load and read the configuration: this file's app holds seats in Redis.
const redisUrl = inject("redisUrl");
if (!redisUrl) throw new Error(REDIS_MISSING);
process.env.REDIS_URL = redisUrl;

const { holdRules } = await import("./hold-rules.scenarios");
holdRules("redis");

import "server-only";
import type { Config } from "@/lib/config";
import { nodeRedisConnection } from "./node-redis";
import { upstashConnection } from "./upstash";

export { nodeRedisConnection } from "./node-redis";
export { upstashConnection } from "./upstash";

/**
 * The few commands Marquee needs, served by node-redis (TCP) or Upstash (HTTP)
 * alike. Neither ever hangs: while Redis cannot be reached every call rejects,
 * within about a second and a half at worst, with AppError SERVICE_UNAVAILABLE.
 */
export interface RedisConnection {
  readonly kind: "redis" | "upstash";
  ping(): Promise<string>;
  eval(script: string, keys: string[], args: string[]): Promise<unknown>;
  close(): Promise<void>;
}

const globalForRedis = globalThis as unknown as { marqueeRedis?: RedisConnection | null };

/** This process's Redis connection, or null when neither REDIS_URL nor Upstash is configured. */
export function redisConnection(config: Config): RedisConnection | null {
  if (globalForRedis.marqueeRedis !== undefined) return globalForRedis.marqueeRedis;
  globalForRedis.marqueeRedis = config.REDIS_URL
    ? nodeRedisConnection(config.REDIS_URL)
    : config.UPSTASH_REDIS_REST_URL && config.UPSTASH_REDIS_REST_TOKEN
      ? upstashConnection(config.UPSTASH_REDIS_REST_URL, config.UPSTASH_REDIS_REST_TOKEN)
      : null;
  return globalForRedis.marqueeRedis;
}

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

/** The Redis connection a configuration asks for, or null when neither REDIS_URL nor Upstash is set. */
export function redisConnectionFor(config: Config): RedisConnection | null {
  if (config.REDIS_URL) return nodeRedisConnection(config.REDIS_URL);
  if (config.UPSTASH_REDIS_REST_URL && config.UPSTASH_REDIS_REST_TOKEN) {
    return upstashConnection(config.UPSTASH_REDIS_REST_URL, config.UPSTASH_REDIS_REST_TOKEN);
  }
  return null;
}

// One connection per process, shared by the composition root and Auth.js's sign-in
// callback (whose configuration is built at module load). Kept on globalThis so
// Next's dev server, which re-evaluates modules on every edit, does not open more.
const globalForRedis = globalThis as unknown as { marqueeRedis?: RedisConnection | null };

/** This process's Redis connection, or null when neither REDIS_URL nor Upstash is configured. */
export function sharedRedisConnection(config: Config): RedisConnection | null {
  if (globalForRedis.marqueeRedis === undefined) globalForRedis.marqueeRedis = redisConnectionFor(config);
  return globalForRedis.marqueeRedis;
}

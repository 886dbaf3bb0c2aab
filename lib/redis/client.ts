import "server-only";
import { Redis as UpstashRedis } from "@upstash/redis";
import { createClient } from "redis";
import type { Config } from "@/lib/config";

/** The few commands Marquee needs, served by node-redis (TCP) or Upstash (HTTP) alike. */
export interface RedisConnection {
  readonly kind: "redis" | "upstash";
  ping(): Promise<string>;
  eval(script: string, keys: string[], args: string[]): Promise<unknown>;
  close(): Promise<void>;
}

export function nodeRedisConnection(url: string): RedisConnection {
  const client = createClient({
    url,
    socket: { connectTimeout: 2_000, reconnectStrategy: (n) => Math.min(n * 100, 2_000) },
  });
  client.on("error", () => undefined); // reconnects on its own; callers see failed commands
  const ready = client.connect();
  return {
    kind: "redis",
    async ping() {
      await ready;
      return client.ping();
    },
    async eval(script, keys, args) {
      await ready;
      return client.eval(script, { keys, arguments: args });
    },
    async close() {
      // A client still trying to reach a dead server never becomes ready; destroy it as it is.
      ready.catch(() => undefined);
      if (client.isOpen) client.destroy();
    },
  };
}

export function upstashConnection(url: string, token: string): RedisConnection {
  const client = new UpstashRedis({ url, token, retry: { retries: 2 } });
  return {
    kind: "upstash",
    ping: () => client.ping(),
    eval: (script, keys, args) => client.eval(script, keys, args),
    close: async () => undefined,
  };
}

/** The Redis connection a configuration asks for, or null when neither REDIS_URL nor Upstash is set. */
export function redisConnectionFor(config: Config): RedisConnection | null {
  if (config.REDIS_URL) return nodeRedisConnection(config.REDIS_URL);
  if (config.UPSTASH_REDIS_REST_URL && config.UPSTASH_REDIS_REST_TOKEN) {
    return upstashConnection(config.UPSTASH_REDIS_REST_URL, config.UPSTASH_REDIS_REST_TOKEN);
  }
  return null;
}

import "server-only";
import { errors, Redis as UpstashRedis } from "@upstash/redis";
import { log } from "@/lib/log";
import type { RedisConnection } from "./client";
import { deadlineSignal, REDIS_TIMEOUT_MS, redisUnavailable } from "./unavailable";

export type UpstashOptions = { timeoutMs?: number; cooldownMs?: number };

/**
 * Upstash's REST client with a deadline on every request. Without one, a fetch
 * to an endpoint that accepts but never answers waits for the OS's TCP timeout
 * (minutes). `signal` is given as a function so that each request gets a fresh
 * deadline (a shared AbortSignal stays aborted after its first timeout), and so
 * that the client throws on abort — given a plain signal, it turns an abort into
 * a successful reply reading "Aborted". The one retry is covered by the same deadline.
 */
export function upstashConnection(url: string, token: string, options: UpstashOptions = {}): RedisConnection {
  const timeoutMs = options.timeoutMs ?? REDIS_TIMEOUT_MS;
  const cooldownMs = options.cooldownMs ?? 1_000;
  const client = new UpstashRedis({
    url,
    token,
    retry: { retries: 1, backoff: () => 50 },
    signal: () => deadlineSignal(timeoutMs),
    enableTelemetry: false,
  });

  // HTTP has no connection whose state tells us Upstash is down, so after a failure callers are refused at
  // once for `cooldownMs`; then one request probes, the others still refused until it answers. Without this,
  // every caller would wait the full deadline — some of them inside a database transaction holding a pooled
  // connection — and a burst during an outage would exhaust the pool.
  let downUntil = 0;
  let probing = false;

  // UpstashError: Upstash answered with an error (a script error, a wrong token) — not an outage, passed through.
  // Anything else (timeout, refused, an unparseable gateway page) means Upstash could not be reached: 503.
  async function run<T>(request: () => Promise<T>): Promise<T> {
    const suspect = downUntil > 0;
    if (suspect && (Date.now() < downUntil || probing)) throw redisUnavailable();
    probing = suspect;
    const up = () => {
      if (suspect) log.info("upstash reachable again");
      downUntil = 0;
    };
    try {
      const result = await request();
      up();
      return result;
    } catch (error) {
      if (error instanceof errors.UpstashError && !(error instanceof errors.UpstashJSONParseError)) {
        up();
        throw error;
      }
      if (downUntil === 0) log.warn({ err: error }, "upstash unreachable; answering 503 until it is back");
      downUntil = Date.now() + cooldownMs;
      throw redisUnavailable();
    } finally {
      if (suspect) probing = false;
    }
  }

  return {
    kind: "upstash",
    ping: () => run(() => client.ping()),
    eval: (script, keys, args) => run(() => client.eval(script, keys, args)),
    close: async () => undefined,
  };
}

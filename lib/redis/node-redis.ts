import "server-only";
import { once } from "node:events";
import { createClient, ErrorReply } from "redis";
import { log } from "@/lib/log";
import type { RedisConnection } from "./client";
import { DeadlineExceeded, REDIS_TIMEOUT_MS, redisUnavailable, withDeadline } from "./unavailable";

type Client = ReturnType<typeof newClient>;
type Link = { client: Client; down: boolean };

function newClient(url: string, timeoutMs: number) {
  return createClient({
    url,
    // Commands issued while disconnected fail at once instead of waiting (unbounded) for a reconnect.
    disableOfflineQueue: true,
    socket: {
      // Bounds the TCP connect only: the handshake after it is covered by `ready` below.
      connectTimeout: timeoutMs,
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000),
    },
  });
}

export type NodeRedisOptions = { timeoutMs?: number };

/**
 * A node-redis (TCP) connection that never makes a caller wait on a dead server.
 *
 * node-redis alone does not give that: `connect()` never settles while the
 * server is unreachable, commands issued meanwhile sit in its offline queue,
 * and its per-command timeout stops applying once a command is written — so
 * a server that accepts connections but never answers (stopped, swapping,
 * half-open network) hangs every caller. Here:
 * - the offline queue is off, and a link known to be down refuses at once;
 * - the first connection is awaited for at most `timeoutMs`;
 * - every command races a `timeoutMs` deadline; on expiry the link is dropped
 *   and a new one dials in the background (it is "down" until Redis answers
 *   its handshake), so later callers fail fast instead of each waiting;
 * - node-redis reconnects by itself, so service resumes when Redis returns.
 * Connection failures surface as AppError SERVICE_UNAVAILABLE (503); errors
 * Redis itself answered (a script error) are passed through untouched.
 */
export function nodeRedisConnection(url: string, options: NodeRedisOptions = {}): RedisConnection {
  const timeoutMs = options.timeoutMs ?? REDIS_TIMEOUT_MS;
  let closed = false;
  let current = open(false);

  function open(knownDown: boolean): Link {
    const client = newClient(url, timeoutMs);
    const link: Link = { client, down: knownDown };
    client.on("error", (err: unknown) => {
      if (!link.down && link === current) log.warn({ err }, "redis unreachable; answering 503 until it is back");
      link.down = true;
    });
    client.on("ready", () => {
      if (link.down && link === current) log.info("redis reachable again");
      link.down = false;
    });
    // Settles only once connected (or destroyed); readiness is read from the link instead.
    client.connect().catch(() => undefined);
    return link;
  }

  /** Drops a link that stopped answering; the replacement counts as down until its handshake completes. */
  function replace(link: Link) {
    if (closed || link !== current) return;
    log.warn({ timeoutMs }, "redis did not answer in time; reconnecting");
    current = open(true);
    link.client.destroy();
  }

  async function ready(link: Link): Promise<void> {
    if (link.client.isReady) return;
    if (closed || link.down) throw redisUnavailable();
    // Only a link that has not failed yet (start-up) is worth a short wait.
    try {
      await once(link.client, "ready", { signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      // An "error" event (refused, reset) rejects too: node-redis keeps redialling that link by itself.
      // A timeout means the server accepted us but never answered the handshake: dial afresh.
      link.down = true;
      if (error instanceof Error && error.name === "AbortError") replace(link);
      throw redisUnavailable();
    }
  }

  async function run<T>(command: (client: Client) => Promise<T>): Promise<T> {
    const link = current;
    await ready(link);
    try {
      return await withDeadline(command(link.client), timeoutMs);
    } catch (error) {
      if (error instanceof ErrorReply) throw error;
      if (error instanceof DeadlineExceeded) replace(link);
      throw redisUnavailable();
    }
  }

  return {
    kind: "redis",
    ping: () => run((client) => client.ping()),
    eval: (script, keys, args) => run((client) => client.eval(script, { keys, arguments: args })),
    async close() {
      closed = true;
      if (current.client.isOpen) current.client.destroy();
    },
  };
}

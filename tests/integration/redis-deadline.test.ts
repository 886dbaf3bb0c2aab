import { afterAll, describe, expect, it } from "vitest";
import { nodeRedisConnection } from "@/lib/redis/client";
import { startOwnRedisServer } from "../support/services";

const server = await startOwnRedisServer();
afterAll(() => server.stop());

// Keeps Redis busy for `ARGV[1]` ms, then answers: a slow but healthy server.
const BUSY = `
local start = redis.call('TIME')
local t0 = start[1] * 1000000 + start[2]
repeat
  local now = redis.call('TIME')
until (now[1] * 1000000 + now[2]) - t0 >= tonumber(ARGV[1]) * 1000
return 'done'`;

function blockEventLoop(ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // a CPU-bound request on this process (a password hash, a big JSON)
  }
}

describe("Redis command deadline", () => {
  it("does not call Redis down when its answer arrived while this process was busy", async () => {
    const connection = nodeRedisConnection(server.url, { timeoutMs: 500 });
    try {
      expect(await connection.ping()).toBe("PONG");
      // Redis answers after ~200 ms; this process is blocked from ~20 ms to ~2 s, so by the time it runs again
      // the 500 ms deadline has expired *and* the answer is waiting in the socket. The answer must win.
      const answer = connection.eval(BUSY, [], ["200"]);
      // Blocked in a check-phase callback, so the next turn of the loop runs its (expired) timers before
      // it reads the socket — the order in which a bare setTimeout deadline would fire first.
      await new Promise<void>((resolve) =>
        setTimeout(
          () =>
            setImmediate(() => {
              blockEventLoop(2_000);
              resolve();
            }),
          20,
        ),
      );
      await expect(answer).resolves.toBe("done");
      expect(await connection.ping()).toBe("PONG");
    } finally {
      await connection.close();
    }
  });

  it("gives up on a command Redis really is too slow for, without a hang", async () => {
    const connection = nodeRedisConnection(server.url, { timeoutMs: 300 });
    try {
      await expect(connection.eval(BUSY, [], ["1500"])).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
    } finally {
      await connection.close();
    }
  });
});

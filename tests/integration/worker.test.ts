import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { runWorker } from "@/lib/worker/runner";

describe("worker runner", () => {
  it("runs jobs on their interval, survives a failing job, beats and cleans up on stop", async () => {
    const stop = new AbortController();
    let ticks = 0;
    let failures = 0;
    const running = runWorker(
      db,
      [
        { name: "tick", intervalMs: 20, run: async () => void ticks++ },
        {
          name: "broken",
          intervalMs: 20,
          run: async () => {
            failures++;
            throw new Error("boom");
          },
        },
      ],
      stop.signal,
    );
    // Waits for what it needs to see rather than sleeping a fixed time: a busy machine is slower, not wrong.
    let beats: { id: string }[] = [];
    await vi.waitFor(
      async () => {
        expect(ticks).toBeGreaterThan(3);
        expect(failures).toBeGreaterThan(3);
        beats = await db.workerHeartbeat.findMany({ where: { jobs: { has: "tick" } }, select: { id: true } });
        expect(beats).toHaveLength(1);
      },
      { timeout: 15_000, interval: 20 },
    );
    stop.abort();
    await running;
    expect(await db.workerHeartbeat.count({ where: { id: beats[0]!.id } })).toBe(0);
  });
});

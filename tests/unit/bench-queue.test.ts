import { describe, expect, it } from "vitest";
import {
  admissionOrderKeys,
  admissionRate,
  averageRanks,
  nullCorrelationSd,
  pearson,
  requestsPerFanMinute,
  spearman,
} from "@/scripts/bench/harness/queue-metrics";
import { SseParser } from "@/scripts/bench/harness/sse";
import { seededRandom } from "@/lib/queue/random";

describe("npm run bench, waiting room: rank correlation", () => {
  it("gives tied values the mean of the ranks they span", () => {
    expect(averageRanks([30, 10, 20, 10])).toEqual([4, 1.5, 3, 1.5]);
    expect(averageRanks([5, 5, 5])).toEqual([2, 2, 2]);
    expect(averageRanks([])).toEqual([]);
  });

  it("is 1 for the same order, -1 for the reverse, whatever the scale", () => {
    expect(spearman([1, 2, 3, 4], [10, 200, 3000, 40000])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [9, 7, 5, 1])).toBeCloseTo(-1, 12);
  });

  it("matches the textbook value with ties", () => {
    // Pearson's r of the average ranks [1, 2.5, 2.5, 4] and [1, 2, 3, 4].
    expect(spearman([1, 2, 2, 3], [1, 2, 3, 4])).toBeCloseTo(0.9486832980505138, 12);
  });

  it("is about 0 for a shuffled order (seeded), within a few standard deviations of chance", () => {
    const random = seededRandom(13);
    const n = 5_000;
    const arrival = Array.from({ length: n }, (_, i) => i);
    const admission = arrival.map(() => random());
    const r = spearman(arrival, admission);
    expect(Math.abs(r)).toBeLessThan(4 * nullCorrelationSd(n));
    expect(nullCorrelationSd(n)).toBeCloseTo(1 / Math.sqrt(4_999), 12);
  });

  it("is NaN without spread, and refuses lists of different lengths", () => {
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(pearson([1], [1])).toBeNaN();
    expect(() => pearson([1, 2], [1])).toThrow(/2 x values but 1 y values/);
  });
});

describe("npm run bench, waiting room: admission order and rates", () => {
  it("puts admitted fans by admission time (a tick's fans tie), then waiting fans by place, then the unseen", () => {
    const keys = admissionOrderKeys([
      { admittedAtMs: 2_000, position: null },
      { admittedAtMs: null, position: 2 },
      { admittedAtMs: 1_000, position: null },
      { admittedAtMs: null, position: null },
      { admittedAtMs: null, position: 1 },
      { admittedAtMs: 1_000, position: null },
    ]);
    expect(averageRanks(keys)).toEqual([3, 5, 1.5, 6, 4, 1.5]);
  });

  it("measures admissions over the ticks that admitted, counting the last tick's interval", () => {
    // 25 fans a tick on 4 ticks a second apart: 25 a second.
    const ticks = [0, 1_000, 2_000, 3_000].flatMap((t) => Array<number>(25).fill(t));
    expect(admissionRate(ticks, 1_000)).toBe(25);
    expect(admissionRate(Array<number>(25).fill(0), 1_000)).toBe(25);
    expect(admissionRate([], 1_000)).toBe(0);
  });

  it("counts requests per fan per minute of waiting", () => {
    // 3 requests in total from fans who waited 90 s between them: 2 a minute.
    expect(requestsPerFanMinute(3, 90_000)).toBe(2);
    expect(requestsPerFanMinute(3, 0)).toBeNaN();
  });
});

describe("npm run bench, waiting room: the event-stream parser", () => {
  it("yields named events, skips comments, keeps retry, and waits for the rest of a split line", () => {
    const parser = new SseParser();
    expect(parser.push('retry: 2500\n\n: still here\n\nevent: status\ndata: {"a"')).toEqual([]);
    expect(parser.retryMs).toBe(2500);
    expect(parser.push(":1}\n\ndata: one\r\ndata: two\r\n\r\n")).toEqual([
      { event: "status", data: '{"a":1}' },
      { event: "message", data: "one\ntwo" },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { partition, pickRandom } from "@/scripts/bench/harness/arena";
import { FanPool } from "@/scripts/bench/harness/fans";
import { packageOf, summarizeProfile } from "@/scripts/bench/harness/profile";
import { parseBenchOptions } from "@/scripts/bench/harness/options";
import { percentile, Recorder } from "@/scripts/bench/harness/stats";
import {
  formatCorrectness,
  formatMarkdownTable,
  formatMs,
  formatTable,
  type Correctness,
  type ResultRow,
} from "@/scripts/bench/harness/table";

describe("npm run bench: percentiles", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it("uses the nearest rank", () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([10, 20, 30], 50)).toBe(20);
    expect(percentile([10, 20, 30], 99)).toBe(30);
    expect(percentile([7], 1)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it("tallies outcomes and statuses per operation, in the order first seen", () => {
    const recorder = new Recorder();
    recorder.record("POST hold", { ms: 30, outcome: "ok", status: 201, bytes: 100 });
    recorder.record("DELETE hold", { ms: 5, outcome: "ok", status: 204 });
    recorder.record("POST hold", { ms: 10, outcome: "expected", status: 409, bytes: 50 });
    recorder.record("POST hold", { ms: 20, outcome: "unexpected", status: 500, bytes: 0 });
    const [hold, release] = recorder.summaries(2);
    expect(hold).toMatchObject({
      op: "POST hold",
      requests: 3,
      perSecond: 1.5,
      p50: 20,
      p99: 30,
      ok: 1,
      expected: 1,
      unexpected: 1,
      statuses: { 201: 1, 409: 1, 500: 1 },
      meanBytes: 50,
    });
    expect(release).toMatchObject({ op: "DELETE hold", requests: 1, perSecond: 0.5 });
  });
});

function row(overrides: Partial<ResultRow>): ResultRow {
  return {
    scenario: "health",
    op: "GET /api/health",
    store: "postgres",
    requests: 8_000,
    seconds: 10,
    perSecond: 800,
    p50: 9.684,
    p95: 15.8,
    p99: 204.4,
    ok: 8_000,
    expected: 0,
    unexpected: 0,
    statuses: { 200: 8_000 },
    meanBytes: 300,
    capped: false,
    healthRatio: 1,
    ...overrides,
  };
}

describe("npm run bench: the table", () => {
  it("formats latencies to about three significant digits", () => {
    expect([0.4249, 9.684, 15.84, 204.4, 3_210.2].map(formatMs)).toEqual(["0.42", "9.68", "15.8", "204", "3,210"]);
    expect(formatMs(Number.NaN)).toBe("-");
  });

  it("aligns text left and numbers right, marks capped runs and prints ratios to health", () => {
    const table = formatTable([
      row({}),
      row({
        scenario: "holds contended",
        op: "POST hold",
        requests: 512,
        perSecond: 51.2,
        ok: 50,
        expected: 460,
        unexpected: 2,
        capped: true,
        healthRatio: 0.064,
      }),
    ]);
    expect(table.split("\n")).toEqual([
      "scenario         operation        store     requests  per s  p50 ms  p95 ms  p99 ms    ok  expected  unexpected  x health",
      "health           GET /api/health  postgres     8,000    800    9.68    15.8     204  8000         0           0     1.00x",
      "holds contended  POST hold        postgres      512*   51.2    9.68    15.8     204    50       460           2    0.064x",
    ]);
  });

  it("writes the same rows as Markdown, escaping pipes", () => {
    const markdown = formatMarkdownTable([row({ op: "a|b" })]).split("\n");
    expect(markdown[1]).toBe("| --- | --- | --- | --: | --: | --: | --: | --: | --: | --: | --: | --: |");
    expect(markdown[2]).toBe("| health | a\\|b | postgres | 8,000 | 800 | 9.68 | 15.8 | 204 | 8000 | 0 | 0 | 1.00x |");
  });

  it("sums the correctness counts into one line", () => {
    const clean: Correctness = {
      oversold: { doubleSoldSeats: 0, ticketsOnUnsoldSeats: 0, typesOverCapacity: 0 },
      partialHolds: { answeredShort: 0, notHeldByStore: 0 },
      orphanPayments: { paidSessions: 0, succeededPayments: 0 },
      queue: { holdsWithoutAdmission: 0, admittedBeyondTickets: 0, admittedTwice: 0 },
    };
    expect(formatCorrectness(clean)).toMatch(
      /^Correctness OK: oversold seats 0 .*partial holds 0 .*orphan payments 0 .*waiting room 0 /,
    );
    const broken = { ...clean, partialHolds: { answeredShort: 1, notHeldByStore: 2 } };
    expect(formatCorrectness(broken)).toMatch(
      /^Correctness FAILED: .*partial holds 3 \(answeredShort 1, notHeldByStore 2\)/,
    );
    const unfair = { ...clean, queue: { holdsWithoutAdmission: 1, admittedBeyondTickets: 0, admittedTwice: 0 } };
    expect(formatCorrectness(unfair)).toMatch(/^Correctness FAILED: .*waiting room 1 \(holdsWithoutAdmission 1,/);
  });
});

describe("npm run bench: options", () => {
  it("has defaults for a full run", () => {
    expect(parseBenchOptions([])).toEqual({
      durationSeconds: 10,
      warmupSeconds: 2,
      only: ["health", "static", "page", "poll", "search", "holds", "contended", "checkout", "store", "queue"],
      stores: ["postgres", "redis"],
      skipBuild: false,
      fans: 2000,
      cpuProfile: false,
    });
    expect(parseBenchOptions(["--cpu-prof"])?.cpuProfile).toBe(true);
  });

  it("always keeps the health baseline and refuses what it does not know", () => {
    const options = parseBenchOptions([
      "--only",
      "holds,store",
      "--stores",
      "redis",
      "--duration",
      "3",
      "--skip-build",
    ]);
    expect(options).toMatchObject({
      only: ["health", "holds", "store"],
      stores: ["redis"],
      durationSeconds: 3,
      skipBuild: true,
    });
    expect(() => parseBenchOptions(["--only", "holdz"])).toThrow(/unknown holdz/);
    expect(() => parseBenchOptions(["--duration", "0"])).toThrow(/positive/);
    expect(() => parseBenchOptions(["--fans", "1.5"])).toThrow(/whole/);
    expect(() => parseBenchOptions(["--verbose"])).toThrow();
    expect(parseBenchOptions(["--help"])).toBeNull();
  });
});

describe("npm run bench: fans and seats", () => {
  const fans = ["a", "b", "c"].map((id) => ({ userId: id, token: `mq_${id}` }));

  it("keeps every fan under the hold rate limit within the window", () => {
    let now = 0;
    const pool = new FanPool(fans, { holdsPerWindow: 2, windowMs: 1_000, now: () => now });
    const taken = Array.from({ length: 7 }, () => pool.tryTake()?.userId ?? null);
    expect(taken).toEqual(["a", "b", "c", "a", "b", "c", null]);
    now = 1_000;
    expect(pool.tryTake()?.userId).toBe("a");
  });

  it("keeps every fan within the event's per-fan ticket limit", () => {
    const pool = new FanPool(fans.slice(0, 1));
    const order = { eventId: "e1", tickets: 2, perFanLimit: 8 };
    expect([1, 2, 3, 4, 5].map(() => pool.tryTake(order)?.userId ?? null)).toEqual(["a", "a", "a", "a", null]);
    expect(pool.tryTake({ ...order, eventId: "e2" })?.userId).toBe("a");
  });

  it("lets each fan release no more holds of an event than the server allows before a cool-down", () => {
    const pool = new FanPool(fans.slice(0, 1));
    const release = { releasesFor: "e1" };
    expect([1, 2, 3, 4].map(() => pool.tryTake(release)?.userId ?? null)).toEqual(["a", "a", "a", null]);
    expect(pool.tryTake({ releasesFor: "e2" })?.userId).toBe("a");
  });

  it("splits seats into disjoint slices and picks distinct ones", () => {
    const seats = Array.from({ length: 10 }, (_, i) => `s${i}`);
    const slices = partition(seats, 3);
    expect(slices.map((s) => s.length)).toEqual([4, 3, 3]);
    expect(slices.flat().sort()).toEqual([...seats].sort());
    const picked = pickRandom(seats, 4);
    expect(new Set(picked).size).toBe(4);
    expect(pickRandom(["x"], 2)).toEqual(["x"]);
  });
});

describe("npm run bench: CPU profile summary", () => {
  const frame = (id: number, functionName: string, url: string) => ({
    id,
    callFrame: { functionName, url, lineNumber: 9 },
  });
  const profile = {
    nodes: [
      frame(1, "(idle)", ""),
      frame(2, "serialize", "file:///app/node_modules/next/dist/server/render.js"),
      frame(3, "compile", "file:///app/node_modules/@prisma/client/runtime/client.js"),
      frame(4, "(garbage collector)", ""),
      frame(5, "holdRoute", "file:///app/.next/server/chunks/ssr/holds.js"),
      frame(6, "parse", "node:internal/url"),
    ],
    // Sample i took timeDeltas[i] microseconds in node samples[i].
    samples: [1, 2, 2, 3, 3, 3, 4, 5, 6, 1],
    timeDeltas: [50_000, 1_000, 1_000, 2_000, 2_000, 2_000, 1_000, 500, 500, 50_000],
  };

  it("counts self time by package without idle, and names the busiest functions", () => {
    const summary = summarizeProfile(profile, 2);
    expect(summary.busyMs).toBeCloseTo(10);
    expect(summary.byPackage.map((p) => [p.name, p.ms])).toEqual([
      ["@prisma", 6],
      ["next", 2],
      ["(garbage collector)", 1],
      ["app bundle (.next/server)", 0.5],
      ["node", 0.5],
    ]);
    expect(summary.topFunctions.map((f) => [f.name, f.share])).toEqual([
      ["compile", 0.6],
      ["serialize", 0.2],
    ]);
    expect(packageOf({ functionName: "x", url: "file:///a/node_modules/@scope/pkg/i.js", lineNumber: 0 })).toBe(
      "@scope/pkg",
    );
  });
});

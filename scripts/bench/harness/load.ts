// The load loop: N workers repeat a scenario's iteration, first for the warm-up (discarded), then for the
// measured time, each phase bounded by its duration and an optional iteration cap.
import { performance } from "node:perf_hooks";
import type { HttpClient, HttpResult } from "./http";
import { Recorder, type OpSummary, type Outcome } from "./stats";

export type Classify = (result: HttpResult) => Outcome;

/** 2xx (and 304 Not Modified) are successes; everything else is unexpected unless a scenario says otherwise. */
export const successOnly: Classify = (r) =>
  (r.status >= 200 && r.status < 300) || r.status === 304 ? "ok" : "unexpected";

let reported = 0;
let aborted = false;

/** Ends every running loop after its current iteration (Ctrl-C). */
export function abortLoad() {
  aborted = true;
}

export function loadAborted() {
  return aborted;
}

/** The first 5 unexpected answers of each scenario are printed. */
export function resetUnexpectedReports() {
  reported = 0;
}

/** Sends one request and records it under `op`; the first unexpected answers are printed to help whoever reads the run. */
export async function timed(
  client: HttpClient,
  recorder: Recorder,
  op: string,
  method: string,
  path: string,
  options: Parameters<HttpClient["request"]>[2] & { classify?: Classify } = {},
): Promise<HttpResult> {
  const result = await client.request(method, path, options);
  const outcome = (options.classify ?? successOnly)(result);
  recorder.record(op, { ms: result.ms, outcome, status: result.status, bytes: result.body.length });
  if (outcome === "unexpected" && reported++ < 5) {
    const type = String(result.headers["content-type"] ?? "");
    const detail =
      result.error ??
      (type.includes("json")
        ? result.body.toString("utf8").slice(0, 300)
        : `${type || "no content type"}, ${result.body.length} bytes`);
    console.warn(`\n    unexpected: ${method} ${path} → ${result.status} ${detail}`);
  }
  return result;
}

export type Iteration = (worker: number, recorder: Recorder) => Promise<void>;

export type PhaseResult = { ops: OpSummary[]; seconds: number; iterations: number; capped: boolean };

export async function runPhase(options: {
  workers: number;
  durationMs: number;
  maxIterations?: number;
  iteration: Iteration;
}): Promise<PhaseResult> {
  const recorder = new Recorder();
  const started = performance.now();
  const deadline = started + options.durationMs;
  const max = options.maxIterations ?? Number.POSITIVE_INFINITY;
  let iterations = 0;
  const worker = async (id: number) => {
    while (!aborted && performance.now() < deadline && iterations < max) {
      iterations++;
      await options.iteration(id, recorder);
    }
  };
  await Promise.all(Array.from({ length: options.workers }, (_, id) => worker(id)));
  const seconds = (performance.now() - started) / 1_000;
  return { ops: recorder.summaries(seconds), seconds, iterations, capped: iterations >= max };
}

/** Warm-up (same loop, results dropped), then the measured phase. */
export async function runLoad(options: {
  workers: number;
  warmupMs: number;
  durationMs: number;
  maxIterations?: number;
  warmupIterations?: number;
  iteration: Iteration;
}): Promise<PhaseResult> {
  if (options.warmupMs > 0) {
    await runPhase({
      workers: options.workers,
      durationMs: options.warmupMs,
      maxIterations: options.warmupIterations,
      iteration: options.iteration,
    });
  }
  return runPhase(options);
}

// A minimal Server-Sent Events client on node:http, behaving as a browser's EventSource does for what the queue
// page relies on: events by name, `retry:`, comments ignored, reconnection is the caller's (see scenarios/queue.ts).
import http from "node:http";
import { performance } from "node:perf_hooks";

export type SseEvent = { event: string; data: string };

/** The event-stream format (text/event-stream), fed in chunks: complete events come out, partial lines wait. */
export class SseParser {
  private buffer = "";
  private event = "";
  private data: string[] = [];
  /** The last `retry:` the server sent, in ms. */
  retryMs: number | null = null;

  push(chunk: string): SseEvent[] {
    this.buffer += chunk;
    const out: SseEvent[] = [];
    let newline: number;
    while ((newline = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + (this.buffer.startsWith("\r\n", newline) ? 2 : 1));
      if (line === "") {
        if (this.data.length) out.push({ event: this.event || "message", data: this.data.join("\n") });
        this.event = "";
        this.data = [];
        continue;
      }
      if (line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") this.event = value;
      else if (field === "data") this.data.push(value);
      else if (field === "retry" && /^\d+$/.test(value)) this.retryMs = Number(value);
    }
    return out;
  }
}

export type StreamHandle = {
  /** Settles when the answer's head arrives (status 0: no answer), with the time it took. */
  connected: Promise<{ status: number; ms: number; body?: string }>;
  /** Settles when the stream ends: the server closed it, the connection failed, or close() was called. */
  ended: Promise<void>;
  retryMs(): number | null;
  close(): void;
};

/** GETs `path` as an event stream; `onEvent` gets each event as it arrives. */
export function openEventStream(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
  agent: http.Agent,
  onEvent: (event: SseEvent) => void,
): StreamHandle {
  const parser = new SseParser();
  const started = performance.now();
  let settleConnected!: (value: { status: number; ms: number; body?: string }) => void;
  let settleEnded!: () => void;
  const connected = new Promise<{ status: number; ms: number; body?: string }>((r) => (settleConnected = r));
  const ended = new Promise<void>((r) => (settleEnded = r));
  let answered = false;
  const req = http.request(
    new URL(path, baseUrl),
    { method: "GET", headers: { ...headers, accept: "text/event-stream" }, agent },
    (res) => {
      answered = true;
      res.setEncoding("utf8");
      if (res.statusCode !== 200) {
        // EventSource gives up on anything but 200; the body says why, for the report.
        let body = "";
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => {
          settleConnected({ status: res.statusCode ?? 0, ms: performance.now() - started, body });
          settleEnded();
        });
        res.on("error", () => settleEnded());
        return;
      }
      settleConnected({ status: 200, ms: performance.now() - started });
      res.on("data", (chunk: string) => parser.push(chunk).forEach(onEvent));
      res.on("end", () => settleEnded());
      res.on("close", () => settleEnded());
      res.on("error", () => settleEnded());
    },
  );
  req.on("error", () => {
    if (!answered) settleConnected({ status: 0, ms: performance.now() - started });
    settleEnded();
  });
  req.end();
  return { connected, ended, retryMs: () => parser.retryMs, close: () => req.destroy() };
}

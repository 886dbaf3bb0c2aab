// A small HTTP client on node:http with a keep-alive Agent: one per scenario, as many sockets as connections.
import http from "node:http";
import { performance } from "node:perf_hooks";

export type HttpResult = {
  /** 0 when the request failed without an answer (refused, reset, timed out). */
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  ms: number;
  error?: string;
};

export type RequestOptions = { headers?: Record<string, string>; json?: unknown; timeoutMs?: number };

export class HttpClient {
  private readonly agent: http.Agent;

  constructor(
    readonly baseUrl: string,
    connections: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  }

  /** Never throws: a failed request comes back with status 0 and `error`. */
  request(method: string, path: string, options: RequestOptions = {}): Promise<HttpResult> {
    const body = options.json === undefined ? undefined : Buffer.from(JSON.stringify(options.json));
    const headers: Record<string, string> = { ...options.headers };
    if (body) {
      headers["content-type"] = "application/json";
      headers["content-length"] = String(body.length);
    }
    const started = performance.now();
    return new Promise((resolve) => {
      const done = (result: Omit<HttpResult, "ms">) => resolve({ ...result, ms: performance.now() - started });
      const req = http.request(new URL(path, this.baseUrl), { method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on("error", (error) => done({ status: 0, headers: {}, body: Buffer.alloc(0), error: error.message }));
      });
      req.setTimeout(options.timeoutMs ?? 30_000, () => req.destroy(new Error("timed out")));
      req.on("error", (error) => done({ status: 0, headers: {}, body: Buffer.alloc(0), error: error.message }));
      req.end(body);
    });
  }

  close() {
    this.agent.destroy();
  }
}

export function jsonOf<T>(result: HttpResult): T | null {
  try {
    return JSON.parse(result.body.toString("utf8")) as T;
  } catch {
    return null;
  }
}

/** The `error.code` of a Marquee error body, if any. */
export function errorCode(result: HttpResult): string | null {
  return jsonOf<{ error?: { code?: string } }>(result)?.error?.code ?? null;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

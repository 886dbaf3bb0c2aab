import http, { type IncomingHttpHeaders, type ServerResponse } from "node:http";
import { freePort } from "./services";

// The loopback HTTP server under the fake Stripe and the fake Typesense: it
// records every request in the fake's own shape and answers from the routes
// registered on it.

/** A request as it arrived, for a fake to record in its own shape. */
export type IncomingRequest = {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** The body's bytes, for fakes of services that take binary bodies (object stores). */
  body: Buffer;
};

export type RouteHandler<Req, Res> = (request: Req, match: RegExpMatchArray) => Res;

export type RecordingServerOptions<Req, Res> = {
  record(incoming: IncomingRequest): Req;
  /** Asked before the routes; an answer here is sent instead of theirs (e.g. for a refused API key). */
  guard?(request: Req): Res | undefined;
  /** The answer when no route matches. */
  fallback(request: Req): Res;
  /** Writes the answer; `number` counts requests from 1, this one included. */
  send(res: ServerResponse, response: Res, number: number): void;
};

export type RecordingServer<Req, Res> = {
  port: number;
  requests: Req[];
  /** Answers `method` requests whose path matches; the latest registration wins. */
  route(method: string, pathPattern: string | RegExp, handler: RouteHandler<Req, Res>): void;
  close(): Promise<void>;
};

/** Starts on a free loopback port. */
export async function startRecordingServer<Req extends { method: string; path: string }, Res>(
  options: RecordingServerOptions<Req, Res>,
): Promise<RecordingServer<Req, Res>> {
  const requests: Req[] = [];
  const routes: { method: string; pattern: RegExp; handler: RouteHandler<Req, Res> }[] = [];

  const answer = (request: Req): Res => {
    const guarded = options.guard?.(request);
    if (guarded !== undefined) return guarded;
    for (const route of routes.toReversed()) {
      const match = route.method === request.method ? request.path.match(route.pattern) : null;
      if (match) return route.handler(request, match);
    }
    return options.fallback(request);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const recorded = options.record({
        method: req.method ?? "GET",
        url: new URL(req.url ?? "/", "http://127.0.0.1"),
        headers: req.headers,
        rawBody: Buffer.concat(chunks).toString("utf8"),
        body: Buffer.concat(chunks),
      });
      requests.push(recorded);
      options.send(res, answer(recorded), requests.length);
    });
  });

  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });

  return {
    port,
    requests,
    route(method, pathPattern, handler) {
      const pattern =
        typeof pathPattern === "string"
          ? new RegExp(`^${pathPattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`)
          : pathPattern;
      routes.push({ method: method.toUpperCase(), pattern, handler });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // The SDKs keep connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

// Read-only scenarios at 20 connections: the health baseline, a static file, the arena page, the seat poll, search.
import { HttpClient } from "../harness/http";
import { runLoad, timed } from "../harness/load";
import type { RunContext, Scenario } from "./types";

export const READ_CONNECTIONS = 20;

/** Small fixed search mix on the demo catalogue: full names, one word, prefixes, a typo, filters without text. */
export const SEARCH_QUERIES: Record<string, string>[] = [
  { q: "Velvet Comets" },
  { q: "Luna Marquez" },
  { q: "hamlet" },
  { q: "juni" },
  { q: "circ" },
  { q: "comtes" },
  { q: "orchestra", city: "Chicago" },
  { category: "concert", when: "month" },
  { near: "40.71,-74.01", radiusKm: "25" },
];

async function getLoop(ctx: RunContext, op: string, paths: string[], options: { conditional?: boolean } = {}) {
  const client = new HttpClient(ctx.baseUrl, READ_CONNECTIONS);
  // A poller keeps the ETag it was given and sends it back, as a browser's cache would (304 counts as a success).
  const etags = new Map<number, string>();
  let next = 0;
  try {
    return await runLoad({
      workers: READ_CONNECTIONS,
      warmupMs: ctx.warmupMs,
      durationMs: ctx.durationMs,
      iteration: async (worker, recorder) => {
        const path = paths[next++ % paths.length]!;
        const etag = options.conditional ? etags.get(worker) : undefined;
        const result = await timed(client, recorder, op, "GET", path, {
          headers: etag ? { "if-none-match": etag } : {},
        });
        const given = result.headers.etag;
        if (options.conditional && typeof given === "string") etags.set(worker, given);
      },
    });
  } finally {
    client.close();
  }
}

export const health: Scenario = {
  name: "health",
  title: "health",
  stores: "each",
  run: (ctx) => getLoop(ctx, "GET /api/health", ["/api/health"]),
};

export const staticFile: Scenario = {
  name: "static",
  title: "static",
  stores: "first",
  run: (ctx) => getLoop(ctx, "GET /_next/static/…", [ctx.staticAsset]),
};

export const eventPage: Scenario = {
  name: "page",
  title: "arena page",
  stores: "each",
  run: (ctx) => getLoop(ctx, "GET /events/{slug}", [`/events/${ctx.arena[0].slug}`]),
};

export const seatPoll: Scenario = {
  name: "poll",
  title: "seat poll",
  stores: "each",
  run: (ctx) =>
    getLoop(ctx, "GET seats?statusOnly=1", [`/api/v1/events/${ctx.arena[0].id}/seats?statusOnly=1`], {
      conditional: true,
    }),
};

export const search: Scenario = {
  name: "search",
  title: "search",
  stores: "first",
  run: (ctx) =>
    getLoop(
      ctx,
      `GET /api/v1/events?… (${SEARCH_QUERIES.length} queries)`,
      SEARCH_QUERIES.map((q) => `/api/v1/events?${new URLSearchParams(q)}`),
    ),
};

import "server-only";
import { AppError } from "@/lib/errors";
import { lobbyViewUntilOpen, sharedReads } from "./lobby-watch";
import type { Random } from "./random";
import { secureRandom } from "./random";
import {
  queuedEvent,
  queueStatus,
  readLineSnapshot,
  viewFromSnapshot,
  type LineSnapshot,
  type QueueDeps,
  type QueueView,
} from "./waiting-room";

/** A connection is closed after this long; the browser's EventSource dials again (spreading load over instances). */
const CONNECTION_MS = 120_000;
const HEARTBEAT_MS = 15_000;
/** How often a lobby stream looks at the event (the process reads it once for all of them, at most this often). */
const LOBBY_CHECK_MS = 1_000;
/** When the sale opens, the lobby's first reads of their places are spread over this long, not all in one second. */
const OPENING_SPREAD_MS = 10_000;

const lobbyEvents = sharedReads<Awaited<ReturnType<typeof queuedEvent>>>(LOBBY_CHECK_MS);
/** How old the line a waiting fan's stream reads its place from may be (one read of it per process this often). */
const LINE_READ_MS = 1_000;
const lines = sharedReads<LineSnapshot>(LINE_READ_MS);

/**
 * How long until a waiting fan's status is worth looking at again: every
 * second in the lobby (the event's on-sale moment, a shared read), then often
 * near the front of the line and rarely far back (a tenth of the ETA, 1–15 s;
 * 5 s while the rate is unknown), jittered ±20 % so fans who joined together
 * do not look together, and never longer than the heartbeat.
 */
function nextCheckMs(view: QueueView, random: Random): number {
  const base = view.lobby
    ? LOBBY_CHECK_MS
    : view.etaSeconds === null
      ? 5_000
      : Math.min(15_000, Math.max(1_000, view.etaSeconds * 100));
  return Math.min(HEARTBEAT_MS, Math.round(base * (0.8 + 0.4 * random())));
}

/**
 * A fan's view as a stream reads it: their place in the event's line as this process last read it (once a
 * second for all the event's streams), or, for a fan no longer in it (admitted, turn lapsed) or not in it yet,
 * their own entry (NOT_FOUND when they never joined): a read once, since that status ends the stream. Also the
 * stream's first answer on every (re)connection, so thousands of EventSources dialling again after the server
 * closed them cost no read each.
 */
export async function placeInLine(deps: QueueDeps, options: { eventId: string; userId: string }): Promise<QueueView> {
  const snapshot = await lines(options.eventId, () => readLineSnapshot(deps, options.eventId));
  return viewFromSnapshot(deps, { snapshot, userId: options.userId, now: deps.clock() }) ?? queueStatus(deps, options);
}

/** Statuses after which nothing changes without the fan acting (joining again, holding). */
export const isFinal = (view: QueueView) => view.status !== "WAITING";

/** The view as the stream sends it: tokens travel only in GET /queue's answer (which also sets the cookie). */
function publicView(view: QueueView): Omit<QueueView, "admissionToken"> {
  const { admissionToken: _token, ...rest } = view;
  return rest;
}

/** Waits `ms`, or until `signal` aborts; the abort listener goes with the wait (a stream sleeps hundreds of times). */
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", wake);
      resolve();
    };
    const timer = setTimeout(wake, ms);
    signal.addEventListener("abort", wake, { once: true });
  });

/**
 * Server-Sent Events for one fan's place: a `status` event whenever it
 * changes, looked up at the pace nextCheckMs sets (one connection per fan) in
 * the event's line as the process last read it (once a second for all the
 * event's streams), a comment every 15 s to keep
 * proxies from closing an idle connection, and the end of the stream once the
 * status is final. In the lobby the stream watches the event's on-sale moment
 * instead (a read shared by the process's streams, every second), and reads
 * the fan's place once the sale has opened, at a random moment of the next 10 s.
 */
export function queueEventStream(
  deps: QueueDeps,
  options: { eventId: string; userId: string; first: QueueView; signal: AbortSignal },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const stop = new AbortController();
  options.signal.addEventListener("abort", () => stop.abort(), { once: true });
  return new ReadableStream({
    async start(controller) {
      const send = (text: string) => controller.enqueue(encoder.encode(text));
      const started = Date.now();
      let view = options.first;
      let sent = "";
      let quietSince = Date.now();
      const readNext = async (current: QueueView, random: Random): Promise<QueueView | null> => {
        if (current.lobby) {
          // Nothing about a lobby place changes before the sale opens: watch the event (one shared read), not the place.
          const event = await lobbyEvents(options.eventId, () => queuedEvent(deps.db, options.eventId, deps.clock()));
          const still = lobbyViewUntilOpen(current, event, deps.clock());
          if (still) return still;
          await sleep(Math.round(OPENING_SPREAD_MS * random()), stop.signal);
          if (stop.signal.aborted) return null;
        }
        return placeInLine(deps, options);
      };
      // A reconnecting browser waits 2–4 s, so a restart of every instance is not met by every fan at once.
      send(`retry: ${2_000 + Math.round(2_000 * (deps.random ?? secureRandom)())}\n\n`);
      try {
        while (!stop.signal.aborted) {
          const data = JSON.stringify(publicView(view));
          if (data !== sent) {
            send(`event: status\ndata: ${data}\n\n`);
            sent = data;
            quietSince = Date.now();
          } else if (Date.now() - quietSince >= HEARTBEAT_MS) {
            send(": still here\n\n");
            quietSince = Date.now();
          }
          if (isFinal(view) || Date.now() - started >= CONNECTION_MS) break;
          const random = deps.random ?? secureRandom;
          await sleep(nextCheckMs(view, random), stop.signal);
          if (stop.signal.aborted) break;
          let next: QueueView | null = null;
          try {
            next = await readNext(view, random);
          } catch (error) {
            // A refusal (event cancelled, room switched off) ends the stream. A failed read (a saturated database
            // pool) is tried again at the next pace: a reconnection would cost a sign-in, a rate-limit check and a
            // read more, and a browser's EventSource gives up on a stream whose first answer is an error.
            if (error instanceof AppError) throw error;
          }
          if (next) view = next;
        }
      } catch {
        // The fan's EventSource reconnects; the next connection starts from a fresh read.
      }
      try {
        controller.close();
      } catch {
        // Already closed by the browser going away.
      }
    },
    cancel() {
      stop.abort();
    },
  });
}

"use client";

import { useEffect, useState } from "react";
import type { QueueView } from "@/lib/queue/waiting-room";

/** Where a refusal sends the fan to put it right (confirming their address), when there is such a place. */
export type QueueFix = { href: string; label: string };

export type QueueState =
  | { kind: "loading" }
  | { kind: "error"; message: string; fix?: QueueFix }
  | { kind: "view"; view: QueueView; firstPosition: number | null };

class QueueRefusal extends Error {
  constructor(
    message: string,
    readonly fix?: QueueFix,
  ) {
    super(message);
  }
}

const errorState = (error: unknown): QueueState => ({
  kind: "error",
  message: error instanceof Error ? error.message : String(error),
  ...(error instanceof QueueRefusal && error.fix ? { fix: error.fix } : {}),
});

const api = (eventId: string) => `/api/v1/events/${encodeURIComponent(eventId)}/queue`;

async function request(eventId: string, method: "GET" | "POST"): Promise<Response> {
  return fetch(api(eventId), { method, credentials: "same-origin", headers: { accept: "application/json" } });
}

async function readView(response: Response): Promise<QueueView> {
  const body = (await response.json().catch(() => null)) as
    QueueView | { error?: { message?: string; details?: { settingsUrl?: unknown } } } | null;
  if (!response.ok || !body || !("status" in body)) {
    const error = body && "error" in body ? body.error : undefined;
    const settingsUrl = error?.details?.settingsUrl;
    throw new QueueRefusal(
      error?.message ?? "We couldn't reach the waiting room. Reload to try again.",
      typeof settingsUrl === "string" && settingsUrl.startsWith("/")
        ? { href: settingsUrl, label: "Confirm your e-mail address" }
        : undefined,
    );
  }
  return body;
}

/** The first place the fan saw after the sale opened, kept across reloads and tabs: where their progress starts. */
function firstPosition(eventId: string, position: number | null): number | null {
  if (position === null) return null;
  const key = `marquee-queue-start-${eventId}`;
  const stored = Number(window.localStorage.getItem(key));
  const first = stored >= position ? stored : position;
  window.localStorage.setItem(key, String(first));
  return first;
}

/**
 * Follows the fan's place over Server-Sent Events with one connection per fan, not per tab: the tab
 * holding the event's Web Lock keeps the stream and passes each reading to the fan's other tabs on a
 * BroadcastChannel; when it closes, the lock passes to another tab, which opens the stream. Browsers
 * without either API stream in every tab. Returns what stops following.
 */
function followPlace(eventId: string, onStatus: (view: QueueView) => void): () => void {
  const name = `marquee-queue-${eventId}`;
  const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(name);
  const abort = new AbortController();
  let source: EventSource | null = null;
  let release = () => {};
  if (channel) channel.onmessage = (event: MessageEvent<QueueView>) => onStatus(event.data);

  const stream = () =>
    new Promise<void>((resolve) => {
      release = resolve;
      if (abort.signal.aborted) return resolve();
      const open = () => {
        source = new EventSource(`${api(eventId)}/stream`);
        source.addEventListener("status", (event) => {
          const view = JSON.parse((event as MessageEvent<string>).data) as QueueView;
          channel?.postMessage(view);
          onStatus(view);
        });
        // EventSource retries a dropped connection itself, but gives up on one answered with an error (a
        // restarting or overloaded instance): dial again after a few seconds rather than leave the place stale.
        source.addEventListener("error", () => {
          if (source?.readyState !== EventSource.CLOSED) return;
          setTimeout(() => abort.signal.aborted || open(), 3_000 + Math.random() * 3_000);
        });
      };
      open();
    });

  if (channel && typeof navigator !== "undefined" && navigator.locks) {
    navigator.locks.request(name, { signal: abort.signal }, stream).catch(() => {});
  } else {
    void stream();
  }
  return () => {
    abort.abort();
    source?.close();
    release();
    channel?.close();
  };
}

/** The fan's place: read (joining if they have not yet), then followed while they wait. */
export function useQueueStatus(eventId: string) {
  const [state, setState] = useState<QueueState>({ kind: "loading" });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let stopFollowing: (() => void) | null = null;
    let cancelled = false;
    const show = (view: QueueView) =>
      !cancelled && setState({ kind: "view", view, firstPosition: firstPosition(eventId, view.position) });
    const fail = (error: unknown) => !cancelled && setState(errorState(error));

    async function start() {
      // A reload or a second tab finds the place it already has; only a fan not in line yet joins.
      let response = await request(eventId, "GET");
      if (response.status === 404) response = await request(eventId, "POST");
      const view = await readView(response);
      show(view);
      if (view.status !== "WAITING" || cancelled) return;
      stopFollowing = followPlace(eventId, (next) => {
        if (cancelled) return;
        if (next.status === "WAITING") return show(next);
        stopFollowing?.();
        // The token (and the hold endpoint's cookie) come with GET /queue's answer only.
        request(eventId, "GET").then(readView).then(show).catch(fail);
      });
    }
    start().catch(fail);
    return () => {
      cancelled = true;
      stopFollowing?.();
    };
  }, [eventId, generation]);

  /** Back of the line after a turn passed or was spent. */
  async function joinAgain() {
    setState({ kind: "loading" });
    try {
      await readView(await request(eventId, "POST"));
      setGeneration((g) => g + 1);
    } catch (error) {
      setState(errorState(error));
    }
  }

  return { state, joinAgain };
}

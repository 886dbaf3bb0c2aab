"use client";

import { useEffect, useState } from "react";
import type { GeometrySeat } from "@/lib/events/seat-geometry-format";
import { fetchSeatGeometry } from "./panel-api";

export type GeometryState =
  { status: "loading" } | { status: "ready"; seats: readonly GeometrySeat[] } | { status: "failed" };

/** Loads a seat map's geometry once per URL; `retry` tries again after a failure. */
export function useSeatGeometry(url: string) {
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ key: string; state: GeometryState } | null>(null);
  const key = `${attempt}:${url}`;

  useEffect(() => {
    const controller = new AbortController();
    fetchSeatGeometry(url, controller.signal)
      .then((seats) => setResult({ key, state: seats ? { status: "ready", seats } : { status: "failed" } }))
      .catch(() => {
        if (!controller.signal.aborted) setResult({ key, state: { status: "failed" } });
      });
    return () => controller.abort();
  }, [key, url]);

  const state: GeometryState = result?.key === key ? result.state : { status: "loading" };
  return { state, retry: () => setAttempt((n) => n + 1) };
}

"use client";

import { useCallback, useEffect, useEffectEvent, useMemo, useState } from "react";
import { heldWords } from "@/components/checkout/held-words";
import { fetchMyHolds, type MyHold } from "./my-holds-api";

type Read = { eventId: string; now: string; receivedAt: number; holds: readonly MyHold[] };

const NONE: readonly MyHold[] = [];
const NO_IDS: readonly string[] = [];

/**
 * The signed-in fan's live holds for this event (none for anyone else), read when the panel
 * knows the event, again when the tab comes back into view, when a hold runs out and after
 * a release. `notice` says what just ended: released here, or run out (or paid elsewhere).
 */
export function useMyHolds(eventId: string | null) {
  const [read, setRead] = useState<Read | null>(null);
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [releasedIds, setReleasedIds] = useState<ReadonlySet<string>>(new Set());
  const refresh = useCallback(() => setVersion((n) => n + 1), []);

  const receive = useEffectEvent((next: Read) => {
    const gone = (read?.eventId === next.eventId ? read.holds : NONE).filter(
      (hold) => !releasedIds.has(hold.holdId) && !next.holds.some((h) => h.holdId === hold.holdId),
    );
    if (gone.length) {
      const words = heldWords(gone.flatMap((hold) => hold.items));
      setNotice(`Your hold on ${words.text} has ended, so ${words.count === 1 ? "it is" : "they are"} back on sale.`);
    }
    setRead(next);
  });

  useEffect(() => {
    if (!eventId) return;
    const controller = new AbortController();
    fetchMyHolds(eventId, controller.signal)
      .then((answer) =>
        receive({
          eventId,
          now: answer?.now ?? new Date().toISOString(),
          receivedAt: Date.now(),
          holds: answer?.holds ?? NONE,
        }),
      )
      .catch(() => {
        // Offline or aborted: keep what is shown; the next read catches up.
      });
    return () => controller.abort();
  }, [eventId, version]);

  useEffect(() => {
    const onVisibilityChange = () => document.hidden || refresh();
    document.addEventListener("visibilitychange", onVisibilityChange);
    return () => document.removeEventListener("visibilitychange", onVisibilityChange);
  }, [refresh]);

  // Read again just after the soonest hold runs out by the server's clock, so it leaves the banner and the map.
  const current = read && read.eventId === eventId ? read : null;
  useEffect(() => {
    const soonest = current?.holds[0];
    if (!current || !soonest) return;
    const left = new Date(soonest.expiresAt).getTime() - new Date(current.now).getTime();
    const wait = left - (Date.now() - current.receivedAt) + 1_000;
    const timer = window.setTimeout(refresh, Math.max(1_000, wait));
    return () => window.clearTimeout(timer);
  }, [current, refresh]);

  /** After the release dialog: say so, and read again so the seats stop showing as theirs. */
  const released = useCallback(
    (hold: MyHold) => {
      const words = heldWords(hold.items);
      setReleasedIds((ids) => new Set([...ids, hold.holdId]));
      setNotice(`Released. Your ${words.text} ${words.verb} back on sale.`);
      refresh();
    },
    [refresh],
  );

  const holds = current?.holds ?? NONE;
  // One array per read, so the seat map re-draws only when what the fan holds changes.
  const heldSeatIds = useMemo(() => (holds.length ? holds.flatMap((hold) => hold.seatIds) : NO_IDS), [holds]);
  return { holds, serverNow: current?.now ?? null, heldSeatIds, notice, released };
}

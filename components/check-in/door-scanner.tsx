"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { CameraScanner } from "./camera-scanner";
import { sendScan, sendUndo } from "./door-api";
import { signal, unlockSound, type Tone } from "./feedback";
import { deviceName, loadQueue, randomId, saveQueue } from "./scan-queue";
import { describe, ScanResult, type Shown } from "./scan-result";
import type { Answer, Scan, Stats } from "./types";
import { useDoorStats } from "./use-door-stats";

/** How often scans waiting in the queue are sent again while the device believes it is online. */
const RETRY_QUEUE_MS = 5_000;

const SYNCED_COLOURS: Partial<Record<Tone, string>> = { VALID: "text-green-800", ALREADY_CHECKED_IN: "text-amber-800" };

type Undoable = { kind: "check-in"; code: string } | { kind: "queued"; scanId: string; code: string };
type Synced = { scanId: string; code: string; title: string; tone: Tone };

/**
 * The door: camera and typed codes in, a big answer out, arrivals against sold kept live. Scans that cannot
 * reach the server wait in a local queue and are sent when the network returns, each with the time it was
 * made, so the server can let the earliest scan of a ticket win.
 */
export function DoorScanner({ eventId, initialStats }: { eventId: string; initialStats: Stats }) {
  const [deviceId, setDeviceId] = useState<string | null>(null);
  const [queue, setQueue] = useState<Scan[]>([]);
  const [shown, setShown] = useState<Shown | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [undoable, setUndoable] = useState<Undoable | null>(null);
  const [synced, setSynced] = useState<Synced[]>([]);
  const [online, setOnline] = useState(true);
  const [busy, setBusy] = useState(false);
  const [typed, setTyped] = useState("");
  const { stats, fresh, refresh } = useDoorStats(eventId, initialStats);
  const queueRef = useRef<Scan[]>([]);
  const syncing = useRef(false);

  const updateQueue = useCallback(
    (change: (queue: Scan[]) => Scan[]) => {
      queueRef.current = change(queueRef.current);
      saveQueue(eventId, queueRef.current);
      setQueue(queueRef.current);
    },
    [eventId],
  );

  // What only the browser knows: this device's name, the scans it kept, whether it is online.
  useEffect(() => {
    queueRef.current = loadQueue(eventId);
    setQueue(queueRef.current);
    setDeviceId(deviceName());
    setOnline(navigator.onLine);
  }, [eventId]);

  const show = useCallback((next: Shown, tone: Tone) => {
    const { title, lines } = describe(next);
    setShown(next);
    // A trailing no-break space toggles so that the same answer twice is announced twice.
    setAnnouncement((previous) => `${title}. ${lines.join(". ")}${previous.endsWith("\u00a0") ? "" : "\u00a0"}`);
    signal(tone);
  }, []);

  const showAnswer = useCallback(
    (answer: Answer) => {
      show({ kind: "answer", answer }, answer.result);
      setUndoable(answer.result === "VALID" ? { kind: "check-in", code: answer.ticket.code } : null);
    },
    [show],
  );

  const enqueue = useCallback(
    (scan: Scan) => {
      updateQueue((q) => [...q, scan]);
      show({ kind: "queued", code: scan.code }, "QUEUED");
      setUndoable({ kind: "queued", scanId: scan.scanId, code: scan.code });
    },
    [show, updateQueue],
  );

  const syncQueue = useCallback(async () => {
    if (syncing.current || !deviceId || !navigator.onLine) return;
    syncing.current = true;
    try {
      for (const scan of [...queueRef.current]) {
        const sent = await sendScan(eventId, deviceId, scan, { queued: true });
        if (sent.kind === "unreachable") break;
        updateQueue((q) => q.filter((s) => s.scanId !== scan.scanId));
        const outcome: Synced =
          sent.kind === "answer"
            ? { ...scan, title: describe({ kind: "answer", answer: sent.value }).title, tone: sent.value.result }
            : { ...scan, title: sent.message, tone: "ERROR" };
        setSynced((list) => [outcome, ...list].slice(0, 8));
      }
    } finally {
      syncing.current = false;
    }
    refresh();
  }, [deviceId, eventId, refresh, updateQueue]);

  useEffect(() => {
    const up = () => {
      setOnline(true);
      void syncQueue();
    };
    const down = () => setOnline(false);
    window.addEventListener("online", up);
    window.addEventListener("offline", down);
    return () => {
      window.removeEventListener("online", up);
      window.removeEventListener("offline", down);
    };
  }, [syncQueue]);

  const waiting = queue.length > 0;
  useEffect(() => {
    if (!waiting) return;
    void syncQueue();
    const timer = setInterval(() => void syncQueue(), RETRY_QUEUE_MS);
    return () => clearInterval(timer);
  }, [waiting, syncQueue]);

  const scan = useCallback(
    async (raw: string) => {
      const code = raw.trim();
      if (!code || !deviceId) return;
      unlockSound();
      const item: Scan = { scanId: randomId(), code, scannedAt: new Date().toISOString() };
      if (!navigator.onLine) return enqueue(item);
      setBusy(true);
      const sent = await sendScan(eventId, deviceId, item, { queued: false });
      setBusy(false);
      if (sent.kind === "unreachable") return enqueue(item);
      if (sent.kind === "refused") {
        setUndoable(null);
        return show({ kind: "problem", message: sent.message }, "ERROR");
      }
      showAnswer(sent.value);
      refresh();
    },
    [deviceId, enqueue, eventId, refresh, show, showAnswer],
  );

  const undo = async () => {
    if (!undoable || !deviceId) return;
    if (undoable.kind === "queued") {
      updateQueue((q) => q.filter((s) => s.scanId !== undoable.scanId));
    } else {
      const sent = await sendUndo(undoable.code, deviceId);
      if (sent.kind !== "answer") {
        const message = sent.kind === "refused" ? sent.message : "No network: an undo needs the server. Try again.";
        return show({ kind: "problem", message }, "ERROR");
      }
      refresh();
    }
    setUndoable(null);
    show({ kind: "undone", code: undoable.code }, "QUEUED");
  };

  const share = stats.sold ? Math.min(100, Math.round((stats.checkedIn / stats.sold) * 100)) : 0;
  return (
    // Any first touch unlocks sound, the camera's button included (answers from the camera come without one).
    <div className="flex flex-col gap-4" onPointerDown={unlockSound}>
      <section aria-label="Arrivals" className="rounded-xl border border-slate-200 bg-white px-4 py-3">
        <p className="flex items-baseline justify-between gap-2">
          <span className="text-2xl font-bold tabular-nums" data-testid="arrivals">
            {stats.checkedIn.toLocaleString("en-US")} / {stats.sold.toLocaleString("en-US")}
          </span>
          <span className="text-sm text-slate-600">arrived of sold{fresh ? "" : " · not updated (no network)"}</span>
        </p>
        <div className="mt-2 h-2 rounded-full bg-slate-200" aria-hidden>
          <div className="h-2 rounded-full bg-green-600" style={{ width: `${share}%` }} />
        </div>
      </section>

      {!online && (
        <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          Offline: scans are kept on this device and sent when the network is back.
        </p>
      )}

      <ScanResult shown={shown} />
      <p className="sr-only" role="status" aria-live="assertive">
        {announcement}
      </p>
      {undoable && (
        <button
          type="button"
          onClick={() => void undo()}
          className="self-start rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-50"
        >
          Undo {undoable.kind === "queued" ? "this scan" : "this check-in"}
        </button>
      )}

      <form
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void scan(typed);
          setTyped("");
        }}
      >
        <label className="sr-only" htmlFor="ticket-code">
          Ticket code
        </label>
        <input
          id="ticket-code"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          placeholder="Ticket code, e.g. MQ-7K3D-9XQ2-…"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          className="min-w-0 flex-1 rounded-xl border border-slate-300 px-3 py-3 font-mono text-base"
        />
        <button
          type="submit"
          disabled={busy || !deviceId}
          className="rounded-xl bg-brand-600 px-4 py-3 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          Check in
        </button>
      </form>

      <CameraScanner onCode={(code) => void scan(code)} />

      {(queue.length > 0 || synced.length > 0) && (
        <section aria-labelledby="sync-heading" className="flex flex-col gap-2">
          <h2 id="sync-heading" className="font-semibold" data-testid="pending-count">
            {queue.length ? `${queue.length} waiting to sync` : "All scans synced"}
          </h2>
          <ul className="flex flex-col gap-1 text-sm">
            {queue.map((s) => (
              <li key={s.scanId} className="flex justify-between gap-2 rounded-lg bg-slate-100 px-3 py-2">
                <span className="truncate font-mono">{s.code}</span>
                <span className="text-slate-600">Pending</span>
              </li>
            ))}
            {synced.map((s) => (
              <li
                key={s.scanId}
                className="flex justify-between gap-2 rounded-lg bg-white px-3 py-2 ring-1 ring-slate-200"
                data-testid="synced-scan"
              >
                <span className="truncate font-mono">{s.code}</span>
                <span className={`font-semibold ${SYNCED_COLOURS[s.tone] ?? "text-red-800"}`}>Synced: {s.title}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="text-xs text-slate-500">This device: {deviceId ?? "…"}</p>
    </div>
  );
}

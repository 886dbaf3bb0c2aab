import type { QueueView } from "./waiting-room";

/**
 * Reads shared by every caller of this process that asks for the same key within `ttlMs`: the lobby's streams
 * all wait on the same event, so a room of thousands costs one read of it a second per instance, not one per fan.
 * A failed read is not remembered (the next caller tries again).
 */
export function sharedReads<T>(ttlMs: number, now: () => number = Date.now) {
  const cache = new Map<string, { at: number; value: Promise<T> }>();
  return (key: string, read: () => Promise<T>): Promise<T> => {
    const at = now();
    const hit = cache.get(key);
    if (hit && at - hit.at < ttlMs) return hit.value;
    for (const [k, v] of cache) if (at - v.at >= ttlMs) cache.delete(k);
    const value = read();
    cache.set(key, { at, value });
    value.catch(() => cache.get(key)?.value === value && cache.delete(key));
    return value;
  };
}

/**
 * A lobby fan's view while the sale has not opened, following the event's on-sale moment (an organizer may move
 * it); null once it has opened, when the fan's place is worth reading.
 */
export function lobbyViewUntilOpen(view: QueueView, event: { onSaleAt: Date }, now: Date): QueueView | null {
  if (now >= event.onSaleAt) return null;
  return { ...view, onSaleAt: event.onSaleAt.toISOString() };
}

import { describe, expect, it } from "vitest";
import { POST as joinRoute } from "@/app/api/v1/events/[eventId]/queue/route";
import { db } from "@/lib/db";
import type { QueueStore } from "@/lib/queue/store";
import { queueEventStream } from "@/lib/queue/stream";
import { queueStatus, type QueueView } from "@/lib/queue/waiting-room";
import { services } from "@/lib/services";
import { createUserWithToken } from "../support/factories";
import { bearer, call } from "../support/http";
import { createSaleEvent } from "../support/inventory-fixtures";

/** Reads `event: status` payloads off a stream, one at a time. */
function statusReader(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  return {
    async next(): Promise<QueueView> {
      for (;;) {
        const match = /event: status\ndata: (.*)\n\n/.exec(text);
        if (match) {
          text = text.slice(match.index + match[0].length);
          return JSON.parse(match[1]!) as QueueView;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error("the stream ended");
        text += decoder.decode(value);
      }
    },
    cancel: () => reader.cancel(),
  };
}

describe("the queue stream in the lobby", () => {
  it("watches the event's on-sale moment without reading the line, then reads it once the sale opens, through a failed read", async () => {
    const sale = await createSaleEvent({ seatCount: 4 });
    const eventId = sale.event.id;
    await db.event.update({
      where: { id: eventId },
      data: { queueEnabled: true, onSaleAt: new Date(Date.now() + 60 * 60_000) },
    });
    const fan = await createUserWithToken("FAN");
    await call(joinRoute, { method: "POST", headers: bearer(fan.token), params: { eventId } });

    const store = services().queue;
    let placeReads = 0;
    let failNextRead = false;
    const queue: QueueStore = {
      ...store,
      // Once the sale is open a waiting fan's place comes from the event's line, read once a second per process.
      waitingLine: (...args) => {
        placeReads++;
        if (failNextRead) {
          failNextRead = false;
          return Promise.reject(new Error("timeout exceeded when trying to connect"));
        }
        return store.waitingLine(...args);
      },
    };
    // random() = 0: the shortest lobby pace and no spread after the opening.
    const deps = { ...services(), queue, random: () => 0 };
    const options = { eventId, userId: fan.user.id };
    const first = await queueStatus(deps, options);
    placeReads = 0;
    const abort = new AbortController();
    const events = statusReader(queueEventStream(deps, { ...options, first, signal: abort.signal }));
    try {
      expect(await events.next()).toMatchObject({ status: "WAITING", lobby: true, position: null });

      // The organizer moves the on-sale later: the lobby page follows the new moment.
      const later = new Date(Date.now() + 2 * 60 * 60_000);
      await db.event.update({ where: { id: eventId }, data: { onSaleAt: later } });
      expect(await events.next()).toMatchObject({ lobby: true, onSaleAt: later.toISOString() });
      expect(placeReads).toBe(0);

      // "On sale now": the fan's place is read and shown; a read that fails (a saturated pool) is tried again on the
      // same connection rather than ending it.
      failNextRead = true;
      await db.event.update({ where: { id: eventId }, data: { onSaleAt: new Date(Date.now() - 1_000) } });
      expect(await events.next()).toMatchObject({ status: "WAITING", lobby: false, position: 1 });
      expect(placeReads).toBe(2);
    } finally {
      abort.abort();
      await events.cancel();
    }
  });
});

describe("the queue stream after the opening", () => {
  it("finds every waiting fan's place in one read of the line per second, shared by the event's streams", async () => {
    const sale = await createSaleEvent({ seatCount: 4 });
    const eventId = sale.event.id;
    await db.event.update({
      where: { id: eventId },
      data: { queueEnabled: true, onSaleAt: new Date(Date.now() - 1_000) },
    });
    const fans = await Promise.all(Array.from({ length: 12 }, () => createUserWithToken("FAN")));
    for (const fan of fans) await call(joinRoute, { method: "POST", headers: bearer(fan.token), params: { eventId } });

    const store = services().queue;
    let lineReads = 0;
    let entryReads = 0;
    const queue: QueueStore = {
      ...store,
      waitingLine: (...args) => (lineReads++, store.waitingLine(...args)),
      entry: (...args) => (entryReads++, store.entry(...args)),
    };
    const deps = { ...services(), queue, random: () => 0 };
    const abort = new AbortController();
    const readers = await Promise.all(
      fans.map(async (fan, index) => {
        const options = { eventId, userId: fan.user.id };
        const first = await queueStatus(deps, options);
        expect(first).toMatchObject({ status: "WAITING", position: index + 1 });
        return statusReader(queueEventStream(deps, { ...options, first, signal: abort.signal }));
      }),
    );
    try {
      for (const events of readers) await events.next();
      entryReads = 0;
      // Every stream looks its fan up again within 5 s (no rate measured yet: the 5 s pace, shortest jitter).
      await new Promise((resolve) => setTimeout(resolve, 5_500));
      expect(lineReads).toBeGreaterThan(0);
      expect(lineReads).toBeLessThan(fans.length);
      expect(entryReads).toBe(0);
    } finally {
      abort.abort();
      await Promise.all(readers.map((events) => events.cancel()));
    }
  });
});

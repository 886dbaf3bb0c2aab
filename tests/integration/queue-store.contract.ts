import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/queue/random";
import type { QueueStore } from "@/lib/queue/store";
import { createQueueEvent, rankCorrelation } from "../support/queue-fixtures";

const at = (ms: number) => new Date(Date.UTC(2027, 5, 1) + ms);
const WINDOW = 60_000;

/** The behaviour every QueueStore must have; run once per implementation. */
export function queueStoreContract(name: string, getStore: () => QueueStore) {
  describe(`${name} queue store contract`, () => {
    const join = (store: QueueStore, eventId: string, userId: string, now: Date, lobby = false, lobbyRank = 0) =>
      store.join({ eventId, userId, now, lobby, lobbyRank });

    /** Two fans who joined and were admitted at 10, with A's admission id. */
    async function twoAdmittedFans() {
      const store = getStore();
      const { eventId, userIds } = await createQueueEvent(2);
      const [a, b] = userIds as [string, string];
      await join(store, eventId, a, at(0));
      await join(store, eventId, b, at(1));
      await store.admit(eventId, { count: 2, now: at(10), windowMs: WINDOW });
      const idA = (await store.entry(eventId, a, at(11)))!.admissionId!;
      return { store, eventId, a, b, idA };
    }

    it("puts later arrivals in line in arrival order, one place each however often they join", async () => {
      const store = getStore();
      const { eventId, userIds } = await createQueueEvent(3);
      const [a, b, c] = userIds as [string, string, string];
      expect(await join(store, eventId, a, at(0))).toMatchObject({ state: "WAITING", position: 1, lobby: false });
      expect((await join(store, eventId, b, at(1))).position).toBe(2);
      // A reload and a second tab: the same place, not a new one.
      expect((await join(store, eventId, a, at(2))).position).toBe(1);
      expect(await join(store, eventId, b, at(3))).toMatchObject({ position: 2, joinedAt: at(1) });
      expect((await join(store, eventId, c, at(4))).position).toBe(3);
      expect((await store.stats(eventId, { now: at(5), since: at(0) })).waiting).toBe(3);
      expect(await store.entry(eventId, "nobody", at(5))).toBeNull();
    });

    it("admits the lobby first in its random order, then later arrivals in arrival order", async () => {
      const store = getStore();
      const { eventId, userIds } = await createQueueEvent(6);
      const [l1, l2, l3, late1, late2, late3] = userIds as string[];
      await join(store, eventId, late1!, at(10));
      await join(store, eventId, l1!, at(0), true, 0.7);
      await join(store, eventId, late2!, at(11));
      await join(store, eventId, l2!, at(1), true, 0.1);
      await join(store, eventId, l3!, at(2), true, 0.4);
      await join(store, eventId, late3!, at(12));
      expect((await store.entry(eventId, l2!, at(20)))?.position).toBe(1);
      expect((await store.entry(eventId, late1!, at(20)))?.position).toBe(4);
      expect(await store.admit(eventId, { count: 4, now: at(20), windowMs: WINDOW })).toEqual([l2, l3, l1, late1]);
      expect(await store.admit(eventId, { count: 10, now: at(21), windowMs: WINDOW })).toEqual([late2, late3]);
      expect(await store.admit(eventId, { count: 10, now: at(22), windowMs: WINDOW })).toEqual([]);
    });

    it("puts a deferred arrival behind later ones, and still admits it", async () => {
      const store = getStore();
      const { eventId, userIds } = await createQueueEvent(4);
      const [a, young, b, c] = userIds as [string, string, string, string];
      await join(store, eventId, a, at(0));
      await store.join({ eventId, userId: young, now: at(1), lobby: false, lobbyRank: 0, deferral: 1_000 });
      await join(store, eventId, b, at(2));
      await join(store, eventId, c, at(3));
      expect((await store.entry(eventId, young, at(4)))?.position).toBe(4);
      expect(await store.admit(eventId, { count: 10, now: at(4), windowMs: WINDOW })).toEqual([a, b, c, young]);
    });

    it("shuffles the lobby fairly: arrival order says nothing about admission order (seeded)", async () => {
      const store = getStore();
      const fans = 400;
      const { eventId, userIds } = await createQueueEvent(fans);
      const random = seededRandom(20_261_201);
      for (const [i, userId] of userIds.entries()) await join(store, eventId, userId, at(i), true, random());
      const admitted = await store.admit(eventId, { count: fans, now: at(fans), windowMs: WINDOW });
      expect(new Set(admitted).size).toBe(fans);
      const admissionRank = new Map(admitted.map((id, i) => [id, i]));
      const correlation = rankCorrelation(
        userIds.map((_, i) => i),
        userIds.map((id) => admissionRank.get(id)!),
      );
      // Independent orders: r ~ N(0, 1/sqrt(n - 1)), so |r| < 0.1 is two and a half standard deviations.
      expect(Math.abs(correlation)).toBeLessThan(0.1);
      // Nor do the first fans in cluster at the front: about a quarter of the first quarter is admitted first.
      const firstQuarter = new Set(userIds.slice(0, fans / 4));
      const early = admitted.slice(0, fans / 4).filter((id) => firstQuarter.has(id)).length;
      expect(early).toBeGreaterThan(fans / 16 - 15);
      expect(early).toBeLessThan(fans / 16 + 15);
    });

    it("lists the fans still waiting in line order", async () => {
      const store = getStore();
      const { eventId, userIds } = await createQueueEvent(4);
      const [late, l1, l2, later] = userIds as [string, string, string, string];
      await join(store, eventId, late, at(10));
      await join(store, eventId, l1, at(0), true, 0.6);
      await join(store, eventId, l2, at(1), true, 0.2);
      await join(store, eventId, later, at(11));
      expect(await store.waitingLine(eventId)).toEqual([l2, l1, late, later]);
      await store.admit(eventId, { count: 1, now: at(20), windowMs: WINDOW });
      expect(await store.waitingLine(eventId)).toEqual([l1, late, later]);
      expect(await store.waitingLine("evt-nobody-queued")).toEqual([]);
    });

    it("counts positions among the fans still waiting", async () => {
      const store = getStore();
      const { eventId, userIds } = await createQueueEvent(4);
      for (const [i, id] of userIds.entries()) await join(store, eventId, id, at(i));
      await store.admit(eventId, { count: 2, now: at(10), windowMs: WINDOW });
      expect((await store.entry(eventId, userIds[2]!, at(11)))?.position).toBe(1);
      expect((await store.entry(eventId, userIds[3]!, at(11)))?.position).toBe(2);
      const admitted = await store.entry(eventId, userIds[0]!, at(11));
      expect(admitted).toMatchObject({
        state: "ADMITTED",
        position: null,
        admittedAt: at(10),
        expiresAt: at(10 + WINDOW),
      });
      expect(admitted?.admissionId).toEqual(expect.any(String));
      expect(await store.stats(eventId, { now: at(11), since: at(10) })).toEqual({
        waiting: 2,
        outstanding: 2,
        admittedSince: 2,
        firstAdmittedAt: at(10),
      });
      expect(await store.stats(eventId, { now: at(11), since: at(11) })).toMatchObject({
        admittedSince: 0,
        firstAdmittedAt: null,
      });
    });

    it("spends an admission once, only while it is live, and only with its own id", async () => {
      const { store, eventId, a, b, idA } = await twoAdmittedFans();
      const idB = (await store.entry(eventId, b, at(11)))!.admissionId!;
      expect(idA).not.toBe(idB);

      expect(await store.consume(eventId, a, idB, at(12))).toBe(false);
      const both = await Promise.all([store.consume(eventId, a, idA, at(12)), store.consume(eventId, a, idA, at(12))]);
      expect(both.sort()).toEqual([false, true]);
      expect((await store.entry(eventId, a, at(13)))?.state).toBe("USED");
      expect((await store.stats(eventId, { now: at(13), since: at(0) })).outstanding).toBe(1);

      // A hold that failed gives the turn back; it can then be spent again.
      await store.restore(eventId, a, idA);
      expect((await store.entry(eventId, a, at(14)))?.state).toBe("ADMITTED");
      expect(await store.consume(eventId, a, idA, at(14))).toBe(true);

      // B lets the window pass: the turn is lost.
      expect(await store.consume(eventId, b, idB, at(10 + WINDOW))).toBe(false);
      expect((await store.entry(eventId, b, at(10 + WINDOW)))?.state).toBe("EXPIRED");
      expect((await store.stats(eventId, { now: at(10 + WINDOW), since: at(0) })).outstanding).toBe(0);
    });

    it("reopens a spent turn while its window is live, and only then", async () => {
      const { store, eventId, a, idA } = await twoAdmittedFans();
      // Never spent: nothing to give back.
      expect(await store.reopen(eventId, a, at(11))).toBe(false);
      expect(await store.consume(eventId, a, idA, at(12))).toBe(true);
      expect(await store.reopen(eventId, a, at(13))).toBe(true);
      expect((await store.entry(eventId, a, at(13)))?.state).toBe("ADMITTED");
      expect((await store.stats(eventId, { now: at(13), since: at(0) })).outstanding).toBe(2);
      expect(await store.consume(eventId, a, idA, at(14))).toBe(true);
      // Once the window is over the turn stays spent.
      expect(await store.reopen(eventId, a, at(10 + WINDOW))).toBe(false);
      expect((await store.entry(eventId, a, at(10 + WINDOW)))?.state).toBe("USED");
      expect(await store.reopen(eventId, "nobody", at(14))).toBe(false);
    });

    it("takes a fan whose turn is over back at the end of the line, with a new admission next time", async () => {
      const store = getStore();
      const { eventId, userIds } = await createQueueEvent(3);
      const [a, b, c] = userIds as [string, string, string];
      await join(store, eventId, a, at(0));
      await join(store, eventId, b, at(1));
      await store.admit(eventId, { count: 1, now: at(10), windowMs: WINDOW });
      const first = (await store.entry(eventId, a, at(11)))!.admissionId!;
      // While the turn is live, joining again keeps it.
      expect((await join(store, eventId, a, at(12))).state).toBe("ADMITTED");
      await join(store, eventId, c, at(13));

      const later = at(10 + WINDOW + 1);
      expect(await join(store, eventId, a, later)).toMatchObject({ state: "WAITING", position: 3, joinedAt: later });
      await store.admit(eventId, { count: 3, now: later, windowMs: WINDOW });
      const second = (await store.entry(eventId, a, later))!.admissionId!;
      expect(second).not.toBe(first);
      expect(await store.consume(eventId, a, first, later)).toBe(false);
      expect(await store.consume(eventId, a, second, later)).toBe(true);
      // A spent turn is over too.
      expect(await join(store, eventId, a, at(10 + WINDOW + 2))).toMatchObject({ state: "WAITING", position: 1 });
    });

    it("keeps the room's controls, changing only what a patch names", async () => {
      const store = getStore();
      const { eventId } = await createQueueEvent(0);
      expect(await store.control(eventId)).toEqual({
        soldOut: false,
        paused: false,
        ratePerMinute: null,
        admittedPerMinute: 0,
      });
      await store.setControl(eventId, { paused: true, ratePerMinute: 120 });
      expect(await store.setControl(eventId, { soldOut: true, admittedPerMinute: 37.5 })).toEqual({
        soldOut: true,
        paused: true,
        ratePerMinute: 120,
        admittedPerMinute: 37.5,
      });
      expect(await store.setControl(eventId, { ratePerMinute: null, paused: false })).toMatchObject({
        paused: false,
        ratePerMinute: null,
        soldOut: true,
      });
    });
  });
}

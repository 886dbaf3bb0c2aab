import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { HoldStore } from "@/lib/inventory/hold-store";
import { createSaleEvent, refusal, releaseHold, retake, takeHold } from "../support/inventory-fixtures";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The behaviour every HoldStore must have; run once per implementation. */
export function holdStoreContract(name: string, getStore: () => HoldStore) {
  describe(`${name} hold store contract`, () => {
    it("holds all requested seats or none, naming the ones that are taken", async () => {
      const store = getStore();
      const event = await createSaleEvent();
      const [s1, s2, s3] = event.seats.map((s) => s.id);
      await takeHold(store, event, { seatIds: [s1!, s2!] });

      const refused = await refusal(takeHold(store, event, { seatIds: [s2!, s3!] }));
      expect(refused).toEqual({ unavailableSeatIds: [s2], unavailableTicketTypeIds: [] });
      expect((await store.heldSeatIds(db, event.event.id, new Date())).sort()).toEqual([s1, s2].sort());
      // s3 was not kept by the refused hold.
      expect(await refusal(takeHold(store, event, { seatIds: [s3!] }))).toBeNull();
    });

    it("never holds more general admission than capacity minus sold", async () => {
      const store = getStore();
      const event = await createSaleEvent({ gaCapacity: 10 });
      await db.ticketType.update({ where: { id: event.ga.id }, data: { sold: 2 } });
      expect(await refusal(takeHold(store, event, { ga: 5 }))).toBeNull();
      expect(await refusal(takeHold(store, event, { ga: 4 }))).toEqual({
        unavailableSeatIds: [],
        unavailableTicketTypeIds: [event.ga.id],
      });
      expect(await refusal(takeHold(store, event, { ga: 3 }))).toBeNull();
      expect((await store.heldQuantities(db, event.event.id, new Date())).get(event.ga.id)).toBe(8);
    });

    it("is all-or-nothing across seats and general admission together", async () => {
      const store = getStore();
      const event = await createSaleEvent({ gaCapacity: 2 });
      const [s1, s2] = event.seats.map((s) => s.id);
      await takeHold(store, event, { ga: 2 });
      expect((await refusal(takeHold(store, event, { seatIds: [s1!, s2!], ga: 1 })))?.unavailableTicketTypeIds).toEqual(
        [event.ga.id],
      );
      expect(await store.heldSeatIds(db, event.event.id, new Date())).toEqual([]);
    });

    it("gives seats and quantities back on release", async () => {
      const store = getStore();
      const event = await createSaleEvent({ gaCapacity: 3 });
      const [s1] = event.seats.map((s) => s.id);
      const hold = await takeHold(store, event, { seatIds: [s1!], ga: 3 });
      await releaseHold(store, hold);
      expect(await store.heldSeatIds(db, event.event.id, new Date())).toEqual([]);
      expect((await store.heldQuantities(db, event.event.id, new Date())).get(event.ga.id) ?? 0).toBe(0);
      expect(await refusal(takeHold(store, event, { seatIds: [s1!], ga: 3 }))).toBeNull();
    });

    it("lets a hold lapse by itself: the seats and quantities are free again without any sweep", async () => {
      const store = getStore();
      const event = await createSaleEvent({ gaCapacity: 2 });
      const [s1] = event.seats.map((s) => s.id);
      await takeHold(store, event, { seatIds: [s1!], ga: 2, ttlMs: 300 });
      expect(await refusal(takeHold(store, event, { seatIds: [s1!] }))).not.toBeNull();
      await sleep(450);
      expect(await store.heldSeatIds(db, event.event.id, new Date())).toEqual([]);
      expect((await store.heldQuantities(db, event.event.id, new Date())).get(event.ga.id) ?? 0).toBe(0);
      expect(await refusal(takeHold(store, event, { seatIds: [s1!], ga: 2 }))).toBeNull();
    });

    it("lets a lapsed hold be retaken for a sale while nobody else took it, and refuses once someone did", async () => {
      const store = getStore();
      const event = await createSaleEvent({ gaCapacity: 1 });
      const [s1, s2] = event.seats.map((s) => s.id);
      const free = await takeHold(store, event, { seatIds: [s1!], ga: 1, ttlMs: 200 });
      const lost = await takeHold(store, event, { seatIds: [s2!], ttlMs: 200 });
      await sleep(300);
      await expect(retake(store, free)).resolves.toBeUndefined();
      await takeHold(store, event, { seatIds: [s2!] });
      expect(await refusal(retake(store, lost))).not.toBeNull();
      // A live hold retaken renews, it does not conflict with itself.
      await expect(retake(store, free)).resolves.toBeUndefined();
    });

    it("lets exactly one of 40 simultaneous buyers hold a contested pair of seats", async () => {
      const store = getStore();
      const event = await createSaleEvent();
      const pair = event.seats.slice(0, 2).map((s) => s.id);
      const results = await Promise.all(
        Array.from({ length: 40 }, () => refusal(takeHold(store, event, { seatIds: pair }))),
      );
      expect(results.filter((r) => r === null)).toHaveLength(1);
      expect((await store.heldSeatIds(db, event.event.id, new Date())).sort()).toEqual([...pair].sort());
    });

    it("never grants more than capacity to 30 simultaneous general-admission buyers", async () => {
      const store = getStore();
      const event = await createSaleEvent({ gaCapacity: 10 });
      const results = await Promise.all(Array.from({ length: 30 }, () => refusal(takeHold(store, event, { ga: 1 }))));
      expect(results.filter((r) => r === null)).toHaveLength(10);
      expect((await store.heldQuantities(db, event.event.id, new Date())).get(event.ga.id)).toBe(10);
    });
  });
}

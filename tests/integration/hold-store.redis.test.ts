import { afterAll, describe, expect, inject, it } from "vitest";
import { createClient } from "redis";
import { db } from "@/lib/db";
import { redisHoldStore } from "@/lib/inventory/redis-hold-store";
import { nodeRedisConnection, type RedisConnection } from "@/lib/redis/client";
import { createSaleEvent, refusal, releaseHold, retake, takeHold } from "../support/inventory-fixtures";
import { REDIS_MISSING } from "../support/services";
import { holdStoreContract } from "./hold-store.contract";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function redisUrl(): string {
  const url = inject("redisUrl");
  if (!url) throw new Error(REDIS_MISSING);
  return url;
}

let connection: RedisConnection | undefined;
let raw: ReturnType<typeof createClient> | undefined;

function store() {
  connection ??= nodeRedisConnection(redisUrl());
  return redisHoldStore(connection);
}

/** A plain client to look at the keys the store leaves behind. */
async function inspector() {
  if (!raw) {
    raw = createClient({ url: redisUrl() });
    raw.on("error", () => undefined);
    await raw.connect();
  }
  return raw;
}

async function keysOfEvent(eventId: string): Promise<string[]> {
  const client = await inspector();
  const keys: string[] = [];
  for await (const batch of client.scanIterator({ MATCH: `*${eventId}*`, COUNT: 1000 })) keys.push(...batch);
  return keys.sort();
}

afterAll(async () => {
  await connection?.close();
  raw?.destroy();
});

holdStoreContract("Redis (node-redis)", store);

describe("Redis hold store", () => {
  it("keeps every key of an event under its hash tag, in one cluster slot", async () => {
    const event = await createSaleEvent({ gaCapacity: 5 });
    const [s1, s2, s3] = event.seats.map((s) => s.id);
    await takeHold(store(), event, { seatIds: [s1!, s2!], ga: 2 });
    await takeHold(store(), event, { seatIds: [s3!], ga: 1 });

    const keys = await keysOfEvent(event.event.id);
    // 3 seat keys, the seat index, the GA type index and the GA type's 3 keys.
    expect(keys).toHaveLength(8);
    for (const key of keys) expect(key.startsWith(`{evt:${event.event.id}}:`)).toBe(true);
    expect(clusterSlot("somekey")).toBe(11058); // the example in Redis's CLUSTER KEYSLOT docs
    expect(new Set(keys.map(clusterSlot)).size).toBe(1);
  });

  it("gives every key a TTL no longer than the latest hold it carries", async () => {
    const event = await createSaleEvent({ gaCapacity: 5 });
    const [s1, s2] = event.seats.map((s) => s.id);
    await takeHold(store(), event, { seatIds: [s1!], ga: 1, ttlMs: 20_000 });
    await takeHold(store(), event, { seatIds: [s2!], ga: 2, ttlMs: 40_000 });

    const client = await inspector();
    const keys = await keysOfEvent(event.event.id);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const ttl = await client.pTTL(key);
      expect(ttl, key).toBeGreaterThan(0);
      expect(ttl, key).toBeLessThanOrEqual(40_000);
    }
    expect(await client.pTTL(`{evt:${event.event.id}}:seat:${s1}`)).toBeLessThanOrEqual(20_000);
  });

  it("leaves nothing behind once every hold has lapsed", async () => {
    const event = await createSaleEvent({ gaCapacity: 5 });
    const [s1] = event.seats.map((s) => s.id);
    await takeHold(store(), event, { seatIds: [s1!], ga: 2, ttlMs: 200 });
    expect(await keysOfEvent(event.event.id)).not.toEqual([]);
    await sleep(350);
    expect(await keysOfEvent(event.event.id)).toEqual([]);
  });

  it("removes lapsed members from the indexes while other holds stay live", async () => {
    const event = await createSaleEvent({ gaCapacity: 5 });
    const [s1, s2] = event.seats.map((s) => s.id);
    await takeHold(store(), event, { seatIds: [s1!], ga: 2, ttlMs: 200 });
    const long = await takeHold(store(), event, { seatIds: [s2!], ga: 1 });
    await sleep(300);

    expect(await store().heldSeatIds(db, event.event.id, new Date())).toEqual([s2]);
    expect((await store().heldQuantities(db, event.event.id, new Date())).get(event.ga.id)).toBe(1);

    const client = await inspector();
    const tag = `{evt:${event.event.id}}`;
    expect(await client.zRange(`${tag}:seats`, 0, -1)).toEqual([s2]);
    expect(await client.zRange(`${tag}:ga:${event.ga.id}:holds`, 0, -1)).toEqual([long.holdId]);
    expect(await client.hKeys(`${tag}:ga:${event.ga.id}:quantities`)).toEqual([long.holdId]);
    expect(await client.get(`${tag}:ga:${event.ga.id}:total`)).toBe("1");
    expect(await client.exists(`${tag}:seat:${s1}`)).toBe(0);
  });

  it("renews a live hold on retake without counting its quantity twice", async () => {
    const event = await createSaleEvent({ gaCapacity: 3 });
    const [s1] = event.seats.map((s) => s.id);
    const hold = await takeHold(store(), event, { seatIds: [s1!], ga: 2, ttlMs: 5_000 });
    await retake(store(), hold, 30_000);
    await retake(store(), hold, 30_000);

    expect((await store().heldQuantities(db, event.event.id, new Date())).get(event.ga.id)).toBe(2);
    expect(await refusal(takeHold(store(), event, { ga: 2 }))).toEqual({
      unavailableSeatIds: [],
      unavailableTicketTypeIds: [event.ga.id],
    });
    expect(await refusal(takeHold(store(), event, { ga: 1 }))).toBeNull();
    expect(await (await inspector()).pTTL(`{evt:${event.event.id}}:seat:${s1}`)).toBeGreaterThan(5_000);
  });

  it("on release and after a sale, gives back only what the hold still owns", async () => {
    const event = await createSaleEvent({ gaCapacity: 4 });
    const [s1, s2] = event.seats.map((s) => s.id);
    const lapsed = await takeHold(store(), event, { seatIds: [s1!], ga: 1, ttlMs: 200 });
    await sleep(300);
    const successor = await takeHold(store(), event, { seatIds: [s1!, s2!], ga: 3 });

    await releaseHold(store(), lapsed);
    expect((await store().heldSeatIds(db, event.event.id, new Date())).sort()).toEqual([s1, s2].sort());
    expect((await store().heldQuantities(db, event.event.id, new Date())).get(event.ga.id)).toBe(3);

    await store().afterSale(successor);
    expect(await store().heldSeatIds(db, event.event.id, new Date())).toEqual([]);
    expect((await store().heldQuantities(db, event.event.id, new Date())).get(event.ga.id) ?? 0).toBe(0);
    expect(await keysOfEvent(event.event.id)).toEqual([]);
  });
});

/** Redis Cluster's key slot: CRC16 (XMODEM) of the hash tag, or of the whole key without one, mod 16384. */
function clusterSlot(key: string): number {
  const open = key.indexOf("{");
  const close = open >= 0 ? key.indexOf("}", open + 1) : -1;
  const hashed = close > open + 1 ? key.slice(open + 1, close) : key;
  let crc = 0;
  for (const byte of Buffer.from(hashed, "utf8")) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc % 16384;
}

import { describe, expect, it } from "vitest";
import { lobbyViewUntilOpen, sharedReads } from "@/lib/queue/lobby-watch";
import type { QueueView } from "@/lib/queue/waiting-room";

describe("the lobby's shared event reads", () => {
  it("gives every caller within the time to live the same read, then reads again", async () => {
    let now = 0;
    let reads = 0;
    const shared = sharedReads<number>(1_000, () => now);
    const read = async () => ++reads;
    const firstSecond = await Promise.all(Array.from({ length: 500 }, () => shared("event-a", read)));
    expect(new Set(firstSecond)).toEqual(new Set([1]));
    expect(await shared("event-b", read)).toBe(2);
    now = 999;
    expect(await shared("event-a", read)).toBe(1);
    now = 1_000;
    expect(await shared("event-a", read)).toBe(3);
    expect(reads).toBe(3);
  });

  it("does not keep a failed read", async () => {
    const shared = sharedReads<string>(1_000, () => 0);
    await expect(shared("e", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await shared("e", async () => "up")).toBe("up");
  });
});

describe("a lobby view until the sale opens", () => {
  const view: QueueView = {
    eventId: "e",
    status: "WAITING",
    position: null,
    etaSeconds: null,
    lobby: true,
    onSaleAt: "2027-01-01T10:00:00.000Z",
    paused: false,
  };

  it("follows the event's on-sale moment while it is ahead, and ends when it has come", () => {
    const now = new Date("2027-01-01T09:00:00.000Z");
    expect(lobbyViewUntilOpen(view, { onSaleAt: new Date("2027-01-01T11:00:00.000Z") }, now)).toEqual({
      ...view,
      onSaleAt: "2027-01-01T11:00:00.000Z",
    });
    expect(lobbyViewUntilOpen(view, { onSaleAt: now }, now)).toBeNull();
    expect(lobbyViewUntilOpen(view, { onSaleAt: new Date("2027-01-01T08:00:00.000Z") }, now)).toBeNull();
  });
});

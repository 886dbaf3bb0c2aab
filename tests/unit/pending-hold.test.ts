import { describe, expect, it } from "vitest";
import {
  PENDING_HOLD_MAX_AGE_MS,
  asHoldRequest,
  clearPendingHold,
  readPendingHold,
  savePendingHold,
} from "@/components/ticket-picker/pending-hold";

/** sessionStorage's interface over a Map: the browser's storage is not there in Node. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

describe("the selection kept through sign-in", () => {
  const now = Date.UTC(2026, 11, 1, 20, 0);

  it("keeps seats and a quantity per event until cleared", () => {
    const store = memoryStorage();
    savePendingHold("event-a", { seatIds: ["s1", "s2"] }, now, store);
    savePendingHold("event-b", { ticketTypeId: "ga", quantity: 3 }, now, store);
    expect(readPendingHold("event-a", now + 60_000, store)).toEqual({ seatIds: ["s1", "s2"] });
    expect(readPendingHold("event-b", now + 60_000, store)).toEqual({ ticketTypeId: "ga", quantity: 3 });
    expect(readPendingHold("event-c", now, store)).toBeNull();
    clearPendingHold("event-a", store);
    expect(readPendingHold("event-a", now, store)).toBeNull();
    expect(readPendingHold("event-b", now, store)).not.toBeNull();
  });

  it("forgets a selection once it is stale", () => {
    const store = memoryStorage();
    savePendingHold("event-a", { seatIds: ["s1"] }, now, store);
    expect(readPendingHold("event-a", now + PENDING_HOLD_MAX_AGE_MS, store)).not.toBeNull();
    expect(readPendingHold("event-a", now + PENDING_HOLD_MAX_AGE_MS + 1, store)).toBeNull();
  });

  it("ignores whatever else is stored under the key", () => {
    const store = memoryStorage();
    for (const junk of ["not json", "null", "[]", JSON.stringify({ request: { seatIds: [] }, savedAt: now })]) {
      store.setItem("marquee:pending-hold:event-a", junk);
      expect(readPendingHold("event-a", now, store)).toBeNull();
    }
  });

  it.each([
    [{ seatIds: ["a", "a"] }],
    [{ seatIds: [1, 2] }],
    [{ seatIds: Array.from({ length: 51 }, (_, i) => `s${i}`) }],
    [{ ticketTypeId: "t", quantity: 0 }],
    [{ ticketTypeId: "t", quantity: 2.5 }],
    [{ ticketTypeId: "", quantity: 2 }],
    [null],
  ])("refuses the request %j", (value) => {
    expect(asHoldRequest(value)).toBeNull();
  });

  it("works without storage (private modes, storage turned off)", () => {
    expect(() => savePendingHold("event-a", { seatIds: ["s1"] }, now, null)).not.toThrow();
    expect(readPendingHold("event-a", now, null)).toBeNull();
  });
});

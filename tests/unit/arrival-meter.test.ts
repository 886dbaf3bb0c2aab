import { describe, expect, it } from "vitest";
import { arrivalMeter } from "@/lib/queue/arrival-meter";

/** `count` arrivals for one event, spread evenly over `seconds` starting at `startMs`; the non-null answers. */
function arrivals(meter: ReturnType<typeof arrivalMeter>, count: number, startMs: number, seconds: number) {
  const told: { at: number; perSecond: number }[] = [];
  for (let i = 0; i < count; i++) {
    const at = startMs + Math.floor((i * seconds * 1000) / count);
    const perSecond = meter.arrive("evt-a", at);
    if (perSecond !== null) told.push({ at, perSecond });
  }
  return told;
}

describe("the arrival meter", () => {
  it("stays quiet at or under the limit, averaged over ten seconds", () => {
    const meter = arrivalMeter({ perSecondLimit: 5 });
    expect(arrivals(meter, 50, 0, 10)).toEqual([]);
    // Arrivals older than the window no longer count: another 50 over the next 10 s are still 5/s.
    expect(arrivals(meter, 50, 10_000, 10)).toEqual([]);
  });

  it("tells once when a burst passes the limit, and again only after a window", () => {
    const meter = arrivalMeter({ perSecondLimit: 5 });
    const told = arrivals(meter, 200, 0, 2);
    expect(told).toHaveLength(1);
    // 51 arrivals in the window are 5.1 a second: the 51st is the one that tips it.
    expect(told[0]!.perSecond).toBeCloseTo(5.1);
    const later = arrivals(meter, 200, 10_000, 2);
    expect(later).toHaveLength(1);
  });

  it("counts events apart", () => {
    const meter = arrivalMeter({ perSecondLimit: 1 });
    for (let i = 0; i < 10; i++) {
      expect(meter.arrive("evt-a", 1_000)).toBeNull();
      expect(meter.arrive("evt-b", 1_000)).toBeNull();
    }
    expect(meter.arrive("evt-b", 1_000)).toBeCloseTo(1.1);
    expect(meter.arrive("evt-a", 1_000)).toBeCloseTo(1.1);
  });

  it("never tells with a limit of 0", () => {
    expect(arrivals(arrivalMeter({ perSecondLimit: 0 }), 10_000, 0, 1)).toEqual([]);
  });

  it("forgets a quiet event's old arrivals", () => {
    const meter = arrivalMeter({ perSecondLimit: 1 });
    for (let i = 0; i < 10; i++) meter.arrive("evt-a", 0);
    // Ten minutes on (another event's arrival sweeps the map), the old ten no longer count.
    meter.arrive("evt-b", 600_000);
    expect(meter.arrive("evt-a", 600_000)).toBeNull();
  });
});

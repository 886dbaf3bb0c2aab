import { describe, expect, it } from "vitest";
import { planAdmission, rateWindowMs, type AdmissionInput } from "@/lib/queue/admission-plan";

const plenty: AdmissionInput = {
  waiting: 10_000,
  outstanding: 0,
  admittedInWindow: 0,
  ticketsLeft: 50_000,
  unsold: 50_000,
  avgTicketsPerOrder: 2,
  ratePerSecond: 25,
  intervalMs: 1_000,
  paused: false,
};

/** Runs `seconds` one-second ticks against a sliding window of what was admitted, like the worker does. */
function simulate(input: AdmissionInput, seconds: number): number[] {
  const admitted: number[] = [];
  const windowSeconds = rateWindowMs(input.ratePerSecond) / 1000;
  for (let t = 0; t < seconds; t++) {
    const inWindow = admitted.slice(Math.max(0, t - windowSeconds + 1)).reduce((a, b) => a + b, 0);
    admitted.push(planAdmission({ ...input, admittedInWindow: inWindow }).admit);
  }
  return admitted;
}

describe("the admission plan", () => {
  it("admits at the payment provider's Checkout Session rate, a tick's worth at a time", () => {
    expect(planAdmission(plenty)).toEqual({ admit: 25, soldOut: false });
    const perSecond = simulate(plenty, 60);
    expect(perSecond.every((n) => n === 25)).toBe(true);
  });

  it("keeps a slow organizer rate over the minute, one fan at a time", () => {
    const perSecond = simulate({ ...plenty, ratePerSecond: 30 / 60 }, 120);
    expect(perSecond.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(55);
    expect(perSecond.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(65);
    expect(Math.max(...perSecond)).toBe(1);
    // Even one fan a minute gets through.
    expect(simulate({ ...plenty, ratePerSecond: 1 / 60 }, 120).reduce((a, b) => a + b, 0)).toBe(2);
  });

  it("never admits more fans than the tickets left can serve at the average order size", () => {
    // 9 tickets at 2 an order serve 5 fans; 3 admitted fans have not bought yet.
    expect(planAdmission({ ...plenty, ticketsLeft: 9, unsold: 9, outstanding: 3 }).admit).toBe(2);
    expect(planAdmission({ ...plenty, ticketsLeft: 9, unsold: 9, outstanding: 5 }).admit).toBe(0);
    expect(planAdmission({ ...plenty, ticketsLeft: 3, unsold: 3, avgTicketsPerOrder: 1 }).admit).toBe(3);
    expect(planAdmission({ ...plenty, waiting: 4 }).admit).toBe(4);
  });

  it("waits while every ticket left is held, and calls the event sold out only when nothing is unsold", () => {
    expect(planAdmission({ ...plenty, ticketsLeft: 0, unsold: 4 })).toEqual({ admit: 0, soldOut: false });
    expect(planAdmission({ ...plenty, ticketsLeft: 0, unsold: 0 })).toEqual({ admit: 0, soldOut: true });
  });

  it("admits nobody while the organizer has paused the room", () => {
    expect(planAdmission({ ...plenty, paused: true })).toEqual({ admit: 0, soldOut: false });
  });
});

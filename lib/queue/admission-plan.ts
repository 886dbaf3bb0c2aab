/**
 * How many fans one tick of the admission loop lets in: a plain function of
 * what the tick read, so the rule is tested without clocks or timers.
 *
 * - The rate: the organizer's, or the event's share of the payment provider's
 *   Checkout Session limit (each admitted fan who buys opens one session), so
 *   a rush becomes a longer line, never refused payment pages. It is kept
 *   over a sliding window of at least 10 s (longer for slow rates, so even one
 *   fan a minute gets through), and spread over the ticks of that window.
 * - The inventory: admitted fans who have not held yet, at the average
 *   tickets per order, never claim more than the tickets left; so the room
 *   never admits far more fans than there are tickets.
 * - Sold out (nothing left unsold, not even held tickets that may lapse):
 *   nobody is admitted and the waiting fans are told at once.
 */
export type AdmissionInput = {
  waiting: number;
  /** Admitted fans whose turn is live and not spent yet. */
  outstanding: number;
  /** Fans admitted within the last `rateWindowMs(ratePerSecond)`. */
  admittedInWindow: number;
  /** Tickets neither sold nor held, across the event's public ticket types. */
  ticketsLeft: number;
  /** Tickets not sold (held ones included). */
  unsold: number;
  avgTicketsPerOrder: number;
  ratePerSecond: number;
  intervalMs: number;
  paused: boolean;
};

export type AdmissionPlan = { admit: number; soldOut: boolean };

/** The window the rate is kept over: 10 s, or long enough for one admission at slow rates. */
export function rateWindowMs(ratePerSecond: number): number {
  return ratePerSecond > 0 ? Math.max(10_000, Math.ceil(1000 / ratePerSecond)) : 10_000;
}

export function planAdmission(input: AdmissionInput): AdmissionPlan {
  const soldOut = input.unsold <= 0;
  if (soldOut || input.paused || input.waiting <= 0 || input.ratePerSecond <= 0) return { admit: 0, soldOut };
  const windowBudget = Math.floor((input.ratePerSecond * rateWindowMs(input.ratePerSecond)) / 1000);
  const perTick = Math.ceil((input.ratePerSecond * input.intervalMs) / 1000);
  const byRate = Math.min(perTick, windowBudget - input.admittedInWindow);
  const perOrder = Math.max(1, input.avgTicketsPerOrder);
  const byInventory = Math.ceil(input.ticketsLeft / perOrder) - input.outstanding;
  return { admit: Math.max(0, Math.min(input.waiting, byRate, byInventory)), soldOut };
}

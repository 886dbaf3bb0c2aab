import type { DbOrTx, Tx } from "@/lib/db";

/** What one hold takes: specific seats, general-admission quantities, or both. */
export type HoldContents = {
  holdId: string;
  eventId: string;
  seats: { seatId: string; ticketTypeId: string }[];
  generalAdmission: { ticketTypeId: string; quantity: number }[];
};

export type HoldRequest = HoldContents & {
  expiresAt: Date;
  now: Date;
  /** Capacity and sold count of each GA ticket type in the request, read in the same transaction. */
  capacities: Map<string, { capacity: number; sold: number }>;
};

/**
 * Where seat and GA holds live while they last. Two implementations pass one
 * contract suite (tests/integration/hold-store.contract.ts): PostgreSQL (the
 * default) and Redis (Lua scripts with TTLs, when REDIS_URL or Upstash is
 * configured). Either way the sale itself is guarded again by the database,
 * so losing the hold store can never oversell.
 */
export interface HoldStore {
  readonly kind: "postgres" | "redis";
  /** Whether GA quantities on hold are counted in ticket_types.held (and must be given back there). */
  readonly countsHeldInDatabase: boolean;

  /**
   * Takes everything in the request or nothing. Throws AppError SEAT_UNAVAILABLE
   * (details: unavailableSeatIds, unavailableTicketTypeIds) when anything is taken.
   * Taking again with the same holdId renews what that hold already has.
   */
  acquire(tx: Tx, request: HoldRequest): Promise<void>;

  /** Gives back what `acquire` took, for a hold that was live until now (ACTIVE in the holds table). */
  release(db: DbOrTx, hold: HoldContents): Promise<void>;

  /**
   * At sale time, inside the sale's transaction: makes sure the hold's inventory
   * is still this hold's, re-taking it if the hold lapsed and nobody else took
   * it. Throws SEAT_UNAVAILABLE otherwise. (PostgreSQL needs nothing here: the
   * sale's guarded UPDATE checks the same columns.)
   */
  retakeForSale(tx: Tx, request: HoldRequest): Promise<void>;

  /** After the sale committed: drops the hold's entries that the database now supersedes. */
  afterSale(hold: HoldContents): Promise<void>;

  /** Seat ids held by live holds of this event. */
  heldSeatIds(db: DbOrTx, eventId: string, now: Date): Promise<string[]>;

  /** GA quantities held by live holds of this event, by ticket type. */
  heldQuantities(db: DbOrTx, eventId: string, now: Date): Promise<Map<string, number>>;
}

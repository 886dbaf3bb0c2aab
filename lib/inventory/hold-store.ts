import type { Db, DbOrTx, Tx } from "@/lib/db";

/** What one hold takes: specific seats, general-admission quantities, or both. */
export type HoldContents = {
  holdId: string;
  eventId: string;
  /** The fan who holds it; a Redis store needs it to drop the hold from the fan's count. */
  userId?: string;
  seats: { seatId: string; ticketTypeId: string }[];
  generalAdmission: { ticketTypeId: string; quantity: number }[];
};

export type HoldRequest = HoldContents & {
  expiresAt: Date;
  now: Date;
  /** Capacity and sold count of each GA ticket type in the request, read in the same transaction. */
  capacities: Map<string, { capacity: number; sold: number }>;
};

/** A new hold for one fan, checked against the fan's per-event limit. */
export type PlaceRequest = {
  holdId: string;
  eventId: string;
  userId: string;
  now: Date;
  expiresAt: Date;
  perOrderLimit: number;
  /** At most one entry per ticket type. */
  seats: { seatId: string; ticketTypeId: string }[];
  generalAdmission: { ticketTypeId: string; quantity: number }[];
  /** Capacity and sold count of each GA ticket type in the request, as read before the call. */
  capacities: Map<string, { capacity: number; sold: number }>;
};

/** What a placed hold recorded: each item with the price and fee it was taken at. */
export type PlacedItem = {
  ticketTypeId: string;
  seatId: string | null;
  quantity: number;
  unitPriceMinor: number;
  unitFeeMinor: number;
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
   * A fan's new hold, whole: the per-fan limit (live holds, issued tickets and
   * open orders; throws LIMIT_EXCEEDED with details perOrderLimit and
   * alreadyTaken), the seats and quantities (all or nothing; SEAT_UNAVAILABLE
   * as `acquire`), and the holds/hold_items rows with their prices. PostgreSQL:
   * one statement; Redis: one script, then one statement.
   */
  place(db: Db, request: PlaceRequest): Promise<PlacedItem[]>;

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

/**
 * Where an event's waiting room lives. Two implementations pass one contract
 * suite (tests/integration/queue-store.contract.ts): PostgreSQL (the default,
 * ./postgres-store.ts) and Redis (sorted sets and Lua, ./redis-store.ts), chosen
 * like the hold stores. The stores keep the line; the rules (who is in the
 * lobby, how many to admit, tokens) live in the functions around them.
 */

/** Where a fan stands: waiting in line, admitted (turn live), turn spent by a hold, or turn lapsed. */
export type QueueEntryState = "WAITING" | "ADMITTED" | "USED" | "EXPIRED";

export type QueueEntry = {
  state: QueueEntryState;
  /** Joined before the on-sale moment (their place was drawn at random). */
  lobby: boolean;
  joinedAt: Date;
  /** 1-based place among the fans still waiting; null unless WAITING. */
  position: number | null;
  admittedAt: Date | null;
  /** End of the admission window; null unless admitted. */
  expiresAt: Date | null;
  /** Names the admission in its token; null unless admitted. */
  admissionId: string | null;
};

export type JoinRequest = {
  eventId: string;
  userId: string;
  now: Date;
  /** Joining before the on-sale moment: the fan's rank is `lobbyRank` instead of the next arrival number. */
  lobby: boolean;
  /** A number in [0, 1), drawn by the caller (so tests can seed it); used only for the lobby. */
  lobbyRank: number;
  /**
   * For later arrivals: how many arrival numbers to put the fan back by (0: none), so up to that many
   * later arrivals go ahead. The arrival count also moves with other events' arrivals (PostgreSQL's one
   * sequence) or this event's admissions (Redis), so it is "up to", never more.
   */
  deferral?: number;
};

export type QueueControl = {
  soldOut: boolean;
  paused: boolean;
  /** The organizer's admission rate; null lets the admission loop decide. */
  ratePerMinute: number | null;
  /** Fans admitted over the last minute, as the admission loop last measured it. */
  admittedPerMinute: number;
};

export type QueueStats = {
  waiting: number;
  /** Admitted fans whose turn is live and not spent yet: each may still buy. */
  outstanding: number;
  /** Fans admitted at or after `since`. */
  admittedSince: number;
  /** The first of those admissions (the measured rate spans from it); null when there were none. */
  firstAdmittedAt: Date | null;
};

export interface QueueStore {
  readonly kind: "postgres" | "redis";

  /**
   * Puts the fan in line, once: while they wait or their turn is live, joining
   * again (a reload, a second tab) changes nothing and returns their entry.
   * After their turn is over (EXPIRED or USED) it puts them at the back again.
   * Lobby fans rank by `lobbyRank` (all below 1), later arrivals by arrival
   * number (1, 2, …), so the shuffled lobby is admitted first.
   */
  join(request: JoinRequest): Promise<QueueEntry>;

  /** The fan's entry, or null when they never joined. */
  entry(eventId: string, userId: string, now: Date): Promise<QueueEntry | null>;

  /** Admits the first `count` waiting fans in rank order until `now + windowMs`; returns their user ids. */
  admit(eventId: string, options: { count: number; now: Date; windowMs: number }): Promise<string[]>;

  /** Spends a live admission (atomic: of two holds racing with one token, one wins). False when not live. */
  consume(eventId: string, userId: string, admissionId: string, now: Date): Promise<boolean>;

  /** Gives back an admission `consume` spent, when the hold it was spent on did not happen. */
  restore(eventId: string, userId: string, admissionId: string): Promise<void>;

  /**
   * Gives a spent turn back while its window is still live: the fan let go of the hold they took
   * with it (to pick other seats), and may hold once more with the same token until the window ends.
   * False when there is nothing to give back (never spent, or the window is over).
   */
  reopen(eventId: string, userId: string, now: Date): Promise<boolean>;

  stats(eventId: string, options: { now: Date; since: Date }): Promise<QueueStats>;

  /**
   * The fans still waiting, in line order (the first is at position 1): what the live channel reads once a
   * second per process for every stream of the event, instead of each fan's place on its own.
   */
  waitingLine(eventId: string): Promise<string[]>;

  control(eventId: string): Promise<QueueControl>;

  setControl(eventId: string, patch: Partial<QueueControl>): Promise<QueueControl>;
}

export const DEFAULT_CONTROL: QueueControl = {
  soldOut: false,
  paused: false,
  ratePerMinute: null,
  admittedPerMinute: 0,
};

/** The state an admitted entry is in at `now`. */
export function admittedState(entry: { usedAt: Date | null; expiresAt: Date | null }, now: Date): QueueEntryState {
  if (entry.usedAt) return "USED";
  return entry.expiresAt && entry.expiresAt > now ? "ADMITTED" : "EXPIRED";
}

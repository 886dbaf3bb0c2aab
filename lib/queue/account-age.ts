/**
 * Accounts made just before an on-sale are how a script multiplies itself, so in a waiting room they
 * get a smaller share of admission, never none: an honest fan who signed up for this show still gets in.
 */

/** An account younger than this at the moment it joins counts as new. */
export const NEW_ACCOUNT_MS = 30 * 60_000;

/** A new account's weight in the lobby draw, against 1 for an older one. */
export const NEW_ACCOUNT_WEIGHT = 0.25;

/** How many later arrivals a new account joining after the on-sale lets ahead (see JoinRequest.deferral). */
export const NEW_ACCOUNT_DEFERRAL = 200;

export function isNewAccount(accountCreatedAt: Date, now: Date): boolean {
  return now.getTime() - accountCreatedAt.getTime() < NEW_ACCOUNT_MS;
}

/**
 * A lobby rank in [0, 1) from a uniform draw `u`, for a fan of weight `weight` (1: `u` itself). The
 * rank is 1 − e^(−X) for X exponential with rate `weight`, so sorting by rank is sorting by X: the
 * lobby comes out as a weighted random order, each next fan drawn with probability proportional to
 * their weight among those left (a new account is a quarter as likely as an older one at every
 * draw), and fans of equal weight stay in uniformly random order among themselves.
 */
export function weightedLobbyRank(u: number, weight: number): number {
  if (weight === 1) return u;
  // Rounding must not make it 1, the first later arrival's rank.
  return Math.min(1 - (1 - u) ** (1 / weight), 1 - Number.EPSILON / 2);
}

import { describe, expect, it } from "vitest";
import { isNewAccount, NEW_ACCOUNT_MS, NEW_ACCOUNT_WEIGHT, weightedLobbyRank } from "@/lib/queue/account-age";
import { seededRandom } from "@/lib/queue/random";

describe("new accounts in a waiting room", () => {
  it("are those made within the last half hour", () => {
    const now = new Date("2027-06-01T12:00:00Z");
    expect(isNewAccount(new Date(now.getTime() - NEW_ACCOUNT_MS + 1), now)).toBe(true);
    expect(isNewAccount(new Date(now.getTime() - NEW_ACCOUNT_MS), now)).toBe(false);
  });

  it("draw lobby ranks below 1 (the first later arrival's), older accounts exactly their draw", () => {
    expect(weightedLobbyRank(0.3, 1)).toBe(0.3);
    for (const u of [0, 0.5, 0.9999, 1 - 2 ** -48]) {
      const rank = weightedLobbyRank(u, NEW_ACCOUNT_WEIGHT);
      expect(rank).toBeGreaterThanOrEqual(0);
      expect(rank).toBeLessThan(1);
    }
  });

  it("get a quarter of an older account's chance at each place, not none (seeded)", () => {
    const random = seededRandom(20_261_202);
    const fans = [
      ...Array.from({ length: 400 }, () => ({ young: false, rank: weightedLobbyRank(random(), 1) })),
      ...Array.from({ length: 100 }, () => ({ young: true, rank: weightedLobbyRank(random(), NEW_ACCOUNT_WEIGHT) })),
    ].sort((a, b) => a.rank - b.rank);
    // At the front, a new account's chance is 25 in 425 (6 %) against its 20 % of the lobby.
    const youngInFirst100 = fans.slice(0, 100).filter((fan) => fan.young).length;
    expect(youngInFirst100).toBeGreaterThan(0);
    expect(youngInFirst100).toBeLessThan(13);
    // And they are not all pushed to the very end: some are admitted before the last hundred.
    expect(fans.slice(0, 400).filter((fan) => fan.young).length).toBeGreaterThan(20);
  });
});

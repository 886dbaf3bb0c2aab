import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/audit-log";
import type { DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { publicUserSelect, type PublicUser } from "./users";

// Tokens look like `mq_<43 base64url chars>`; only their sha256 is stored.
const TOKEN_PREFIX = "mq_";

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const tokenAudit = (record: { id: string; name: string; prefix: string; organizationId: string | null }) => ({
  organizationId: record.organizationId,
  entityType: "api_token",
  entityId: record.id,
  details: { name: record.name, prefix: record.prefix },
});

/** A new token for the user, with its audit entry (on its organization's log when it is made for one). */
export async function issueApiToken(db: DbOrTx, options: { userId: string; name: string; organizationId?: string }) {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const record = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        userId: options.userId,
        name: options.name,
        tokenHash: hashToken(token),
        prefix: token.slice(0, 10),
        organizationId: options.organizationId ?? null,
      },
      select: { id: true, name: true, prefix: true, createdAt: true, organizationId: true },
    });
    await recordAudit(tx, { actorId: options.userId, action: "api_token.created", ...tokenAudit(created) });
    return created;
  });
  return { ...record, token };
}

/** A user's live tokens; with `organizationId`, only those made for that organization. */
export function listApiTokens(db: DbOrTx, userId: string, organizationId?: string) {
  return db.apiToken.findMany({
    where: { userId, revokedAt: null, ...(organizationId ? { organizationId } : {}) },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, organizationId: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeApiToken(db: DbOrTx, options: { userId: string; tokenId: string }) {
  await db.$transaction(async (tx) => {
    const [revoked] = await tx.apiToken.updateManyAndReturn({
      where: { id: options.tokenId, userId: options.userId, revokedAt: null },
      data: { revokedAt: new Date() },
      select: { id: true, name: true, prefix: true, organizationId: true },
    });
    if (!revoked) throw new AppError("NOT_FOUND", "No such active token.");
    await recordAudit(tx, { actorId: options.userId, action: "api_token.revoked", ...tokenAudit(revoked) });
  });
  // This process forgets it at once; other processes within TOKEN_CACHE_TTL_MS.
  for (const [hash, entry] of tokenCache) if (entry.tokenId === options.tokenId) tokenCache.delete(hash);
}

/**
 * Forgets this process's cached lookups of a user's tokens, after their account was disabled or its
 * role changed: the next call re-reads the user (other processes within TOKEN_CACHE_TTL_MS).
 */
export function forgetCachedTokensOf(userId: string) {
  for (const [hash, entry] of tokenCache) if (entry.userId === userId) tokenCache.delete(hash);
}

type TokenOwner = { user: PublicUser; organizationId: string | null };

/**
 * How long a token's lookup is reused in this process: a revoked token, an
 * expired one, a deleted user or a changed role take effect within this long
 * on every app instance (at once on the instance that revoked it). Saves the
 * database read on every API call (one per hold request, say).
 */
export const TOKEN_CACHE_TTL_MS = 5_000;
const TOKEN_CACHE_MAX_ENTRIES = 10_000;

type CachedLookup = {
  owner: TokenOwner | null;
  tokenId: string | null;
  /** Whose token it is, refused ones included (a disabled account's, forgotten when it is enabled again). */
  userId: string | null;
  expiresAt: Date | null;
  until: number;
};
const tokenCache = new Map<string, CachedLookup>();

function remember(hash: string, entry: CachedLookup) {
  // Oldest first: a Map iterates in insertion order, so this drops the longest-cached entry.
  if (tokenCache.size >= TOKEN_CACHE_MAX_ENTRIES) tokenCache.delete(tokenCache.keys().next().value!);
  tokenCache.set(hash, entry);
}

/**
 * The owner of a live token and the organization it is limited to, or null for
 * unknown, revoked or expired tokens. Answers from a short-lived in-process
 * cache keyed by the token's hash (TOKEN_CACHE_TTL_MS); `now` is injectable for tests.
 */
export async function userForApiToken(db: DbOrTx, token: string, now = new Date()): Promise<TokenOwner | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const hash = hashToken(token);
  const cached = tokenCache.get(hash);
  if (cached && cached.until > now.getTime()) {
    return cached.expiresAt && cached.expiresAt <= now ? null : cached.owner;
  }
  tokenCache.delete(hash);
  const owner = await lookUpToken(db, hash, now);
  remember(hash, { ...owner, until: now.getTime() + TOKEN_CACHE_TTL_MS });
  return owner.owner;
}

async function lookUpToken(db: DbOrTx, hash: string, now: Date): Promise<Omit<CachedLookup, "until">> {
  const record = await db.apiToken.findUnique({
    where: { tokenHash: hash },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      organizationId: true,
      user: { select: { ...publicUserSelect, disabledAt: true } },
    },
  });
  if (!record || record.revokedAt || (record.expiresAt && record.expiresAt <= now) || record.user.disabledAt) {
    return { owner: null, tokenId: record?.id ?? null, userId: record?.user.id ?? null, expiresAt: null };
  }
  // Recording every use would put a write on every API call; once a minute is enough to show activity.
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: record.id }, data: { lastUsedAt: now } });
  }
  const { disabledAt: _enabled, ...user } = record.user;
  return {
    owner: { user, organizationId: record.organizationId },
    tokenId: record.id,
    userId: user.id,
    expiresAt: record.expiresAt,
  };
}

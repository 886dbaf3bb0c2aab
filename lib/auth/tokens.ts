import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { publicUserSelect, type PublicUser } from "./users";

// Tokens look like `mq_<43 base64url chars>`; only their sha256 is stored.
const TOKEN_PREFIX = "mq_";

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function issueApiToken(db: DbOrTx, options: { userId: string; name: string; organizationId?: string }) {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const record = await db.apiToken.create({
    data: {
      userId: options.userId,
      name: options.name,
      tokenHash: hashToken(token),
      prefix: token.slice(0, 10),
      organizationId: options.organizationId ?? null,
    },
    select: { id: true, name: true, prefix: true, createdAt: true, organizationId: true },
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
  const { count } = await db.apiToken.updateMany({
    where: { id: options.tokenId, userId: options.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "No such active token.");
}

/** The owner of a live token and the organization it is limited to, or null for unknown, revoked or expired tokens. */
export async function userForApiToken(
  db: DbOrTx,
  token: string,
): Promise<{ user: PublicUser; organizationId: string | null } | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const record = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      organizationId: true,
      user: { select: publicUserSelect },
    },
  });
  const now = new Date();
  if (!record || record.revokedAt || (record.expiresAt && record.expiresAt <= now)) return null;
  // Recording every use would put a write on every API call; once a minute is enough to show activity.
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: record.id }, data: { lastUsedAt: now } });
  }
  return { user: record.user, organizationId: record.organizationId };
}

import "server-only";
import type { DbOrTx, Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { keysetQuery, type PageRequest } from "@/lib/keyset";

/** What one change was; written beside the change itself. */
export type AuditEntry = {
  /** The user who made the change; null for the system (webhooks, sweeps, the worker). */
  actorId: string | null;
  /** The organization the change belongs to; null for site-wide changes. */
  organizationId: string | null;
  /** "<entity>.<verb>", e.g. "event.published", "order.refunded", "ticket.checked_in". */
  action: string;
  entityType: string;
  entityId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  /** Anything else worth keeping: a reason, a device, an amount. */
  details?: Prisma.InputJsonObject;
};

/**
 * Records a change. Takes a transaction handle on purpose: the entry commits or
 * rolls back with the change it describes, so the log never claims a change
 * that did not happen nor misses one that did.
 */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: toRow(entry) });
}

/** Several entries in one statement, for changes that touch many rows at once. */
export async function recordAudits(tx: Tx, entries: AuditEntry[]): Promise<void> {
  if (entries.length > 0) await tx.auditLog.createMany({ data: entries.map(toRow) });
}

function toRow(entry: AuditEntry): Prisma.AuditLogCreateManyInput {
  const data: Prisma.InputJsonObject = {
    ...(entry.before === undefined ? {} : { before: entry.before }),
    ...(entry.after === undefined ? {} : { after: entry.after }),
    ...entry.details,
  };
  return {
    actorId: entry.actorId,
    organizationId: entry.organizationId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    data,
  };
}

export type AuditLogFilter = {
  organizationId?: string;
  actorId?: string;
  entityType?: string;
  entityId?: string;
  /** Prefix match, e.g. "order." for every order change. */
  actionPrefix?: string;
  since?: Date;
  until?: Date;
};

export type AuditLogPage = {
  entries: Array<{
    id: string;
    createdAt: Date;
    action: string;
    entityType: string;
    entityId: string;
    organizationId: string | null;
    actor: { id: string; email: string; name: string | null } | null;
    data: Prisma.JsonValue;
  }>;
  /** Pass back as `after` for the next (older) page; null on the last page. */
  nextCursor: string | null;
  /** Pass back as `before` for the previous (newer) page; null on the first page. */
  previousCursor: string | null;
};

/** Newest first, keyset-paginated on (createdAt, id) so deep pages stay fast (lib/keyset.ts). */
export async function listAuditEntries(db: DbOrTx, filter: AuditLogFilter, page: PageRequest): Promise<AuditLogPage> {
  const keyset = keysetQuery("createdAt", "desc", page);
  const where: Prisma.AuditLogWhereInput = {
    ...(filter.organizationId === undefined ? {} : { organizationId: filter.organizationId }),
    ...(filter.actorId === undefined ? {} : { actorId: filter.actorId }),
    ...(filter.entityType === undefined ? {} : { entityType: filter.entityType }),
    ...(filter.entityId === undefined ? {} : { entityId: filter.entityId }),
    ...(filter.actionPrefix === undefined ? {} : { action: { startsWith: filter.actionPrefix } }),
    createdAt: {
      ...(filter.since === undefined ? {} : { gte: filter.since }),
      ...(filter.until === undefined ? {} : { lt: filter.until }),
    },
    ...keyset.where,
  };
  const rows = await db.auditLog.findMany({
    where,
    orderBy: keyset.orderBy,
    take: keyset.take,
    select: {
      id: true,
      createdAt: true,
      action: true,
      entityType: true,
      entityId: true,
      organizationId: true,
      data: true,
      actor: { select: { id: true, email: true, name: true } },
    },
  });
  const { items, older, newer } = keyset.finish(rows);
  return { entries: items, nextCursor: older, previousCursor: newer };
}

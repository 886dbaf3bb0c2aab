import "server-only";
import type { DbOrTx } from "@/lib/db";
import type { AuditLogFilter } from "./audit-log";

/** The admin audit page's filter form, as typed: an organization's slug, an actor's e-mail, days. */
export type AuditFilterForm = {
  organization?: string | undefined;
  entityType?: string | undefined;
  action?: string | undefined;
  actor?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
};

const day = (value: string | undefined) => {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

/**
 * The form turned into `listAuditEntries`'s filter: the slug and e-mail looked up (null when either
 * names nothing, so the page shows no entries rather than every entry), `until` taken as the whole day.
 */
export async function resolveAuditFilter(db: DbOrTx, form: AuditFilterForm): Promise<AuditLogFilter | null> {
  const [organization, actor] = await Promise.all([
    form.organization
      ? db.organization.findUnique({ where: { slug: form.organization.toLowerCase() }, select: { id: true } })
      : undefined,
    form.actor ? db.user.findUnique({ where: { email: form.actor.toLowerCase() }, select: { id: true } }) : undefined,
  ]);
  if (organization === null || actor === null) return null;
  const since = day(form.since);
  const until = day(form.until);
  return {
    ...(organization ? { organizationId: organization.id } : {}),
    ...(actor ? { actorId: actor.id } : {}),
    ...(form.entityType ? { entityType: form.entityType } : {}),
    ...(form.action ? { actionPrefix: form.action } : {}),
    ...(since ? { since } : {}),
    ...(until ? { until: new Date(until.getTime() + 24 * 3600_000) } : {}),
  };
}

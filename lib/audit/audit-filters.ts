import { z } from "zod";

// The audit page's filters as they arrive in its URL, read leniently: a filter that does not
// parse is dropped rather than failing the page (the URL is the user's to edit).

/** The kinds of things the log records, for the page's filter (other modules' entries show up unfiltered too). */
export const AUDITED_ENTITY_TYPES = {
  event: "Events",
  ticket_type: "Ticket types and prices",
  venue: "Venues",
  venue_layout: "Seat maps",
  api_token: "API tokens",
  invitation: "Invitations",
  membership: "Staff",
  order: "Orders",
  refund: "Refunds",
  ticket: "Check-ins",
} as const;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);
const text = (max: number) => z.string().trim().max(max).optional().catch(undefined);

export const auditFilterQuery = z.object({
  entity: text(50),
  action: text(100),
  actor: text(200),
  from: day,
  to: day,
  after: text(200),
});
export type AuditFilterQuery = z.infer<typeof auditFilterQuery>;

const startOfDay = (value: string) => new Date(`${value}T00:00:00.000Z`);

/** The query as `listAuditEntries` filters: empty fields are no filter; `to` includes its whole day (UTC). */
export function auditFilter(query: AuditFilterQuery) {
  const until = query.to ? startOfDay(query.to) : undefined;
  until?.setUTCDate(until.getUTCDate() + 1);
  return {
    ...(query.entity ? { entityType: query.entity } : {}),
    ...(query.action ? { actionPrefix: query.action } : {}),
    ...(query.actor ? { actorId: query.actor } : {}),
    ...(query.from ? { since: startOfDay(query.from) } : {}),
    ...(until ? { until } : {}),
  };
}

import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { MEMBER_ROLES } from "@/lib/auth/memberships";
import type { DbOrTx } from "@/lib/db";
import { authorizeEvent } from "@/lib/events/event-access";
import type { CheckInStats } from "./schemas";

/**
 * Arrivals against tickets sold, for the door: live tickets and how many of them are checked in, in one
 * pass over the event's tickets (index tickets(eventId, status)). Polled by every scanner at the door.
 */
export async function checkInStats(db: DbOrTx, options: { actor: Actor; eventId: string }): Promise<CheckInStats> {
  const event = await authorizeEvent(db, options.actor, options.eventId, MEMBER_ROLES);
  const [counts] = await db.$queryRaw<{ sold: bigint; checkedIn: bigint }[]>`
    SELECT count(*) AS sold, count("checkedInAt") AS "checkedIn"
    FROM tickets WHERE "eventId" = ${event.id} AND status = 'ISSUED'`;
  return { eventId: event.id, checkedIn: Number(counts?.checkedIn ?? 0), sold: Number(counts?.sold ?? 0) };
}

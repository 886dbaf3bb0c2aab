import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { changeMemberRole, removeMember } from "@/lib/auth/memberships";
import { issueApiToken, revokeApiToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { createEvent, duplicateEvent, updateEvent } from "@/lib/events/authoring";
import { createEventInput } from "@/lib/events/event-schemas";
import { publishEvent, unpublishEvent } from "@/lib/events/publishing";
import { addTicketType, deleteTicketType, updateTicketType } from "@/lib/events/ticket-types";
import { venueInput } from "@/lib/events/venue-input";
import { saveLayoutVersion } from "@/lib/events/venue-layouts";
import { createVenue, updateVenue } from "@/lib/events/venues";
import { cancelEventAsOrganizer } from "@/lib/orders/cancellation";
import { services } from "@/lib/services";
import { acceptInvitation, inviteMember, revokeInvitation } from "@/lib/staff/invitations";
import { draftEvent, inDays, organizationWithCallers } from "../support/access-fixtures";
import { actorOf } from "../support/actors";
import { uniqueEmail } from "../support/factories";
import { addMember, smallLayout, venueBody } from "../support/venue-fixtures";

// The audit log's promise (docs/architecture.md, "Audit log"): every change writes exactly one
// entry, in the change's own transaction. Each change below runs twice: once normally, where it
// must add one entry with its action; once in an organization whose transactions are made to
// fail at commit, after the entry was written (a deferred trigger), where neither the change
// nor the entry may remain.

const DOOMED = "Doomed by the audit test";

beforeAll(async () => {
  await db.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION audit_test_doom() RETURNS trigger AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM organizations WHERE id = NEW."organizationId" AND name = '${DOOMED}') THEN
        RAISE EXCEPTION 'audit test: the change fails after its audit entry';
      END IF;
      RETURN NULL;
    END $$ LANGUAGE plpgsql`);
  await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS audit_test_doom ON audit_logs`);
  await db.$executeRawUnsafe(`
    CREATE CONSTRAINT TRIGGER audit_test_doom AFTER INSERT ON audit_logs
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_test_doom()`);
});
afterAll(async () => {
  await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS audit_test_doom ON audit_logs`);
  await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS audit_test_doom()`);
});

type World = Awaited<ReturnType<typeof organizationWithCallers>> & { owner: Actor };

async function world(): Promise<World> {
  const w = await organizationWithCallers();
  return { ...w, owner: actorOf(w.callers.owner.user) };
}

type Change = {
  /** Fresh data for the change (not audited, or audited before the count starts). */
  prepare: (w: World) => Promise<Record<string, string>>;
  run: (w: World, p: Record<string, string>) => Promise<unknown>;
  /** What the change changes: different after a success, the same after a rollback. */
  state: (w: World, p: Record<string, string>) => Promise<unknown>;
};

const event = async (w: World) => draftEvent(w);
const eventStatus = async (_: World, p: Record<string, string>) =>
  (await db.event.findUniqueOrThrow({ where: { id: p.eventId! } })).status;
const eventCount = (w: World) => db.event.count({ where: { organizationId: w.organization.id } });
const membershipId = async (w: World, role: "OWNER" | "MANAGER" | "CHECK_IN") => {
  const member = await addMember(w.organization.id, role);
  return (
    await db.membership.findFirstOrThrow({ where: { organizationId: w.organization.id, userId: member.user.id } })
  ).id;
};
async function invited(w: World) {
  const email = uniqueEmail("invitee");
  const { id } = await inviteMember(db, {
    actor: w.owner,
    organizationId: w.organization.id,
    input: { email, role: "MANAGER" },
    appUrl: "http://marquee.test",
    now: new Date(),
  });
  return { invitationId: id, email };
}

const changes: Record<string, Change> = {
  "event.created": {
    prepare: async () => ({}),
    run: (w) =>
      createEvent(services(), {
        actor: w.owner,
        input: createEventInput.parse({
          venueId: w.venue.id,
          title: "Audited",
          category: "COMEDY",
          startsAt: inDays(9),
          endsAt: inDays(9.1),
          ticketTypes: [{ name: "Seat", priceMinor: 1_000, capacity: 10 }],
        }),
      }),
    state: eventCount,
  },
  "event.updated": {
    prepare: event,
    run: (w, p) => updateEvent(services(), { actor: w.owner, eventId: p.eventId!, changes: { title: "Retitled" } }),
    state: async (_, p) => (await db.event.findUniqueOrThrow({ where: { id: p.eventId! } })).title,
  },
  "event.duplicated": {
    prepare: event,
    run: (w, p) => duplicateEvent(services(), { actor: w.owner, eventId: p.eventId! }),
    state: eventCount,
  },
  "event.published": {
    prepare: event,
    run: (w, p) => publishEvent(services(), { actor: w.owner, eventId: p.eventId! }),
    state: eventStatus,
  },
  "event.unpublished": {
    prepare: (w) => draftEvent(w, "PUBLISHED"),
    run: (w, p) => unpublishEvent(services(), { actor: w.owner, eventId: p.eventId! }),
    state: eventStatus,
  },
  "event.cancelled": {
    prepare: (w) => draftEvent(w, "PUBLISHED"),
    run: (w, p) => cancelEventAsOrganizer(services(), { actor: w.owner, eventId: p.eventId!, reason: "Storm" }),
    state: eventStatus,
  },
  "ticket_type.created": {
    prepare: event,
    run: (w, p) =>
      addTicketType(services(), {
        actor: w.owner,
        eventId: p.eventId!,
        input: { name: "Balcony", priceMinor: 500, feeMinor: 0, capacity: 5, minPerOrder: 1, hidden: false },
      }),
    state: (_, p) => db.ticketType.count({ where: { eventId: p.eventId! } }),
  },
  "ticket_type.updated": {
    prepare: event,
    run: (w, p) =>
      updateTicketType(services(), {
        actor: w.owner,
        eventId: p.eventId!,
        ticketTypeId: p.ticketTypeId!,
        changes: { priceMinor: 1_500 },
      }),
    state: async (_, p) => (await db.ticketType.findUniqueOrThrow({ where: { id: p.ticketTypeId! } })).priceMinor,
  },
  "ticket_type.deleted": {
    prepare: event,
    run: (w, p) => deleteTicketType(services(), { actor: w.owner, eventId: p.eventId!, ticketTypeId: p.ticketTypeId! }),
    state: (_, p) => db.ticketType.count({ where: { id: p.ticketTypeId! } }),
  },
  "venue.created": {
    prepare: async () => ({}),
    run: (w) =>
      createVenue(db, {
        organizationId: w.organization.id,
        input: venueInput.parse(venueBody()),
        actorId: w.owner.userId,
      }),
    state: (w) => db.venue.count({ where: { organizationId: w.organization.id } }),
  },
  "venue.updated": {
    prepare: async () => ({}),
    run: (w) =>
      updateVenue(db, {
        organizationId: w.organization.id,
        venueId: w.venue.id,
        changes: { name: "Renamed Hall" },
        actorId: w.owner.userId,
      }),
    state: async (w) => (await db.venue.findUniqueOrThrow({ where: { id: w.venue.id } })).name,
  },
  "venue_layout.saved": {
    prepare: async () => ({}),
    run: (w) => saveLayoutVersion(db, { venueId: w.venue.id, document: smallLayout(), createdById: w.owner.userId }),
    state: (w) => db.venueLayout.count({ where: { venueId: w.venue.id } }),
  },
  "api_token.created": {
    prepare: async () => ({}),
    run: (w) => issueApiToken(db, { userId: w.owner.userId, name: "Box office", organizationId: w.organization.id }),
    state: (w) => db.apiToken.count({ where: { organizationId: w.organization.id } }),
  },
  "api_token.revoked": {
    prepare: async () => ({}),
    run: async (w) => {
      // Made inside the doomed organization's run as well: the token and its revocation roll back together.
      const token = await db.apiToken.create({
        data: {
          userId: w.owner.userId,
          name: "x",
          tokenHash: crypto.randomUUID(),
          prefix: "mq_x",
          organizationId: w.organization.id,
        },
      });
      await revokeApiToken(db, { userId: w.owner.userId, tokenId: token.id });
    },
    state: (w) => db.apiToken.count({ where: { organizationId: w.organization.id, revokedAt: { not: null } } }),
  },
  "invitation.sent": {
    prepare: async () => ({}),
    run: (w) => invited(w),
    state: (w) => db.invitation.count({ where: { organizationId: w.organization.id } }),
  },
  "invitation.revoked": {
    prepare: invited,
    run: (w, p) =>
      revokeInvitation(db, {
        actor: w.owner,
        organizationId: w.organization.id,
        invitationId: p.invitationId!,
        now: new Date(),
      }),
    state: async (_, p) => (await db.invitation.findUniqueOrThrow({ where: { id: p.invitationId! } })).revokedAt,
  },
  "invitation.accepted": {
    prepare: async (w) => {
      const { user } = await addMember(w.otherOrganization.id, "MANAGER");
      const token = crypto.randomUUID();
      const { createHash } = await import("node:crypto");
      await db.invitation.create({
        data: {
          organizationId: w.organization.id,
          email: user.email,
          role: "CHECK_IN",
          tokenHash: createHash("sha256").update(token).digest("hex"),
          expiresAt: inDays(1),
        },
      });
      return { token, userId: user.id };
    },
    run: async (_, p) => {
      const user = await db.user.findUniqueOrThrow({ where: { id: p.userId! } });
      return acceptInvitation(db, { actor: actorOf(user), token: p.token!, now: new Date() });
    },
    state: (w, p) => db.membership.count({ where: { organizationId: w.organization.id, userId: p.userId! } }),
  },
  "membership.role_changed": {
    prepare: async (w) => ({ membershipId: await membershipId(w, "MANAGER") }),
    run: (w, p) =>
      changeMemberRole(db, {
        actor: w.owner,
        organizationId: w.organization.id,
        membershipId: p.membershipId!,
        role: "OWNER",
      }),
    state: async (_, p) => (await db.membership.findUniqueOrThrow({ where: { id: p.membershipId! } })).role,
  },
  "membership.removed": {
    prepare: async (w) => ({ membershipId: await membershipId(w, "CHECK_IN") }),
    run: (w, p) =>
      removeMember(db, { actor: w.owner, organizationId: w.organization.id, membershipId: p.membershipId! }),
    state: (_, p) => db.membership.count({ where: { id: p.membershipId! } }),
  },
};

const entriesOf = (organizationId: string) =>
  db.auditLog.findMany({ where: { organizationId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

describe("the audit log", () => {
  it.each(Object.entries(changes))("%s: one entry with the change, none when it rolls back", async (action, change) => {
    const w = await world();
    const p = await change.prepare(w);
    const before = await change.state(w, p);
    const already = (await entriesOf(w.organization.id)).length;
    await change.run(w, p);
    expect(await change.state(w, p), "the change happened").not.toEqual(before);
    const added = (await entriesOf(w.organization.id)).slice(already);
    expect(added.map((e) => e.action)).toEqual([action]);
    expect(added[0]!.actorId).not.toBeNull();

    const doomed = await world();
    const q = await change.prepare(doomed);
    const untouched = await change.state(doomed, q);
    const count = (await entriesOf(doomed.organization.id)).length;
    await db.organization.update({ where: { id: doomed.organization.id }, data: { name: DOOMED } });
    await expect(change.run(doomed, q)).rejects.toThrow(/the change fails after its audit entry/);
    expect(await change.state(doomed, q), "the change rolled back").toEqual(untouched);
    expect(await entriesOf(doomed.organization.id)).toHaveLength(count);
  });

  it("keeps what an edit changed, before and after, and nothing else", async () => {
    const w = await world();
    const { eventId, ticketTypeId } = await draftEvent(w);
    await updateEvent(services(), { actor: w.owner, eventId, changes: { title: "Retitled", description: "" } });
    await updateTicketType(services(), {
      actor: w.owner,
      eventId,
      ticketTypeId,
      changes: { priceMinor: 2_500, capacity: 10 },
    });
    const [edit, price] = (await entriesOf(w.organization.id)).filter((e) => e.action.endsWith(".updated"));
    expect(edit!.data).toEqual({ before: { title: "Access check" }, after: { title: "Retitled" } });
    expect(price).toMatchObject({
      action: "ticket_type.updated",
      entityType: "ticket_type",
      entityId: ticketTypeId,
      data: { before: { priceMinor: 1_000 }, after: { priceMinor: 2_500 }, eventId, name: "Seat" },
    });
  });
});

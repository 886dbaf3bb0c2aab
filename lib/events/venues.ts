import "server-only";
import { recordAudit } from "@/lib/audit/audit-log";
import { changedFields, snapshot } from "@/lib/audit/changes";
import type { Actor } from "@/lib/auth/actor";
import { MANAGING_ROLES, requireOrganizationRole } from "@/lib/auth/memberships";
import { findUser } from "@/lib/auth/users";
import type { DbOrTx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import type { MembershipRole } from "@/lib/generated/prisma/enums";
import { enqueueSearchSync } from "./search-sync";
import type { VenueChanges, VenueInput } from "./venue-input";

// Venues of an organization: create, edit, list, read. Their seat-map layouts
// are in venue-layouts.ts.

/** Where a venue is, as fans are shown it (no ids). */
export const venuePlaceSelect = {
  name: true,
  address: true,
  city: true,
  region: true,
  postalCode: true,
  country: true,
  timeZone: true,
  latitude: true,
  longitude: true,
} as const;

export const venueSelect = {
  id: true,
  organizationId: true,
  slug: true,
  ...venuePlaceSelect,
  createdAt: true,
  updatedAt: true,
} as const;

/** "Blue Note Jazz Club" → "blue-note-jazz-club"; accents dropped, at most 60 characters. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 60)
    .replace(/^-+|-+$/g, "");
}

/** Slugs to try in turn: the name, the name and city, then numbered. Slugs are unique across organizations. */
function slugCandidates(input: Pick<VenueInput, "name" | "city">): string[] {
  const name = slugify(input.name) || "venue";
  const withCity = slugify(`${input.name} ${input.city}`) || name;
  return [
    name,
    ...(withCity === name ? [] : [withCity]),
    ...Array.from({ length: 8 }, (_, i) => `${withCity}-${i + 2}`),
  ];
}

/** What the audit log keeps of a new venue. */
const AUDITED_FIELDS = ["name", "address", "city", "country", "timeZone"] as const;

/**
 * Creates a venue with a readable slug, on the audit log as `actorId`'s. Each
 * candidate is simply tried, each in a transaction of its own with its audit
 * entry: the unique index decides, so two organizers naming a venue alike at
 * the same moment cannot both get the slug. A random suffix ends the search.
 */
export async function createVenue(
  db: DbOrTx,
  options: { organizationId: string; input: VenueInput; actorId: string | null },
) {
  const candidates = [...slugCandidates(options.input), `${slugify(options.input.name) || "venue"}-${randomSuffix()}`];
  for (const slug of candidates) {
    try {
      return await db.$transaction(async (tx) => {
        const venue = await tx.venue.create({
          data: { ...options.input, organizationId: options.organizationId, slug },
          select: venueSelect,
        });
        await recordAudit(tx, {
          actorId: options.actorId,
          organizationId: options.organizationId,
          action: "venue.created",
          entityType: "venue",
          entityId: venue.id,
          after: snapshot(venue, AUDITED_FIELDS),
        });
        return venue;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new AppError("CONFLICT", "Could not find a free address for this venue; try another name.");
}

function randomSuffix(): string {
  return Math.random().toString(36).slice(2, 8);
}

/**
 * Edits a venue of the organization (the slug stays: links keep working). Its
 * name, city, zone and position are part of its events' search documents, so
 * every event there that search may hold is queued for re-indexing in the
 * same transaction.
 */
export async function updateVenue(
  db: DbOrTx,
  options: { organizationId: string; venueId: string; changes: VenueChanges; actorId: string | null },
) {
  return db.$transaction(async (tx) => {
    // Locked while read, so the audit's "before" is what this change replaced, even with two edits at once.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM venues WHERE id = ${options.venueId} AND "organizationId" = ${options.organizationId} FOR UPDATE`;
    if (locked.length === 0) throw new AppError("NOT_FOUND", "No such venue.");
    const before = await tx.venue.findUniqueOrThrow({ where: { id: options.venueId }, select: venueSelect });
    await tx.venue.update({ where: { id: options.venueId }, data: options.changes });
    await recordAudit(tx, {
      actorId: options.actorId,
      organizationId: options.organizationId,
      action: "venue.updated",
      entityType: "venue",
      entityId: options.venueId,
      ...changedFields(before, options.changes),
    });
    const events = await tx.event.findMany({
      where: { venueId: options.venueId, status: { not: "DRAFT" } },
      select: { id: true },
    });
    for (const event of events) await enqueueSearchSync(tx, event.id);
    return tx.venue.findUniqueOrThrow({ where: { id: options.venueId }, select: venueSelect });
  });
}

/** The organization's venues by name, each with its latest layout version (or null). */
export async function listVenues(db: DbOrTx, options: { organizationId: string }) {
  const venues = await db.venue.findMany({
    where: { organizationId: options.organizationId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      ...venueSelect,
      layouts: {
        orderBy: { version: "desc" },
        take: 1,
        select: { version: true, name: true, seatCount: true, standingCapacity: true, createdAt: true },
      },
    },
  });
  return venues.map(({ layouts, ...venue }) => ({ ...venue, latestLayout: layouts[0] ?? null }));
}

export type VenueSummary = Awaited<ReturnType<typeof listVenues>>[number];

/** One venue of the organization with every layout version, newest first; NOT_FOUND for any other venue. */
export async function venueDetails(db: DbOrTx, options: { organizationId: string; venueId: string }) {
  const venue = await db.venue.findFirst({
    where: { id: options.venueId, organizationId: options.organizationId },
    select: {
      ...venueSelect,
      layouts: {
        orderBy: { version: "desc" },
        select: {
          id: true,
          version: true,
          name: true,
          seatCount: true,
          standingCapacity: true,
          createdAt: true,
          createdById: true,
        },
      },
    },
  });
  if (!venue) throw new AppError("NOT_FOUND", "No such venue.");
  const { layouts, ...rest } = venue;
  // Users belong to lib/auth (and layouts have no relation to them): ask it, once per person.
  const authorIds = [...new Set(layouts.flatMap((l) => (l.createdById ? [l.createdById] : [])))];
  const authors = new Map(
    (await Promise.all(authorIds.map((id) => findUser(db, id)))).flatMap((user) =>
      user ? [[user.id, user.name]] : [],
    ),
  );
  return {
    ...rest,
    layouts: layouts.map((layout) => ({
      ...layout,
      createdByName: layout.createdById ? (authors.get(layout.createdById) ?? null) : null,
    })),
  };
}

export type VenueDetails = Awaited<ReturnType<typeof venueDetails>>;

/**
 * Authorizes an action on one venue by id (API routes and actions that only
 * know the venue): a venue that does not exist and a venue of an organization
 * the actor is not in are the same 404; too small a role is a 403.
 */
export async function authorizeVenue(
  db: DbOrTx,
  actor: Actor,
  venueId: string,
  roles: readonly MembershipRole[] = MANAGING_ROLES,
): Promise<{ venueId: string; organizationId: string }> {
  const venue = await db.venue.findUnique({ where: { id: venueId }, select: { id: true, organizationId: true } });
  if (!venue) throw new AppError("NOT_FOUND", "No such venue.");
  try {
    await requireOrganizationRole(db, actor, venue.organizationId, roles);
  } catch (error) {
    // Outsiders learn nothing about the venue, not even which organization has it.
    if (error instanceof AppError && error.code === "NOT_FOUND") throw new AppError("NOT_FOUND", "No such venue.");
    throw error;
  }
  return { venueId: venue.id, organizationId: venue.organizationId };
}

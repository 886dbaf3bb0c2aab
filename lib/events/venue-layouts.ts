import "server-only";
import { recordAudit } from "@/lib/audit/audit-log";
import type { DbOrTx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { validateLayout } from "./layout/validate";

// Saved versions of a venue's seat map. A version is never changed once saved
// (events copy their seats from one), so "save" always adds version n + 1.

const versionSelect = {
  id: true,
  venueId: true,
  version: true,
  name: true,
  seatCount: true,
  standingCapacity: true,
  createdAt: true,
} as const;

const SAVE_ATTEMPTS = 5;

/**
 * Validates a layout document and saves it as the venue's next version, with
 * its seat count (disabled seats included: they exist, they are just not sold)
 * and standing capacity. The stored document is the parsed one, defaults
 * filled in, so a later change to a default never changes an old version.
 * Two saves at once both read the same highest version; the unique index on
 * (venue, version) refuses the second insert, which then reads again. Each
 * attempt is one transaction with its audit entry (`createdById` is the actor).
 * Callers authorize first (`authorizeVenue`).
 */
export async function saveLayoutVersion(
  db: DbOrTx,
  options: { venueId: string; document: unknown; createdById: string | null },
) {
  const check = validateLayout(options.document);
  if (!check.ok) {
    throw new AppError("VALIDATION_FAILED", "The layout is not valid.", { issues: check.issues });
  }
  const standingCapacity = check.standing.reduce((sum, area) => sum + area.capacity, 0);
  for (let attempt = 1; ; attempt++) {
    const latest = await db.venueLayout.findFirst({
      where: { venueId: options.venueId },
      orderBy: { version: "desc" },
      select: { version: true },
    });
    try {
      return await db.$transaction(async (tx) => {
        const saved = await tx.venueLayout.create({
          data: {
            venueId: options.venueId,
            version: (latest?.version ?? 0) + 1,
            name: check.layout.name,
            document: check.layout as Prisma.InputJsonValue,
            seatCount: check.seats.length,
            standingCapacity,
            createdById: options.createdById,
          },
          select: { ...versionSelect, venue: { select: { organizationId: true } } },
        });
        const { venue, ...version } = saved;
        await recordAudit(tx, {
          actorId: options.createdById,
          organizationId: venue.organizationId,
          action: "venue_layout.saved",
          entityType: "venue_layout",
          entityId: version.id,
          after: { name: version.name, version: version.version, seatCount: version.seatCount, standingCapacity },
          details: { venueId: options.venueId },
        });
        return version;
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= SAVE_ATTEMPTS) throw error;
    }
  }
}

export type LayoutVersionSummary = Awaited<ReturnType<typeof saveLayoutVersion>>;

/** A saved layout with its document: the given version, or the latest; null when the venue has none yet. */
export async function layoutVersion(db: DbOrTx, options: { venueId: string; version?: number | undefined }) {
  return db.venueLayout.findFirst({
    where: { venueId: options.venueId, ...(options.version === undefined ? {} : { version: options.version }) },
    orderBy: { version: "desc" },
    select: { ...versionSelect, document: true },
  });
}

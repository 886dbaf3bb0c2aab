import { hashPassword } from "@/lib/auth/passwords";
import type { Db, Tx } from "@/lib/db-client";
import { copyLayoutSeats, expandSavedLayout, type ExpandedLayout } from "@/lib/events/seat-copy";
import { saveLayoutVersion } from "@/lib/events/venue-layouts";
import { arenaLayout } from "./arena-layout";
import {
  categoriesOf,
  categoryTags,
  DEMO_PASSWORD,
  demoAccounts,
  organizations,
  performers,
  staffAccounts,
  tourWords,
  venues,
  type Category,
} from "./catalog";
import { seededRandom, slugify } from "./random";
import { seedSalesHistory, type ArenaShow } from "./sales-history";

const DAY = 24 * 60 * 60 * 1000;
const FUTURE_EVENTS = 240;
const PAST_EVENTS = 24;

// Prices of the arena layout's zones (see arena-layout.ts).
const arenaPrices: Record<string, number> = { floor: 18_900, lower: 12_900, upper: 6_900 };
// The share of each arena show's rows sold so far: the sooner show sells better. The later one keeps
// more than 5,000 seats free (tests/e2e/event-page-cache.spec.ts counts them).
const arenaShares = [0.25, 0.06];
// About 12 % in fees, rounded to 50 cents so all-in prices read cleanly.
const fee = (priceMinor: number) => Math.round((priceMinor * 0.12) / 50) * 50;

/** A time of day in the venue's zone expressed in UTC, close enough for demo data (no DST lookup). */
function at(day: Date, hourUtc: number) {
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hourUtc));
}

/**
 * Writes the demo catalogue: users, organizations, venues (the arenas with a
 * seat map saved in the builder's format), 264 events (two of them 5,660-seat
 * reserved-seating arena shows whose seats are copied from that map, as the
 * dashboard does), and their sales history (sales-history.ts). Deterministic
 * for a given day: dates are relative to `today` so the catalogue always looks upcoming.
 */
export async function seedDemoData(db: Tx, options: { passwordHash: string; today?: Date }) {
  const random = seededRandom(20261124);
  const today = options.today ?? new Date();
  const { passwordHash } = options;
  // The demo accounts' addresses count as confirmed, so the demo fan can buy for an on-sale with a waiting room.
  const emailVerifiedAt = today;

  await db.user.createMany({
    data: [
      { ...demoAccounts.admin, passwordHash, role: "ADMIN" as const },
      { ...demoAccounts.fan, passwordHash, role: "FAN" as const },
      ...organizations.map((o) => ({ ...o.owner, passwordHash, role: "ORGANIZER" as const })),
      ...staffAccounts.map(({ email, name }) => ({ email, name, passwordHash, role: "ORGANIZER" as const })),
    ].map((account) => ({ ...account, emailVerifiedAt })),
  });
  const users = await db.user.findMany({ select: { id: true, email: true } });
  const userId = (email: string) => users.find((u) => u.email === email)?.id ?? "";

  const orgIds: string[] = [];
  for (const org of organizations) {
    const created = await db.organization.create({
      data: {
        slug: org.slug,
        name: org.name,
        memberships: { create: { userId: userId(org.owner.email), role: "OWNER" } },
      },
    });
    orgIds.push(created.id);
  }
  await db.membership.createMany({
    data: staffAccounts.flatMap((staff) =>
      staff.memberships.map(({ org, role }) => ({
        userId: userId(staff.email),
        organizationId: orgIds[organizations.findIndex((o) => o.slug === org)] ?? "",
        role,
      })),
    ),
  });

  const venueRows = [];
  const arenaLayouts = new Map<string, ExpandedLayout>();
  for (const { org, arena, ...venue } of venues) {
    const row = await db.venue.create({ data: { ...venue, organizationId: orgIds[org] ?? "" } });
    venueRows.push({ ...row, org });
    if (arena) {
      const createdById = userId(organizations[org]!.owner.email);
      const saved = await saveLayoutVersion(db, { venueId: row.id, document: arenaLayout(), createdById });
      const stored = await db.venueLayout.findUniqueOrThrow({ where: { id: saved.id } });
      arenaLayouts.set(row.id, expandSavedLayout(stored));
    }
  }

  const slugs = new Set<string>();
  const arenaShows: ArenaShow[] = [];
  const eventCount = FUTURE_EVENTS + PAST_EVENTS;
  for (let i = 0; i < eventCount; i++) {
    const isArenaShow = i < 2;
    const venue = isArenaShow ? venueRows.filter((v) => arenaLayouts.has(v.id))[i]! : random.pick(venueRows);
    const category: Category = isArenaShow ? "CONCERT" : random.pick(categoriesOf[venue.org]);
    const performer = isArenaShow ? "The Velvet Comets" : random.pick(performers[category]);
    const suffix = isArenaShow ? "World Tour" : random.pick(tourWords[category]);
    const title = suffix ? `${performer}: ${suffix}` : performer;

    const past = i >= FUTURE_EVENTS;
    const dayOffset = isArenaShow ? 21 + i * 14 : past ? -random.int(3, 90) : random.int(1, 180);
    const day = new Date(today.getTime() + dayOffset * DAY);
    const startsAt = at(day, random.pick([0, 1, 2, 23]) + (category === "FAMILY" ? 18 : 0));
    const endsAt = new Date(startsAt.getTime() + random.int(2, 3) * 60 * 60 * 1000);
    const onSaleAt =
      i % 25 === 7 ? new Date(today.getTime() + random.int(1, 5) * DAY) : new Date(startsAt.getTime() - 90 * DAY);

    let slug = slugify(`${title} ${venue.city} ${startsAt.toISOString().slice(0, 10)}`);
    while (slugs.has(slug)) slug += "-2";
    slugs.add(slug);

    const status = isArenaShow ? "PUBLISHED" : i % 31 === 5 ? "DRAFT" : i % 47 === 11 ? "CANCELLED" : "PUBLISHED";
    const event = await db.event.create({
      data: {
        organizationId: orgIds[venue.org] ?? "",
        venueId: venue.id,
        slug,
        title,
        description: `${performer} ${arrivalVerb(performer, category)} to ${venue.name} in ${venue.city}. ${
          isArenaShow ? "Reserved seating across the floor, lower and upper bowl. " : ""
        }Doors open one hour before the start. All prices include fees.`,
        performers: [performer],
        category,
        tags: [random.pick(categoryTags[category]), random.pick(categoryTags[category])].filter(
          (t, k, all) => all.indexOf(t) === k,
        ),
        status,
        startsAt,
        endsAt,
        onSaleAt,
        perOrderLimit: isArenaShow ? 8 : random.pick([4, 6, 8, 10]),
        // The waiting room stays off in the demo: with it on, every hold on these shows goes through the queue first.
        queueEnabled: false,
        layoutId: arenaLayouts.get(venue.id)?.id ?? null,
        cancelledAt: status === "CANCELLED" ? today : null,
      },
    });

    const layout = isArenaShow ? arenaLayouts.get(venue.id) : undefined;
    if (layout) {
      await seedReservedSeating(db, event.id, layout);
      arenaShows.push({ eventId: event.id, layoutSeats: layout.seats, share: arenaShares[i] ?? 0 });
    } else await seedGeneralAdmission(db, event.id, random);
  }
  return seedSalesHistory(db, { passwordHash, today, arenaShows });
}

/** One RESERVED ticket type per zone of the map, then the event's own copy of its seats. */
async function seedReservedSeating(db: Tx, eventId: string, layout: ExpandedLayout) {
  const ticketTypeIdByZone = new Map<string, string>();
  for (const [sortOrder, zone] of layout.zones.entries()) {
    const priceMinor = arenaPrices[zone.key] ?? 5_000;
    const type = await db.ticketType.create({
      data: {
        eventId,
        name: zone.name,
        kind: "RESERVED",
        zone: zone.key,
        priceMinor,
        feeMinor: fee(priceMinor),
        currency: "USD",
        capacity: zone.sellableSeats,
        sortOrder,
      },
    });
    ticketTypeIdByZone.set(zone.key, type.id);
  }
  await copyLayoutSeats(db, { eventId, seats: layout.seats, ticketTypeIdByZone });
}

async function seedGeneralAdmission(db: Tx, eventId: string, random: ReturnType<typeof seededRandom>) {
  const base = random.int(2, 12) * 500 - 100; // $9 … $59
  const tiers = [
    { name: "General Admission", priceMinor: base, capacity: random.int(8, 40) * 25 },
    { name: "Balcony", priceMinor: base + 1_000, capacity: random.int(4, 12) * 25 },
    { name: "VIP", priceMinor: base * 3, capacity: random.int(1, 4) * 25 },
  ].slice(0, random.int(2, 3));
  await db.ticketType.createMany({
    data: tiers.map((tier, sortOrder) => ({
      ...tier,
      eventId,
      kind: "GENERAL_ADMISSION" as const,
      feeMinor: fee(tier.priceMinor),
      currency: "USD",
      sortOrder,
    })),
  });
}

/** Seeds the demo catalogue in one transaction unless the database already has users; what it sold, or null. */
export async function seedDemoDataIfEmpty(db: Db): Promise<{ orders: number; tickets: number } | null> {
  if ((await db.user.count()) > 0) return null;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.$transaction((tx) => seedDemoData(tx, { passwordHash }), { timeout: 120_000, maxWait: 10_000 });
}

/**
 * "Luna Marquez comes to…", "The Velvet Comets come to…", "The Glass Menagerie comes to…": a band named by a plural
 * noun takes a plural verb; people, shows and singular names take a singular one; teams take the field.
 */
function arrivalVerb(performer: string, category: string): string {
  if (category === "SPORTS") return "take the field";
  const last = performer.split(" ").at(-1) ?? "";
  return category === "CONCERT" && /[^s]s$/.test(last) ? "come" : "comes";
}

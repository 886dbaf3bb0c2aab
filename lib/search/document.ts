import "server-only";
import type { DbOrTx } from "@/lib/db";
import { allInPriceMinor } from "@/lib/money";
import type { EventCategory } from "@/lib/generated/prisma/enums";
import { CATEGORY_WORDS } from "./category-words";
import { priceBandOf } from "./engine";

/** One event as an external search index stores it (flat, denormalised). */
export type SearchDocument = {
  id: string;
  slug: string;
  title: string;
  performers: string[];
  description: string;
  tags: string[];
  category: EventCategory;
  /** The words a fan types for the category ("theatre", "theater"), matched like text. */
  categoryWords: string[];
  status: "PUBLISHED" | "CANCELLED";
  /** Unix seconds. */
  startsAt: number;
  /** Unix seconds; shown, not searched. */
  onSaleAt: number;
  venueName: string;
  city: string;
  timeZone: string;
  /** [latitude, longitude] */
  location: [number, number];
  minPriceMinor: number;
  maxPriceMinor: number;
  /** Every ticket type's all-in price, so a price filter can match any of them. */
  prices: number[];
  currency: string;
  priceBand: string;
  available: boolean;
};

/** The index document of a public event, or null when the event should not be searchable at all. */
export async function searchDocumentFor(db: DbOrTx, eventId: string): Promise<SearchDocument | null> {
  const event = await db.event.findUnique({
    where: { id: eventId },
    include: {
      venue: true,
      ticketTypes: {
        select: { priceMinor: true, feeMinor: true, currency: true, capacity: true, sold: true, held: true },
      },
    },
  });
  if (!event || event.status === "DRAFT") return null;
  const prices = event.ticketTypes.map(allInPriceMinor);
  const minPriceMinor = prices.length ? Math.min(...prices) : 0;
  return {
    id: event.id,
    slug: event.slug,
    title: event.title,
    performers: event.performers,
    description: event.description,
    tags: event.tags,
    category: event.category,
    categoryWords: [...CATEGORY_WORDS[event.category]],
    status: event.status,
    startsAt: Math.floor(event.startsAt.getTime() / 1000),
    onSaleAt: Math.floor(event.onSaleAt.getTime() / 1000),
    venueName: event.venue.name,
    city: event.venue.city,
    timeZone: event.venue.timeZone,
    location: [event.venue.latitude, event.venue.longitude],
    minPriceMinor,
    maxPriceMinor: prices.length ? Math.max(...prices) : 0,
    prices,
    currency: event.ticketTypes[0]?.currency ?? "USD",
    priceBand: priceBandOf(minPriceMinor),
    available: event.ticketTypes.some((t) => t.sold + t.held < t.capacity),
  };
}

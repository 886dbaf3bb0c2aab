import type { EventShell } from "@/lib/events/event-page";
import { toMajorUnits } from "@/lib/money";

/**
 * schema.org Event data for crawlers; prices in major units as schema.org expects. It is part of
 * the cached page, so it says nothing that changes with sales (no in stock / sold out).
 */
export function EventJsonLd({ event, url }: { event: EventShell; url: string }) {
  const prices = event.ticketTypes.map((t) => toMajorUnits(t.allInPriceMinor, t.currency));
  const data = {
    "@context": "https://schema.org",
    "@type": "Event",
    name: event.title,
    description: event.description,
    startDate: event.startsAt,
    endDate: event.endsAt,
    eventStatus:
      event.status === "CANCELLED" ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled",
    eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
    location: {
      "@type": "Place",
      name: event.venue.name,
      address: {
        "@type": "PostalAddress",
        streetAddress: event.venue.address,
        addressLocality: event.venue.city,
        addressRegion: event.venue.region,
        postalCode: event.venue.postalCode,
        addressCountry: event.venue.country,
      },
      geo: { "@type": "GeoCoordinates", latitude: event.venue.latitude, longitude: event.venue.longitude },
    },
    performer: event.performers.map((name) => ({ "@type": "PerformingGroup", name })),
    organizer: { "@type": "Organization", name: event.organization.name },
    offers: prices.length
      ? {
          "@type": "AggregateOffer",
          url,
          priceCurrency: event.ticketTypes[0]!.currency,
          lowPrice: Math.min(...prices),
          highPrice: Math.max(...prices),
          validFrom: event.onSaleAt,
        }
      : undefined,
  };
  return (
    <script
      type="application/ld+json"
      // JSON.stringify output with "<" escaped cannot close the script element.
      dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, "\\u003c") }}
    />
  );
}

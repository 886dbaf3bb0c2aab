import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SeatMapPlaceholder } from "@/components/ticket-picker/reserved-picker";
import { TicketPanel } from "@/components/ticket-picker/ticket-panel";

// What the cached event page sends before any script runs: names and prices from the shell and a
// friendly placeholder where the seat map will be, never a blank map and never a seat.

const shellTiers = [
  { name: "Floor", kind: "RESERVED", allInPriceMinor: 14450, currency: "USD" },
  { name: "Upper Bowl", kind: "RESERVED", allInPriceMinor: 4500, currency: "USD" },
];

describe("the ticket panel before its live read", () => {
  it("shows the shell's tiers and a loading placeholder for a seat map, and no seat", () => {
    const html = renderToStaticMarkup(
      createElement(TicketPanel, { slug: "arena", shellTiers, holdMinutes: 10, timeZone: "America/New_York" }),
    );
    for (const text of ["Floor", "$144.50", "Upper Bowl", "$45.00", "Holds last 10 minutes", "Loading the seat map…"]) {
      expect(html).toContain(text);
    }
    expect(html).toContain('data-testid="seat-map-placeholder"');
    expect(html).not.toContain("data-seat-id");
    expect(html).not.toContain("Sold out");
  });

  it("says it is checking tickets for general admission, without a map placeholder", () => {
    const ga = [{ name: "Standing", kind: "GENERAL_ADMISSION", allInPriceMinor: 3000, currency: "USD" }];
    const html = renderToStaticMarkup(
      createElement(TicketPanel, { slug: "club", shellTiers: ga, holdMinutes: 10, timeZone: "America/New_York" }),
    );
    expect(html).toContain("Checking which tickets are left…");
    expect(html).not.toContain("seat-map-placeholder");
  });

  it("says plainly when the map could not be loaded, with a way to try again", () => {
    const html = renderToStaticMarkup(createElement(SeatMapPlaceholder, { failed: true, onRetry: () => {} }));
    expect(html).toContain('role="alert"');
    expect(html).toContain("We couldn&#x27;t load the seat map.");
    expect(html).toContain("Try loading the map again");
  });
});

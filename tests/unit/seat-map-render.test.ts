import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SeatMap } from "@/components/ticket-picker/seat-map";
import type { SeatMapSeat, TicketTier } from "@/components/ticket-picker/types";
import { arenaSeats } from "../support/arena-seats";

const tiers: TicketTier[] = [
  { id: "floor", name: "Floor", kind: "RESERVED", allInPriceMinor: 14450, currency: "USD", remaining: 800 },
  { id: "lower", name: "Lower Bowl", kind: "RESERVED", allInPriceMinor: 8900, currency: "USD", remaining: 2700 },
  { id: "upper", name: "Upper Bowl", kind: "RESERVED", allInPriceMinor: 4500, currency: "USD", remaining: 2160 },
];

const seats: SeatMapSeat[] = arenaSeats().map((plan, i) => ({
  id: `seat-${i}`,
  section: plan.section,
  row: plan.row,
  number: plan.number,
  x: plan.x,
  y: plan.y,
  ticketTypeId: plan.zone,
  status: i % 10 === 0 ? "SOLD" : "AVAILABLE",
}));

describe("SeatMap markup for the 5,660-seat arena", () => {
  const html = renderToStaticMarkup(
    createElement(SeatMap, { seats, tiers, selectedIds: ["seat-1"], onToggle: () => {}, maxSelectable: 8 }),
  );

  it("renders every seat as one accessible checkbox with a single tab stop", () => {
    expect(html.match(/data-seat-id=/g)).toHaveLength(5660);
    expect(html.match(/role="checkbox"/g)).toHaveLength(5660);
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(html).toContain('data-testid="seat-map"');
    expect(html).toContain('aria-label="Section FL1, Row 1, Seat 1, $144.50, sold"');
  });

  it("marks the selected seat as checked and shows the legend with all-in prices", () => {
    const selected = html.match(/<[^>]*data-seat-id="seat-1"[^>]*>/)?.[0] ?? "";
    expect(selected).toContain('aria-checked="true"');
    expect(html.match(/aria-checked="true"/g)).toHaveLength(1);
    for (const text of ["Floor", "$144.50", "Lower Bowl", "$89.00", "Upper Bowl", "$45.00", "STAGE"]) {
      expect(html).toContain(text);
    }
  });
});

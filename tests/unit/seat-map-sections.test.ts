import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PhoneSeatMap } from "@/components/ticket-picker/phone-seat-map";
import { seatLabel } from "@/components/ticket-picker/seat-map-labels";
import {
  containsPoint,
  convexHull,
  priceRange,
  sectionAt,
  summarizeSections,
} from "@/components/ticket-picker/seat-map-sections";
import type { SeatMapSeat, TicketTier } from "@/components/ticket-picker/types";
import { arenaSeats } from "../support/arena-seats";

const tiers: TicketTier[] = [
  { id: "floor", name: "Floor", kind: "RESERVED", allInPriceMinor: 14450, currency: "USD", remaining: 800 },
  { id: "lower", name: "Lower Bowl", kind: "RESERVED", allInPriceMinor: 8900, currency: "USD", remaining: 2700 },
  { id: "upper", name: "Upper Bowl", kind: "RESERVED", allInPriceMinor: 4500, currency: "USD", remaining: 2160 },
];

// Every tenth seat sold, and all of section 210.
const arena: SeatMapSeat[] = arenaSeats().map((plan, i) => ({
  id: `seat-${i}`,
  section: plan.section,
  row: plan.row,
  number: plan.number,
  x: plan.x,
  y: plan.y,
  ticketTypeId: plan.zone,
  status: i % 10 === 0 || plan.section === "210" ? "SOLD" : "AVAILABLE",
}));

describe("section summaries", () => {
  const sections = summarizeSections(arena, tiers);
  const byName = new Map(sections.map((s) => [s.name, s]));

  it("list every section once, with its all-in price and the seats left from the live status", () => {
    expect(sections).toHaveLength(24);
    const s105 = byName.get("105")!;
    expect(s105.tierIds).toEqual(["lower"]);
    expect(s105.price).toBe("$89.00");
    const seats105 = arena.filter((s) => s.section === "105");
    expect(s105.available).toBe(seats105.filter((s) => s.status === "AVAILABLE").length);
    expect(byName.get("210")!.available).toBe(0);
    expect(byName.get("FL1")!.price).toBe("$144.50");
  });

  it("shows a range when a section's seats are priced differently", () => {
    const mixed = arena.map((s) => (s.section === "FL1" && s.row === "1" ? { ...s, ticketTypeId: "upper" } : s));
    const fl1 = summarizeSections(mixed, tiers).find((s) => s.name === "FL1")!;
    expect(fl1.tierIds).toEqual(["floor", "upper"]);
    expect(fl1.price).toBe("$45.00–$144.50");
    expect(priceRange([], "USD")).toBe("");
  });

  it("outlines each section with a hull that holds all its seats", () => {
    const outside = sections.flatMap((section) =>
      arena.filter((seat) => {
        if (seat.section !== section.name) return false;
        // On the outline counts: nudge towards the centre so boundary seats test as inside.
        const nudged = {
          x: seat.x + (section.center.x - seat.x) * 1e-6,
          y: seat.y + (section.center.y - seat.y) * 1e-6,
        };
        return !containsPoint(section.outline, nudged);
      }),
    );
    expect(outside).toEqual([]);
    expect(
      convexHull([
        { x: 0, y: 0 },
        { x: 10, y: 0 },
        { x: 10, y: 10 },
        { x: 0, y: 10 },
        { x: 5, y: 5 },
      ]),
    ).toHaveLength(4);
  });

  it("chooses the section a tap lands in or near, never a sold-out one", () => {
    const s105 = byName.get("105")!;
    expect(sectionAt(sections, s105.center, 0)).toBe("105");
    // 3 units straight below its lowest corner (the upper bowl is farther off).
    const lowest = s105.outline.reduce((a, b) => (b.y > a.y ? b : a));
    const beside = { x: lowest.x, y: lowest.y + 3 };
    expect(sectionAt(sections, beside, 1)).toBeNull();
    expect(sectionAt(sections, beside, 5)).toBe("105");
    expect(sectionAt(sections, byName.get("210")!.center, 5)).toBeNull();
  });
});

describe("the phone's first view", () => {
  const html = renderToStaticMarkup(
    createElement(PhoneSeatMap, { seats: arena, tiers, selectedIds: [], onToggle: () => {}, maxSelectable: 8 }),
  );

  it("draws sections, not seats, and offers each as a named button", () => {
    expect(html).not.toContain("data-seat-id");
    expect(html.match(/<polygon/g)).toHaveLength(24);
    expect(html.match(/<button/g)).toHaveLength(24);
    expect(html).toContain("Choose a section");
    // Each button's name, as a screen reader reads it: its text, less what is aria-hidden.
    const buttons = [...html.matchAll(/<button[^>]*>(.*?)<\/button>/g)].map((m) =>
      m[1]!
        .replace(/<span[^>]*aria-hidden="true"[^>]*>.*?<\/span>/g, "")
        .replace(/<[^>]+>/g, " ")
        .replace(/\s+/g, " ")
        .trim(),
    );
    expect(buttons).toContainEqual(expect.stringMatching(/^Section 105, Lower Bowl \$89\.00, \d+ left$/));
    // Grouped under their tier and all-in price, as a fan compares them.
    expect(html).toContain("Lower Bowl · $89.00</h4>");
    // A sold-out section is shown but can't be chosen.
    expect(html).toMatch(/<button[^>]*data-section="210"[^>]*disabled=""/);
  });
});

describe("seat labels", () => {
  it("say selected, not available, for a seat the fan picked", () => {
    const seat = arena[1]!;
    expect(seatLabel(seat, "$144.50", true)).toBe("Section FL1, Row 1, Seat 2, $144.50, selected");
    expect(seatLabel(arena[0]!, "$144.50", true)).toMatch(/, sold$/);
  });
});

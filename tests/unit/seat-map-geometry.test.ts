import { describe, expect, it } from "vitest";
import {
  MIN_VIEW_WIDTH,
  clampView,
  clientToMap,
  mapLayout,
  nearestInDirection,
  panBy,
  revealPoint,
  seatRadius,
  zoomAt,
  type ViewBox,
} from "@/components/ticket-picker/seat-map-geometry";
import { describeSelectionChange, seatLabel, tierStyles } from "@/components/ticket-picker/seat-map-labels";
import type { SeatMapSeat, TicketTier } from "@/components/ticket-picker/types";
import { arenaSeats } from "../support/arena-seats";

const bounds: ViewBox = { x: 0, y: 0, width: 1000, height: 800 };

function seat(id: string, x: number, y: number, extra: Partial<SeatMapSeat> = {}): SeatMapSeat {
  return { id, section: "104", row: "C", number: id, x, y, ticketTypeId: "t1", status: "AVAILABLE", ...extra };
}

function tier(id: string, name: string, allInPriceMinor: number): TicketTier {
  return { id, name, kind: "RESERVED", allInPriceMinor, currency: "USD", remaining: 100 };
}

describe("nearestInDirection", () => {
  // A 3×3 grid, 10 apart, plus a far seat straight right and one just outside the 45° cone.
  const grid = [0, 1, 2].flatMap((r) => [0, 1, 2].map((c) => seat(`${r}${c}`, c * 10, r * 10)));
  const centre = grid[4]!;

  it("moves one step along rows and columns, with y growing downwards", () => {
    expect(nearestInDirection(grid, centre, "right")?.id).toBe("12");
    expect(nearestInDirection(grid, centre, "left")?.id).toBe("10");
    expect(nearestInDirection(grid, centre, "up")?.id).toBe("01");
    expect(nearestInDirection(grid, centre, "down")?.id).toBe("21");
  });

  it("returns null at the edge", () => {
    expect(nearestInDirection(grid, grid[2]!, "right")).toBeNull();
    expect(nearestInDirection(grid, grid[0]!, "up")).toBeNull();
  });

  it("only considers seats within ±45° of the arrow", () => {
    const from = seat("a", 0, 0);
    const steep = seat("steep", 5, 6); // 50° below the horizontal: not "right"
    const far = seat("far", 30, 0);
    expect(nearestInDirection([from, steep, far], from, "right")?.id).toBe("far");
    expect(nearestInDirection([from, steep, far], from, "down")?.id).toBe("steep");
    const diagonal = seat("diag", 5, 5); // exactly 45° counts for both
    expect(nearestInDirection([from, diagonal], from, "right")?.id).toBe("diag");
    expect(nearestInDirection([from, diagonal], from, "down")?.id).toBe("diag");
  });

  it("breaks distance ties in favour of the seat straight ahead", () => {
    const from = seat("a", 0, 0);
    const offAxis = seat("off", 6, 8); // distance 10, but 8 across
    const ahead = seat("ahead", 0, 10);
    expect(nearestInDirection([from, offAxis, ahead], from, "down")?.id).toBe("ahead");
    expect(nearestInDirection([from, ahead, offAxis], from, "down")?.id).toBe("ahead");
  });

  it("crosses the aisle to the next floor section of the demo arena", () => {
    const seats = arenaSeats().map((plan, i) => seat(`s${i}`, plan.x, plan.y, { section: plan.section }));
    const endOfRow = seats.find((s) => s.section === "FL1" && s.x === 200 + 19 * 7 && s.y === 150)!;
    expect(nearestInDirection(seats, endOfRow, "right")?.section).toBe("FL2");
  });
});

describe("viewBox maths", () => {
  it("zooms about a point, keeping that point fixed on screen", () => {
    const view = zoomAt(bounds, 2, { x: 250, y: 200 }, bounds);
    expect(view).toEqual({ x: 125, y: 100, width: 500, height: 400 });
    // The focus sat a quarter of the way across before and still does.
    expect((250 - view.x) / view.width).toBeCloseTo(0.25);
  });

  it("never zooms out past the whole venue or in past the minimum width", () => {
    expect(zoomAt(bounds, 0.25, { x: 500, y: 400 }, bounds)).toEqual(bounds);
    const deep = zoomAt(bounds, 1000, { x: 500, y: 400 }, bounds);
    expect(deep.width).toBe(MIN_VIEW_WIDTH);
    expect(deep.height).toBeCloseTo(MIN_VIEW_WIDTH * 0.8);
    expect(deep.x + deep.width / 2).toBeCloseTo(500);
  });

  it("clamps a zoom near the corner so the view stays inside the venue", () => {
    const view = zoomAt(bounds, 4, { x: 990, y: 790 }, bounds);
    expect(view.x + view.width).toBeLessThanOrEqual(1000);
    expect(view.y + view.height).toBeLessThanOrEqual(800);
    expect(view.width).toBe(250);
  });

  it("clamps panning and restores the venue's aspect ratio", () => {
    const view = { x: 0, y: 0, width: 200, height: 160 };
    expect(panBy(view, -50, -50, bounds)).toEqual(view);
    expect(panBy(view, 5000, 5000, bounds)).toEqual({ x: 800, y: 640, width: 200, height: 160 });
    expect(clampView({ x: -10, y: 10, width: 400, height: 10 }, bounds)).toEqual({
      x: 0,
      y: 10,
      width: 400,
      height: 320,
    });
  });

  it("reveals an off-view point by centring on it and leaves visible points alone", () => {
    const view = { x: 0, y: 0, width: 200, height: 160 };
    expect(revealPoint(view, { x: 100, y: 80 }, 10, bounds)).toBe(view);
    expect(revealPoint(view, { x: 500, y: 400 }, 10, bounds)).toEqual({ x: 400, y: 320, width: 200, height: 160 });
    expect(revealPoint(view, { x: 995, y: 795 }, 10, bounds)).toEqual({ x: 800, y: 640, width: 200, height: 160 });
  });

  it("maps pointer positions into map units for the current view", () => {
    const rect = { left: 100, top: 50, width: 500, height: 400 };
    const view = { x: 200, y: 100, width: 250, height: 200 };
    expect(clientToMap({ x: 100, y: 50 }, rect, view)).toEqual({ x: 200, y: 100 });
    expect(clientToMap({ x: 350, y: 250 }, rect, view)).toEqual({ x: 325, y: 200 });
  });
});

describe("mapLayout", () => {
  it("fits every arena seat and puts the stage above them all", () => {
    const plan = arenaSeats();
    expect(plan).toHaveLength(5660);
    const { bounds: box, stage } = mapLayout(plan);
    const xs = plan.map((p) => p.x);
    const ys = plan.map((p) => p.y);
    expect(Math.min(...xs)).toBeGreaterThan(box.x);
    expect(Math.max(...xs)).toBeLessThan(box.x + box.width);
    expect(Math.min(...ys)).toBeGreaterThan(stage.y + stage.height);
    expect(Math.max(...ys)).toBeLessThan(box.y + box.height);
    expect(stage.y).toBeGreaterThan(box.y);
  });

  it("keeps seats apart by sizing them under half their spacing", () => {
    expect(seatRadius(7)).toBeLessThan(3.5);
    expect(seatRadius(0.5)).toBe(1);
    expect(seatRadius(Infinity)).toBe(4);
  });
});

describe("tier cues and labels", () => {
  it("gives every tier a distinct colour and a distinct non-colour cue", () => {
    const tiers = Array.from({ length: 6 }, (_, i) => tier(`t${i}`, `Tier ${i}`, 1000 * (i + 1)));
    const styles = [...tierStyles(tiers).values()];
    expect(new Set(styles.map((s) => s.color)).size).toBe(6);
    expect(new Set(styles.map((s) => `${s.shape}/${s.hollow}`)).size).toBe(6);
    expect(styles.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(styles[0]?.price).toBe("$10.00");
  });

  it("labels a seat with section, row, number, all-in price and status", () => {
    expect(seatLabel(seat("7", 0, 0), "$144.50")).toBe("Section 104, Row C, Seat 7, $144.50, available");
    expect(seatLabel(seat("8", 0, 0, { status: "SOLD" }), "$144.50")).toBe("Section 104, Row C, Seat 8, $144.50, sold");
  });

  it("describes selection changes for the live region", () => {
    const seats = new Map([seat("7", 0, 0), seat("8", 7, 0)].map((s) => [s.id, s]));
    expect(describeSelectionChange(["8"], ["8", "7"], seats)).toBe("Seat 7 in Section 104, Row C added, 2 selected");
    expect(describeSelectionChange(["8", "7"], ["8"], seats)).toBe("Seat 7 in Section 104, Row C removed, 1 selected");
    expect(describeSelectionChange(["8", "7"], [], seats)).toBe("2 seats removed, 0 selected");
    expect(describeSelectionChange(["8"], ["8"], seats)).toBeNull();
  });
});

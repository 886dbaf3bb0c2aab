import { describe, expect, it } from "vitest";
import { mapLayout, nearestDistance, type Point, type ViewBox } from "@/components/ticket-picker/seat-map-geometry";
import { groupBySection } from "@/components/ticket-picker/seat-map-labels";
import {
  TAP_TARGET_PX,
  boundsOf,
  insideView,
  resolveTap,
  sectionFrame,
  smallestPitch,
  tappableWidth,
  viewShowing,
  withAspect,
  zoomAroundSeats,
  zoomFocus,
} from "@/components/ticket-picker/seat-map-targets";
import type { SeatMapSeat } from "@/components/ticket-picker/types";
import { arenaSeats } from "../support/arena-seats";

const arena: SeatMapSeat[] = arenaSeats().map((plan, i) => ({
  id: `seat-${i}`,
  section: plan.section,
  row: plan.row,
  number: plan.number,
  x: plan.x,
  y: plan.y,
  ticketTypeId: plan.zone,
  status: "AVAILABLE",
}));
const bySection = new Map(groupBySection(arena).map((s) => [s.name, s.seats]));
const sectionOf = (seat: SeatMapSeat) => bySection.get(seat.section) ?? [];
const { bounds } = mapLayout(arena);

/** A phone's map is about 358 px wide; a desktop's about 700. */
const PHONE = 358;

describe("zooming around the seats in view", () => {
  it("focuses on a seat, never the empty middle of the bowl", () => {
    const focus = zoomFocus(bounds, arena);
    expect(arena.some((seat) => seat.x === focus.x && seat.y === focus.y)).toBe(true);
    // The centroid of the whole arena lies between the floor and the bowls, away from every seat.
    const middle = { x: bounds.x + bounds.width / 2, y: bounds.y + bounds.height / 2 };
    expect(Math.min(...arena.map((s) => Math.hypot(s.x - middle.x, s.y - middle.y)))).toBeGreaterThan(20);
  });

  it("keeps seats in view at every step up to the closest zoom", () => {
    let view: ViewBox = bounds;
    for (let step = 0; step < 12; step++) {
      view = zoomAroundSeats(view, 1.6, arena, bounds, 30);
      expect(arena.filter((seat) => insideView(seat, view)).length).toBeGreaterThan(0);
    }
    expect(view.width).toBeCloseTo(30);
  });

  it("zooms around the seats of a corner when that is all the view shows", () => {
    const corner: ViewBox = { x: bounds.x, y: bounds.y + bounds.height - 300, width: 375, height: 300 };
    const visible = arena.filter((seat) => insideView(seat, corner));
    const focus = zoomFocus(corner, arena);
    expect(visible).toContainEqual(expect.objectContaining({ x: focus.x, y: focus.y }));
  });

  it("falls back to the seat nearest the view's centre when none is in view", () => {
    const empty: ViewBox = { x: 450, y: 300, width: 20, height: 16 };
    expect(arena.filter((seat) => insideView(seat, empty))).toHaveLength(0);
    const focus = zoomFocus(empty, arena);
    expect(arena.some((seat) => seat.x === focus.x && seat.y === focus.y)).toBe(true);
  });
});

describe("section bounds", () => {
  it("frame a section's seats with a margin in the aspect asked for", () => {
    const seats = bySection.get("105")!;
    const extent = boundsOf(seats);
    const frame = sectionFrame(seats);
    expect(frame.width / frame.height).toBeCloseTo(3 / 4);
    for (const seat of seats) expect(insideView(seat, frame)).toBe(true);
    expect(frame.width).toBeGreaterThan(extent.width);
    expect(frame.height).toBeGreaterThan(extent.height);
  });

  it("grow a box to an aspect without shrinking it, about its centre", () => {
    expect(withAspect({ x: 0, y: 0, width: 100, height: 100 }, 2)).toEqual({ x: -50, y: 0, width: 200, height: 100 });
    expect(withAspect({ x: 0, y: 0, width: 100, height: 10 }, 2)).toEqual({ x: 0, y: -20, width: 100, height: 50 });
  });

  it("show a whole section in the venue's aspect, inside the venue", () => {
    const view = viewShowing(boundsOf(bySection.get("203")!), bounds);
    expect(view.width / view.height).toBeCloseTo(bounds.width / bounds.height);
    for (const seat of bySection.get("203")!) expect(insideView(seat, view)).toBe(true);
    expect(view.x).toBeGreaterThanOrEqual(bounds.x);
    expect(view.y + view.height).toBeLessThanOrEqual(bounds.y + bounds.height + 1e-9);
  });
});

describe("tap targets", () => {
  it("finds the smallest pitch as comparing every pair would", () => {
    const seats = bySection.get("101")!;
    const brute = Math.min(...seats.map((seat) => nearestDistance(seat, seats)));
    expect(smallestPitch(seats)).toBeCloseTo(brute, 9);
    expect(smallestPitch([{ x: 0, y: 0 }])).toBe(Infinity);
  });

  it("needs a view narrow enough that the pitch is 24 px on screen", () => {
    expect(tappableWidth(6, 360)).toBe(90);
    expect((360 / tappableWidth(6, 360)) * 6).toBe(TAP_TARGET_PX);
  });

  const tap = (point: Point, view: ViewBox, screenWidth = PHONE) =>
    resolveTap({ point, seats: arena, sectionOf, view, bounds, screenWidth, minWidth: 10 });

  it("zooms to the section tapped while seats are too small to hit, never toggling one", () => {
    const seat = bySection.get("105")![40]!;
    const result = tap(seat, bounds);
    expect(result.kind).toBe("zoom");
    if (result.kind !== "zoom") return;
    for (const s of bySection.get("105")!) expect(insideView(s, result.view)).toBe(true);
    expect(result.view.width).toBeLessThan(bounds.width / 2);
  });

  it("zooms on to tap size once the section already fills the view, keeping the seat under the finger", () => {
    const seat = bySection.get("105")![40]!;
    const whole = viewShowing(boundsOf(sectionOf(seat), 4), bounds, 10);
    const result = tap(seat, whole);
    expect(result.kind).toBe("zoom");
    if (result.kind !== "zoom") return;
    const pitch = nearestDistance(seat, sectionOf(seat));
    expect((pitch * PHONE) / result.view.width).toBeGreaterThanOrEqual(TAP_TARGET_PX - 1e-9);
    expect(insideView(seat, result.view)).toBe(true);
  });

  it("hits the nearest seat within half its pitch once the pitch is 24 px, and nothing between", () => {
    const seat = bySection.get("105")![40]!;
    const pitch = nearestDistance(seat, sectionOf(seat));
    const width = tappableWidth(pitch, PHONE);
    const view = { x: seat.x - width / 2, y: seat.y - width / 2, width, height: width };
    // 11 px from the centre: outside a 5 px dot, inside its 24 px target.
    const offset = (11 / PHONE) * width;
    expect(tap({ x: seat.x + offset * 0.6, y: seat.y + offset * 0.8 }, view)).toEqual({ kind: "seat", seat });
    expect(tap({ x: seat.x, y: seat.y - pitch * 0.45 }, view)).toMatchObject({ kind: "seat" });
    // Just past half the pitch to a side with no neighbour: no seat, and no zoom either.
    const empty = { x: 450, y: 300 };
    expect(tap(empty, view).kind).toBe("none");
  });

  it("ignores taps far from every seat", () => {
    // The venue's top corner, beside the stage: more than two targets (48 px) from any seat.
    expect(tap({ x: bounds.x + 1, y: bounds.y + 1 }, bounds).kind).toBe("none");
  });

  it("takes the seat when the map is already as close as it goes", () => {
    const seat = bySection.get("105")![40]!;
    const pitch = nearestDistance(seat, sectionOf(seat));
    const width = pitch * 2; // a target of 2 × 24 px would need far less, but minWidth stops here
    const view = { x: seat.x - width / 2, y: seat.y - width / 2, width, height: width };
    const result = resolveTap({ point: seat, seats: arena, sectionOf, view, bounds, screenWidth: 20, minWidth: width });
    expect(result).toEqual({ kind: "seat", seat });
  });
});

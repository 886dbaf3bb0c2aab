"use client";

import { useMemo } from "react";
import type { SeatOccupancy } from "@/lib/reports/seat-occupancy";
import { SeatMapPlaceholder } from "@/components/ticket-picker/reserved-picker";
import { SeatMap } from "@/components/ticket-picker/seat-map";
import type { MapSeat, MapTier, SeatOccupancyState } from "@/components/ticket-picker/types";
import { useSeatGeometry } from "@/components/ticket-picker/use-seat-geometry";

// The organizer's seat map: the fans' own SeatMap and geometry file (GET …/seat-map, cached for a
// year under its versioned URL), each seat drawn by what it is now. The page reads the states on
// the server (lib/reports/seat-occupancy.ts), so the colours are as of the page load.

/** The states as the map's "tiers": each gets its own colour and shape (tierStyles), in this order. */
const STATES: readonly { id: SeatOccupancyState; name: string }[] = [
  { id: "sold", name: "Sold" },
  { id: "held", name: "Held now" },
  { id: "free", name: "Free" },
  { id: "blocked", name: "Not for sale" },
];
const TIERS: readonly MapTier[] = STATES;
const STATUS = { sold: "SOLD", held: "HELD", free: "AVAILABLE", blocked: "SOLD" } as const;
const NO_SEATS: readonly MapSeat[] = [];
const NOTHING_SELECTED: readonly string[] = [];
const ignore = () => {};

export function OccupancyMap({ geometryUrl, occupancy }: { geometryUrl: string; occupancy: SeatOccupancy }) {
  const geometry = useSeatGeometry(geometryUrl);
  const seats = useMemo(() => {
    if (geometry.state.status !== "ready") return NO_SEATS;
    const stateOf = new Map<string, SeatOccupancyState>();
    for (const id of occupancy.sold) stateOf.set(id, "sold");
    for (const id of occupancy.blocked) stateOf.set(id, "blocked");
    for (const id of occupancy.held) stateOf.set(id, "held");
    return geometry.state.seats.map((seat): MapSeat => {
      const state = stateOf.get(seat.id) ?? "free";
      return {
        id: seat.id,
        section: seat.section,
        row: seat.row,
        number: seat.number,
        x: seat.x,
        y: seat.y,
        ticketTypeId: seat.ticketTypeId,
        status: STATUS[state],
        occupancy: state,
      };
    });
  }, [geometry.state, occupancy]);
  const counts = useMemo(() => {
    const byState = new Map<SeatOccupancyState, number>();
    for (const seat of seats) byState.set(seat.occupancy!, (byState.get(seat.occupancy!) ?? 0) + 1);
    return byState;
  }, [seats]);

  if (geometry.state.status !== "ready") {
    return <SeatMapPlaceholder failed={geometry.state.status === "failed"} onRetry={geometry.retry} />;
  }
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-slate-700" data-testid="occupancy-counts">
        {STATES.map((s) => `${s.name}: ${(counts.get(s.id) ?? 0).toLocaleString("en-US")}`).join(" · ")}
      </p>
      <SeatMap
        seats={seats}
        tiers={TIERS}
        selectedIds={NOTHING_SELECTED}
        onToggle={ignore}
        maxSelectable={0}
        mode="occupancy"
      />
    </div>
  );
}

// The pickers' data, typed from the server's own contracts. `import type` is
// erased at build time, so no server code reaches the browser, and a contract
// change breaks the build instead of the page.

import type { ErrorBody } from "@/lib/errors";
import type { LiveSeatStatus, SeatMapEntry, TicketTier } from "@/lib/inventory/availability";
import type { HoldView } from "@/lib/inventory/holds";
import type { HoldRequestInput } from "@/lib/inventory/schemas";
import type { TicketPanelData as ServerTicketPanelData } from "@/lib/inventory/ticket-panel";
import type { AsJson } from "@/lib/json-shape";

/** The server's statuses, and "YOURS": held by this fan (known only in the browser, the page being cached). */
export type SeatStatus = LiveSeatStatus | "YOURS";
export type SeatMapSeat = Omit<SeatMapEntry, "status"> & { status: SeatStatus };
export type { TicketTier };

/**
 * What the layout builder's preview adds to a seat. The fan's map sends none
 * of these, so it draws and announces exactly what it always did.
 */
export type SeatMarks = {
  accessibility?: "wheelchair" | "companion" | null;
  /** The seat exists but is not sold (house seats, obstructed view). */
  blocked?: boolean;
  /** Taken out of the layout; drawn as an outline so it can be put back. */
  removed?: boolean;
  /** The organizer's seat map (mode "occupancy"): what the seat is now, which it is drawn by. */
  occupancy?: SeatOccupancyState;
};

/** Sold, held by a live hold, free to buy, or not for sale (blocked). */
export type SeatOccupancyState = "sold" | "held" | "free" | "blocked";

export type MapSeat = SeatMapSeat & SeatMarks;

/** A tier as the map draws it: ticket types have prices, the builder's price zones only names. */
export type MapTier = Pick<TicketTier, "id" | "name"> & Partial<Pick<TicketTier, "allInPriceMinor" | "currency">>;

/** A standing area of the layout: a labelled rectangle in map units. */
export type MapArea = {
  id: string;
  label: string;
  tierId: string;
  capacity: number;
  x: number;
  y: number;
  width: number;
  height: number;
};

/** The body of POST /api/v1/events/{id}/holds. */
export type HoldRequest = HoldRequestInput;

/** What the picker reads of a 201 from that endpoint. */
export type HoldResponse = Pick<AsJson<HoldView>, "holdId" | "expiresAt" | "items">;

/** An error response, with the details a SEAT_UNAVAILABLE 409 carries. */
export type ApiError = {
  error: Omit<ErrorBody["error"], "code"> & {
    code: string;
    details?: { unavailableSeatIds?: string[]; unavailableTicketTypeIds?: string[]; [k: string]: unknown };
  };
};

/** GET /api/v1/events/{slug}/availability: what the ticket panel reads live. */
export type TicketPanelData = AsJson<ServerTicketPanelData>;

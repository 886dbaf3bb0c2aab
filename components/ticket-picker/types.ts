// The pickers' data, typed from the server's own contracts. `import type` is
// erased at build time, so no server code reaches the browser, and a contract
// change breaks the build instead of the page.

import type { ErrorBody } from "@/lib/errors";
import type { LiveSeatStatus, SeatMapEntry, TicketTier } from "@/lib/inventory/availability";
import type { HoldView } from "@/lib/inventory/holds";
import type { HoldRequestInput } from "@/lib/inventory/schemas";
import type { AsJson } from "@/lib/json-shape";

export type SeatStatus = LiveSeatStatus;
export type SeatMapSeat = SeatMapEntry;
export type { TicketTier };

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

// Data contracts shared with the event page's server side; keep in step with the API.

export type SeatStatus = "AVAILABLE" | "HELD" | "SOLD";

export type SeatMapSeat = {
  id: string;
  section: string;
  row: string;
  number: string;
  x: number;
  y: number;
  ticketTypeId: string;
  status: SeatStatus;
};

export type TicketTier = {
  id: string;
  name: string;
  kind: "GENERAL_ADMISSION" | "RESERVED";
  allInPriceMinor: number;
  currency: string;
  remaining: number;
};

export type HoldResponse = { holdId: string; expiresAt: string; items: unknown[] };

export type ApiError = {
  error: {
    code: string;
    message: string;
    details?: { unavailableSeatIds?: string[]; unavailableTicketTypeIds?: string[]; [k: string]: unknown };
  };
};

import { z } from "zod";
import { pathId } from "@/lib/http-params";

// What the door asks and what it is told. Pure (no server-only), so the scanner page types its data
// with `import type` from here and a change of contract breaks its build.

/** The answers to a scan, from "let them in" to "this code is nothing of ours". */
export const SCAN_RESULTS = ["VALID", "ALREADY_CHECKED_IN", "VOID", "WRONG_EVENT", "NOT_FOUND"] as const;
export type ScanResult = (typeof SCAN_RESULTS)[number];

/** A device's own name for itself (generated once and kept), and a scan's id (new for each scan, kept for its retries). */
const clientId = z.string().trim().min(1).max(100);

export const checkInInput = z.strictObject({
  eventId: pathId,
  deviceId: clientId,
  scanId: clientId.optional(),
  /** Only for scans queued while offline: when the door scanned. Live scans take the server's clock. */
  scannedAt: z.iso
    .datetime({ offset: true })
    .transform((value) => new Date(value))
    .optional(),
});
export type CheckInInput = z.infer<typeof checkInInput>;

export const undoCheckInQuery = z.strictObject({ deviceId: clientId.optional() });

/** A check-in as the door sees it: when, by whom, at which device. */
export type CheckInView = { at: Date; by: string | null; deviceId: string };

export type ScannedTicket = { code: string; ticketType: string; seat: string | null };

export type ScanAnswer =
  | {
      result: "VALID";
      ticket: ScannedTicket;
      checkIn: CheckInView;
      /** A retry of a scan already answered. */ replayed: boolean;
    }
  | { result: "ALREADY_CHECKED_IN"; ticket: ScannedTicket; checkIn: CheckInView }
  | { result: "VOID"; ticket: ScannedTicket }
  | { result: "WRONG_EVENT"; ticket: ScannedTicket; event: { title: string; startsAt: Date } }
  | { result: "NOT_FOUND"; code: string };

export type UndoAnswer = { ticket: ScannedTicket; undone: CheckInView };

export type CheckInStats = { eventId: string; checkedIn: number; sold: number };

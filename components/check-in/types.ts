import type { CheckInStats, ScanAnswer, UndoAnswer } from "@/lib/check-in/schemas";
import type { AsJson } from "@/lib/json-shape";

// The door's contract as the browser sees it, typed from the server's own schemas.

export type Answer = AsJson<ScanAnswer>;
export type Undone = AsJson<UndoAnswer>;
export type Stats = CheckInStats;

/** A scan as the device keeps it until the server has answered it. */
export type Scan = { scanId: string; code: string; scannedAt: string };

import "server-only";
import { refusalReasonOf } from "@/lib/refusals/reasons";
import type { RefusalRecorder } from "@/lib/refusals/recorder";

/**
 * Counts `error` for the event's organizer when it refuses the fan (lib/refusals/reasons.ts), and
 * hands it back to be thrown: `catch (error) { throw noteRefusal(…) }`.
 */
export function noteRefusal(
  refusals: RefusalRecorder,
  attempt: { eventId: string; userId: string; clientIp: string | null },
  error: unknown,
): unknown {
  const reason = refusalReasonOf(error);
  if (reason) refusals.note({ ...attempt, reason });
  return error;
}

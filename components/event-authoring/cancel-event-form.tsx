"use client";

import { useActionState } from "react";
import { cancelEventAction } from "@/app/(organizer)/organizer/[orgSlug]/events/actions";
import { FormMessage, SubmitButton } from "./fields";

/**
 * CANCELLATION SLOT. The event-cancel branch replaces this component (and
 * cancelEventAction) with cancellation progress and refunds; the page only places it.
 */
export function CancelEventForm({ eventId }: { eventId: string }) {
  const [state, action, pending] = useActionState(cancelEventAction, { ok: true });
  return (
    <form
      action={action}
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        if (!window.confirm("Cancel this event? Fans can no longer buy tickets. This cannot be undone.")) {
          e.preventDefault();
        }
      }}
    >
      <input type="hidden" name="eventId" value={eventId} />
      <div>
        <SubmitButton pending={pending} pendingText="Cancelling…" variant="danger">
          Cancel event
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

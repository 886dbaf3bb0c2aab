"use client";

import { cancelEventAction } from "@/app/(organizer)/organizer/[orgSlug]/events/actions";
import { FormMessage, SubmitButton, TextArea } from "./fields";
import { useKeptFormAction } from "./use-kept-form-action";

/**
 * CANCELLATION SLOT: cancelling itself is lib/orders' (refunds, open orders, holds); this
 * form only asks for a reason and a confirmation.
 */
export function CancelEventForm({ eventId }: { eventId: string }) {
  const { state, dispatch, pending, onSubmit } = useKeptFormAction(cancelEventAction);
  return (
    <form
      action={dispatch}
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        if (!window.confirm("Cancel this event? Sales stop and every paid order is refunded. This cannot be undone.")) {
          e.preventDefault();
          return;
        }
        onSubmit(e);
      }}
    >
      <input type="hidden" name="eventId" value={eventId} />
      <TextArea
        name="reason"
        label="Message to ticket holders (optional)"
        rows={2}
        maxLength={500}
        errors={state.fieldErrors?.reason}
      />
      <div>
        <SubmitButton pending={pending} pendingText="Cancelling…" variant="danger">
          Cancel event
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

"use client";

import { updateDetailsAction } from "@/app/(organizer)/organizer/[orgSlug]/events/actions";
import { EventFields, type EventFieldValues } from "./event-fields";
import { FormMessage, SubmitButton } from "./fields";
import { useKeptFormAction } from "./use-kept-form-action";

/** The edit page's details form: saved values in, submitted values kept when something is refused. */
export function EventDetailsForm({
  eventId,
  initial,
  timeZone,
  disabled,
}: {
  eventId: string;
  initial: EventFieldValues;
  timeZone: string;
  disabled: boolean;
}) {
  const { state, dispatch: action, pending, onSubmit } = useKeptFormAction(updateDetailsAction);
  const values = state.ok ? initial : { ...initial, ...state.values };
  return (
    <form action={action} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="eventId" value={eventId} />
      <fieldset disabled={disabled} className="flex flex-col gap-4">
        <EventFields values={values} errors={state.fieldErrors ?? {}} timeZone={timeZone} />
      </fieldset>
      <div className="sticky bottom-0 flex flex-col gap-2 border-t border-slate-200 bg-slate-50/95 py-3 sm:flex-row sm:items-center">
        <SubmitButton pending={pending} pendingText="Saving…" disabled={disabled || pending}>
          Save details
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

"use client";

import { addOrderNoteAction } from "@/app/(organizer)/organizer/[orgSlug]/orders/actions";
import { FormMessage, SubmitButton, TextArea } from "@/components/event-authoring/fields";
import { useKeptFormAction } from "@/components/event-authoring/use-kept-form-action";

export function OrderNoteForm({ orgSlug, orderId }: { orgSlug: string; orderId: string }) {
  const { state, dispatch, pending, onSubmit } = useKeptFormAction(addOrderNoteAction);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-2">
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <input type="hidden" name="orderId" value={orderId} />
      <TextArea name="body" label="New note (staff only)" rows={2} maxLength={2000} errors={state.fieldErrors?.body} />
      <div>
        <SubmitButton pending={pending} pendingText="Saving…" variant="secondary">
          Add note
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

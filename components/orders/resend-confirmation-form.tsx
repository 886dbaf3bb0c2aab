"use client";

import { resendConfirmationAction } from "@/app/(organizer)/organizer/[orgSlug]/orders/actions";
import { FormMessage, SubmitButton } from "@/components/event-authoring/fields";
import { useKeptFormAction } from "@/components/event-authoring/use-kept-form-action";

export function ResendConfirmationForm({ orgSlug, orderId }: { orgSlug: string; orderId: string }) {
  const { state, dispatch, pending, onSubmit } = useKeptFormAction(resendConfirmationAction);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-2">
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <input type="hidden" name="orderId" value={orderId} />
      <div>
        <SubmitButton pending={pending} pendingText="Sending…" variant="secondary">
          Resend confirmation e-mail
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { duplicateAction, publishAction, unpublishAction } from "@/app/(organizer)/organizer/[orgSlug]/events/actions";
import { FormMessage, SubmitButton } from "./fields";

/** Publish or unpublish (whichever applies) and duplicate, each with its own pending state and answer. */
export function EventStatusActions({
  orgSlug,
  eventId,
  status,
  ready,
}: {
  orgSlug: string;
  eventId: string;
  status: "DRAFT" | "PUBLISHED" | "CANCELLED";
  ready: boolean;
}) {
  const [publishState, publish, publishing] = useActionState(publishAction, { ok: true });
  const [unpublishState, unpublish, unpublishing] = useActionState(unpublishAction, { ok: true });
  const [duplicateState, duplicate, duplicating] = useActionState(duplicateAction, { ok: true });
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-2 sm:flex-row">
        {status === "DRAFT" && (
          <form action={publish}>
            <input type="hidden" name="eventId" value={eventId} />
            <SubmitButton
              pending={publishing}
              pendingText="Publishing…"
              disabled={!ready || publishing}
              className="w-full"
            >
              Publish
            </SubmitButton>
          </form>
        )}
        {status === "PUBLISHED" && (
          <form action={unpublish}>
            <input type="hidden" name="eventId" value={eventId} />
            <SubmitButton pending={unpublishing} pendingText="Unpublishing…" variant="secondary" className="w-full">
              Unpublish
            </SubmitButton>
          </form>
        )}
        <form action={duplicate}>
          <input type="hidden" name="eventId" value={eventId} />
          <input type="hidden" name="orgSlug" value={orgSlug} />
          <SubmitButton pending={duplicating} pendingText="Copying…" variant="secondary" className="w-full">
            Duplicate as a new draft
          </SubmitButton>
        </form>
      </div>
      <div aria-live="polite" className="flex flex-col gap-2">
        <FormMessage state={publishState} />
        <FormMessage state={unpublishState} />
        <FormMessage state={duplicateState} />
      </div>
    </div>
  );
}

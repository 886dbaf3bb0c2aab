"use client";

import { useActionState } from "react";
import { uploadImageAction } from "@/app/(organizer)/organizer/[orgSlug]/events/actions";
import { FormMessage, SubmitButton } from "./fields";

/** Uploads the event's image (a server action with a file input); the server checks and resizes it. */
export function ImageForm({ eventId, disabled }: { eventId: string; disabled: boolean }) {
  const [state, action, pending] = useActionState(uploadImageAction, { ok: true });
  const errors = state.fieldErrors?.image;
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="eventId" value={eventId} />
      <label htmlFor="image" className="text-sm font-medium text-slate-800">
        Event image
      </label>
      <input
        id="image"
        name="image"
        type="file"
        accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
        required
        disabled={disabled}
        aria-describedby="image-hint"
        aria-invalid={errors?.length ? true : undefined}
        className="text-sm file:mr-3 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:font-medium"
      />
      <p id="image-hint" className="text-xs text-slate-600">
        JPEG, PNG, WebP, AVIF or GIF, at most 950 KB. Landscape 16:9 looks best; we make the sizes phones and desktops
        need.
      </p>
      {errors?.length ? <p className="text-sm text-red-700">{errors.join("; ")}</p> : null}
      <div>
        <SubmitButton pending={pending} pendingText="Uploading…" variant="secondary" disabled={disabled || pending}>
          Upload image
        </SubmitButton>
      </div>
      <FormMessage state={state.fieldErrors?.image ? { ok: false } : state} />
    </form>
  );
}

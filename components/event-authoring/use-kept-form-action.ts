"use client";

import { startTransition, useActionState } from "react";
import type { FormState } from "@/lib/actions";

/**
 * useActionState for forms that must keep what the person typed. React resets a form after
 * its `action` runs, which blanks fields after a refused submit and, worse, puts controlled
 * selects back on their first option while their state says otherwise (a seat map chosen,
 * "general admission" sent). Dispatching from onSubmit skips the reset; `action` stays on
 * the form for browsers without JavaScript.
 */
export function useKeptFormAction(action: (state: FormState, data: FormData) => Promise<FormState>) {
  const [state, dispatch, pending] = useActionState(action, { ok: true });
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(data));
  };
  return { state, dispatch, pending, onSubmit };
}

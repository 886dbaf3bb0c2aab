"use client";

import { useId, useRef, useState, type ReactNode } from "react";

/** Lets go of a hold through the API; true once it is released (or was already over). */
export async function deleteHold(holdId: string, fetcher: typeof fetch = fetch): Promise<boolean> {
  try {
    const response = await fetcher(`/api/v1/holds/${encodeURIComponent(holdId)}`, {
      method: "DELETE",
      credentials: "same-origin",
      headers: { accept: "application/json" },
    });
    return response.ok;
  } catch {
    return false;
  }
}

type ReleaseHoldProps = {
  holdId: string;
  /** "2 seats", "1 ticket": named in the question and the button. */
  what: string;
  onReleased: () => void;
  className: string;
  children: ReactNode;
};

/**
 * "Release" with a confirm step first: a modal dialog (the browser's own <dialog>, so focus stays
 * inside it and Escape closes it) whose safe answer, "Keep them", has focus. Releasing can't be
 * undone: the seats go back on sale at once.
 */
export function ReleaseHoldButton({ holdId, what, onReleased, className, children }: ReleaseHoldProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const textId = useId();
  const [state, setState] = useState<"idle" | "releasing" | "failed">("idle");

  function open() {
    setState("idle");
    dialog.current?.showModal();
    keep.current?.focus();
  }

  async function release() {
    setState("releasing");
    if (!(await deleteHold(holdId))) {
      setState("failed");
      return;
    }
    dialog.current?.close();
    setState("idle");
    onReleased();
  }

  return (
    <>
      <button type="button" className={className} onClick={open}>
        {children}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        aria-describedby={textId}
        className="m-auto w-[calc(100%-2rem)] max-w-sm rounded-2xl bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/60"
      >
        <h2 id={titleId} className="text-lg font-bold">
          Release {what}?
        </h2>
        <p id={textId} className="mt-2 text-slate-700">
          They go back on sale at once and anyone can buy them. You can pick again afterwards, if they&apos;re still
          free.
        </p>
        {state === "failed" && (
          <p role="alert" className="mt-3 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
            We couldn&apos;t release them. Check your connection and try again.
          </p>
        )}
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <button
            ref={keep}
            type="button"
            className="rounded-lg border border-slate-300 px-4 py-2 font-semibold text-slate-900 hover:bg-slate-50"
            onClick={() => dialog.current?.close()}
          >
            Keep them
          </button>
          <button
            type="button"
            className="rounded-lg bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 disabled:opacity-60"
            disabled={state === "releasing"}
            aria-busy={state === "releasing"}
            onClick={() => void release()}
          >
            {state === "releasing" ? "Releasing…" : `Release ${what}`}
          </button>
        </div>
      </dialog>
    </>
  );
}

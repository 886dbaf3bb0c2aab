"use client";

import Link from "next/link";
import { useMemo } from "react";
import type { FormState } from "@/lib/actions";
import type { Layout } from "@/lib/events/layout/format";
import { buttonClass, formatCount } from "./fields";

type Props = {
  venue: { id: string; name: string; href: string };
  layout: Layout;
  basedOn: number | null;
  seatCount: number;
  standingCapacity: number;
  issueCount: number;
  dirty: boolean;
  nextVersion: number;
  canUndo: boolean;
  onUndo: () => void;
  saveState: FormState;
  saving: boolean;
  formAction: (data: FormData) => void;
  onSubmit: () => void;
  /** Save was pressed while the layout has problems. */
  onBlocked: () => void;
};

/** The builder's title, its figures and its one primary action: save as the next version. */
export function BuilderHeader(props: Props) {
  const { venue, layout, basedOn, issueCount, dirty, nextVersion, saveState, saving } = props;
  const document = useMemo(() => JSON.stringify(layout), [layout]);
  const blocked = issueCount > 0;
  const status = saving
    ? "Saving…"
    : blocked
      ? `${issueCount} ${issueCount === 1 ? "problem" : "problems"} to fix before saving`
      : dirty
        ? "Unsaved changes"
        : (saveState.ok && saveState.message) || `No changes since version ${nextVersion - 1}`;
  return (
    <header className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-3 sm:p-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-bold sm:text-2xl">Seat map of {venue.name}</h1>
          <p className="text-sm text-slate-700" data-testid="layout-figures">
            {formatCount(props.seatCount)} seats
            {props.standingCapacity ? ` + ${formatCount(props.standingCapacity)} standing` : ""} · {layout.zones.length}{" "}
            price {layout.zones.length === 1 ? "zone" : "zones"} ·{" "}
            {basedOn === null ? "new layout" : `started from version ${basedOn}`}
          </p>
        </div>
        <form
          action={props.formAction}
          onSubmit={props.onSubmit}
          className="flex flex-wrap items-center gap-2"
          data-testid="save-layout"
        >
          <input type="hidden" name="venueId" value={venue.id} />
          <input type="hidden" name="document" value={document} />
          <button type="button" className={buttonClass} onClick={props.onUndo} disabled={!props.canUndo}>
            Undo
          </button>
          {blocked ? (
            // Not `disabled`: a disabled button cannot be focused, and a keyboard user would never learn why.
            <button
              type="button"
              aria-disabled="true"
              aria-describedby="save-status"
              onClick={props.onBlocked}
              className="rounded-lg bg-slate-300 px-4 py-2 font-semibold text-slate-700"
            >
              Save as version {nextVersion}
            </button>
          ) : (
            <button
              type="submit"
              disabled={saving || !dirty}
              aria-describedby="save-status"
              className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:bg-slate-300 disabled:text-slate-700"
            >
              {saving ? "Saving…" : `Save as version ${nextVersion}`}
            </button>
          )}
        </form>
      </div>
      <p
        id="save-status"
        role="status"
        className={`text-sm font-medium ${blocked || !saveState.ok ? "text-red-800" : dirty ? "text-amber-900" : "text-green-800"}`}
      >
        {!saveState.ok && saveState.message ? saveState.message : status}
        {!dirty && saveState.ok && saveState.created?.version && (
          <>
            {" "}
            <Link href={venue.href} className="text-brand-700 underline">
              Back to the venue
            </Link>
          </>
        )}
      </p>
    </header>
  );
}

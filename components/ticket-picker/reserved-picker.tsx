"use client";

import { useMemo, useState } from "react";
import type { HoldFailure, UnavailableSeats } from "./hold-api";
import type { HoldRequest } from "./types";
import { BestAvailableForm } from "./best-available-form";
import { SeatMap } from "./seat-map";
import { plural, seatName } from "./seat-map-labels";
import { SelectionSummary } from "./selection-summary";
import { PhoneSeatMap } from "./phone-seat-map";
import { HoldAlert, listOf, primaryButtonClass, SignInToHold } from "./ticket-ui";
import type { SeatMapSeat, TicketTier } from "./types";
import { useCompactScreen } from "./use-compact-screen";
import { useHold, useResumeHold } from "./use-hold";
import { markSeats, useLiveSeats } from "./use-live-seats";
import { useSeatGeometry, type GeometryState } from "./use-seat-geometry";

export type ReservedPickerProps = {
  eventId: string;
  /** The versioned URL of the event's seat-map geometry (immutable, cached by the browser). */
  geometryUrl: string;
  /** The seats not for sale when the panel was read; the map's poll keeps them current. */
  initialUnavailable: UnavailableSeats;
  tiers: readonly TicketTier[];
  perOrderLimit: number;
  /** Seats this fan holds right now (a per-user read, as the page is cached): drawn as theirs. */
  heldSeatIds?: readonly string[];
};

type Action = "selection" | "best";

const NO_SEATS: readonly SeatMapSeat[] = [];
const NO_IDS: readonly string[] = [];

/** The geometry's seats that the fan can see (visible tiers only), with their status. */
function mapSeats(state: GeometryState, tiers: readonly TicketTier[], unavailable: UnavailableSeats) {
  if (state.status !== "ready") return NO_SEATS;
  const visible = new Set(tiers.map((tier) => tier.id));
  return state.seats.flatMap((seat): SeatMapSeat[] =>
    visible.has(seat.ticketTypeId)
      ? [
          {
            id: seat.id,
            section: seat.section,
            row: seat.row,
            number: seat.number,
            x: seat.x,
            y: seat.y,
            ticketTypeId: seat.ticketTypeId,
            status: unavailable[seat.id] ?? "AVAILABLE",
          },
        ]
      : [],
  );
}

export function ReservedPicker({
  eventId,
  geometryUrl,
  initialUnavailable,
  tiers,
  perOrderLimit,
  heldSeatIds = NO_IDS,
}: ReservedPickerProps) {
  const hold = useHold(eventId);
  const compact = useCompactScreen();
  const geometry = useSeatGeometry(geometryUrl);
  const seats = useMemo(
    () => mapSeats(geometry.state, tiers, initialUnavailable),
    [geometry.state, tiers, initialUnavailable],
  );
  const resumed = hold.resumed;
  const [selected, setSelected] = useState<readonly string[]>(() =>
    resumed && "seatIds" in resumed ? resumed.seatIds : [],
  );
  const [message, setMessage] = useState<string | null>(null);
  const [action, setAction] = useState<Action | null>(null);

  const { liveSeats: polledSeats, markTaken } = useLiveSeats(eventId, seats, (takenIds) => {
    // Our own successful hold shows up as HELD just before checkout opens; that isn't news.
    if (hold.pending) return;
    const lost = selected.filter((id) => takenIds.includes(id));
    if (lost.length === 0) return;
    setSelected((current) => current.filter((id) => !takenIds.includes(id)));
    setMessage(
      `${describeSeats(lost)} ${lost.length === 1 ? "was" : "were"} just taken, so we removed ${lost.length === 1 ? "it" : "them"} from your selection.`,
    );
  });

  const liveSeats = useMemo(() => markSeats(polledSeats, heldSeatIds, "YOURS"), [polledSeats, heldSeatIds]);
  const seatsById = useMemo(() => new Map(liveSeats.map((seat) => [seat.id, seat])), [liveSeats]);
  const selectedSeats = selected.flatMap((id) => seatsById.get(id) ?? []);

  function describeSeats(ids: readonly string[]): string {
    const names = ids.map((id) => seatsById.get(id)).flatMap((seat) => (seat ? [seatName(seat)] : []));
    return names.length ? listOf(names) : `${ids.length} ${plural(ids.length, "seat")}`;
  }

  function toggle(seatId: string) {
    setMessage(null);
    setSelected((current) => {
      if (current.includes(seatId)) return current.filter((id) => id !== seatId);
      return current.length >= perOrderLimit ? current : [...current, seatId];
    });
  }

  function explain(failure: HoldFailure): string {
    if (failure.kind !== "unavailable") return failure.message;
    const parts: string[] = [];
    if (failure.seatIds.length) {
      const count = failure.seatIds.length;
      parts.push(
        `${describeSeats(failure.seatIds)} ${count === 1 ? "was" : "were"} just taken; we've marked ${count === 1 ? "it" : "them"} on the map.`,
      );
    }
    if (failure.ticketTypeIds.length) {
      const names = tiers.filter((tier) => failure.ticketTypeIds.includes(tier.id)).map((tier) => tier.name);
      parts.push(`There aren't enough seats together in ${names.length ? listOf(names) : "that price"} right now.`);
    }
    return parts.length ? `${parts.join(" ")} Please choose again.` : failure.message;
  }

  async function requestHold(kind: Action, body: HoldRequest, afterSignIn = false) {
    setAction(kind);
    setMessage(null);
    const failure = await hold.submit(body);
    if (!failure) return;
    setAction(null);
    if (failure.kind === "unauthenticated") return;
    if (failure.kind === "unavailable" && failure.seatIds.length) {
      markTaken(failure.seatIds);
      setSelected((current) => current.filter((id) => !failure.seatIds.includes(id)));
    }
    setMessage(afterSignIn ? `While you were signing in: ${explain(failure)}` : explain(failure));
  }

  // Back from signing in with seats chosen before: hold them at once, once the map can name them.
  useResumeHold(
    eventId,
    resumed,
    geometry.state.status !== "loading",
    (request) => void requestHold("seatIds" in request ? "selection" : "best", request, true),
  );

  const count = selected.length;
  return (
    <div className="flex flex-col gap-4">
      {geometry.state.status === "ready" && compact ? (
        // A phone draws sections first and one section's seats at a time: far fewer elements, and seats a finger can hit.
        <PhoneSeatMap
          seats={liveSeats}
          tiers={tiers}
          selectedIds={selected}
          onToggle={toggle}
          maxSelectable={perOrderLimit}
        />
      ) : geometry.state.status === "ready" ? (
        <SeatMap
          seats={liveSeats}
          tiers={tiers}
          selectedIds={selected}
          onToggle={toggle}
          maxSelectable={perOrderLimit}
        />
      ) : (
        <SeatMapPlaceholder failed={geometry.state.status === "failed"} onRetry={geometry.retry} />
      )}
      <SelectionSummary
        seats={selectedSeats}
        tiers={tiers}
        limit={perOrderLimit}
        onRemove={toggle}
        disabled={hold.pending}
      />
      <HoldAlert message={message} />
      <button
        type="button"
        className={primaryButtonClass}
        disabled={count === 0 || hold.pending}
        aria-busy={action === "selection"}
        onClick={() => void requestHold("selection", { seatIds: [...selected] })}
      >
        {action === "selection"
          ? "Holding your seats…"
          : count
            ? `Hold ${count} ${plural(count, "seat")}`
            : "Hold seats"}
      </button>
      {hold.signInNeeded && <SignInToHold what="seats" returnTo={window.location.pathname} />}
      <BestAvailableForm
        tiers={tiers}
        perOrderLimit={perOrderLimit}
        pending={hold.pending}
        searching={action === "best"}
        onSubmit={(ticketTypeId, quantity) => void requestHold("best", { ticketTypeId, quantity })}
        initial={resumed && "ticketTypeId" in resumed ? resumed : null}
      />
    </div>
  );
}

/**
 * Stands in for the map while its geometry loads (and without JavaScript): the map's own
 * frame with a friendly line, never a blank box; a failure says so and offers to try again.
 */
export function SeatMapPlaceholder({ failed, onRetry }: { failed: boolean; onRetry?: () => void }) {
  return (
    <div
      data-testid="seat-map-placeholder"
      className="flex aspect-[4/3] w-full flex-col items-center justify-center gap-3 rounded-xl border border-slate-200 bg-slate-50 p-4 text-center"
    >
      {failed ? (
        <>
          <p role="alert" className="font-medium text-slate-900">
            We couldn&apos;t load the seat map. You can still let us find the best available seats below.
          </p>
          {onRetry && (
            <button
              type="button"
              onClick={onRetry}
              className="rounded-lg border border-brand-600 px-3 py-2 font-semibold text-brand-700"
            >
              Try loading the map again
            </button>
          )}
        </>
      ) : (
        <p role="status" className="animate-pulse text-slate-700">
          Loading the seat map…
        </p>
      )}
    </div>
  );
}

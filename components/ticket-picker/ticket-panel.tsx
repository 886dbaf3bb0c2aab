"use client";

import { useEffect, useRef, useState } from "react";
import { Countdown } from "@/components/checkout/countdown";
import { formatMoney, formatOnSaleDate } from "@/lib/format";
import { GaPicker } from "./ga-picker";
import { HoldBanner } from "./hold-banner";
import { fetchTicketPanel, prefetchSeatGeometry } from "./panel-api";
import { ReservedPicker, SeatMapPlaceholder } from "./reserved-picker";
import type { TicketPanelData } from "./types";
import { useMyHolds } from "./use-my-holds";

/** A tier as the cached page shows it before the live panel arrives: no id, no count. */
export type ShellTier = { name: string; kind: string; allInPriceMinor: number; currency: string };

type PanelProps = {
  slug: string;
  /** From the cached page: names and prices to show at once (and without JavaScript). */
  shellTiers: readonly ShellTier[];
  holdMinutes: number;
  /** The venue's time zone, in which the on-sale time is shown. */
  timeZone: string;
};

/** A live countdown to the sale only in its last day; before that the date and time say more. */
const COUNTDOWN_FROM_MS = 24 * 3_600_000;

/** A timer longer than this (24.8 days) fires at once in browsers; farther transitions wait for a reload. */
const MAX_TIMER_MS = 2_147_483_647;

type Loaded = { key: number; panel: TicketPanelData | null };

/**
 * The live half of the event page: the page around it is cached and knows no ids, so this
 * reads the event's id, sale state, what is left and the seat map's URL by slug, then
 * draws the state (not yet on sale, started, sold out) and the pickers. It reads again when
 * the sale opens or the event starts while the page is open.
 */
export function TicketPanel({ slug, shellTiers, holdMinutes, timeZone }: PanelProps) {
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  const reservedShell = shellTiers.some((tier) => tier.kind === "RESERVED");
  useEffect(() => {
    if (reservedShell) prefetchSeatGeometry(slug);
  }, [slug, reservedShell]);

  useEffect(() => {
    const controller = new AbortController();
    fetchTicketPanel(slug, controller.signal)
      .then((panel) => setLoaded({ key: attempt, panel }))
      .catch(() => {
        if (!controller.signal.aborted) setLoaded({ key: attempt, panel: null });
      });
    return () => controller.abort();
  }, [slug, attempt]);

  const current = loaded?.key === attempt ? loaded : null;
  const panel = current?.panel ?? null;

  // Read again at the next change of sale state (by the server's clock, as the hold API decides).
  useEffect(() => {
    if (!panel) return;
    const next =
      panel.saleState === "not-yet-on-sale" ? panel.onSaleAt : panel.saleState === "on-sale" ? panel.startsAt : null;
    if (!next) return;
    const wait = new Date(next).getTime() - new Date(panel.now).getTime() + 500;
    if (wait > MAX_TIMER_MS) return;
    const timer = window.setTimeout(() => setAttempt((n) => n + 1), Math.max(0, wait));
    return () => window.clearTimeout(timer);
  }, [panel]);

  // What this fan holds here: a per-user read of its own, since everything above is the same for everyone.
  const mine = useMyHolds(panel?.eventId ?? null);
  const noticeRef = useRef<HTMLParagraphElement>(null);

  const failed = current !== null && panel === null;
  const onSale = panel?.saleState === "on-sale" && panel.remaining > 0;
  const reserved = (panel?.tiers ?? shellTiers).some((tier) => tier.kind === "RESERVED");

  return (
    <div className="flex flex-col gap-3" data-testid="ticket-panel" aria-busy={current === null}>
      {mine.serverNow &&
        mine.holds.map((hold) => (
          <HoldBanner
            key={hold.holdId}
            hold={hold}
            serverNow={mine.serverNow!}
            onReleased={(released) => {
              mine.released(released);
              // The banner (and the button that had focus) is about to go: focus lands on what happened.
              requestAnimationFrame(() => noticeRef.current?.focus());
            }}
          />
        ))}
      <p
        ref={noticeRef}
        role="status"
        tabIndex={-1}
        data-testid="hold-notice"
        className={mine.notice ? "rounded-lg bg-slate-100 px-3 py-2 font-medium text-slate-900" : "sr-only"}
      >
        {mine.notice}
      </p>
      {panel && <SaleState panel={panel} timeZone={timeZone} />}
      <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm" data-testid="ticket-types">
        {panel
          ? panel.tiers.map((tier) => (
              <li key={tier.id}>
                <span className="font-medium">{tier.name}</span> {formatMoney(tier.allInPriceMinor, tier.currency)}{" "}
                <span className="text-slate-600">
                  {tier.remaining === 0 ? "· Sold out" : tier.remaining <= 20 ? `· ${tier.remaining} left` : ""}
                </span>
              </li>
            ))
          : shellTiers.map((tier) => (
              <li key={tier.name}>
                <span className="font-medium">{tier.name}</span> {formatMoney(tier.allInPriceMinor, tier.currency)}
              </li>
            ))}
      </ul>
      <p className="mb-1 text-xs text-slate-600">
        Prices include all fees. Holds last {panel?.holdMinutes ?? holdMinutes} minutes.
      </p>
      {failed && (
        <div role="alert" className="flex flex-wrap items-center gap-3 rounded-lg bg-red-50 px-3 py-2 text-red-800">
          <span>We couldn&apos;t check which tickets are left.</span>
          <button type="button" className="font-semibold underline" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </div>
      )}
      {current === null && reserved && <SeatMapPlaceholder failed={false} />}
      {current === null && !reserved && (
        <p role="status" className="animate-pulse text-sm text-slate-700">
          Checking which tickets are left…
        </p>
      )}
      {panel &&
        onSale &&
        (panel.seatMap ? (
          <ReservedPicker
            eventId={panel.eventId}
            geometryUrl={panel.seatMap.url}
            initialUnavailable={panel.unavailable ?? {}}
            tiers={panel.tiers}
            perOrderLimit={panel.perOrderLimit}
            heldSeatIds={mine.heldSeatIds}
          />
        ) : (
          <GaPicker eventId={panel.eventId} tiers={panel.tiers} perOrderLimit={panel.perOrderLimit} />
        ))}
    </div>
  );
}

function SaleState({ panel, timeZone }: { panel: TicketPanelData; timeZone: string }) {
  switch (panel.saleState) {
    case "cancelled":
      return (
        <p className="rounded-lg bg-red-50 px-3 py-2 font-semibold text-red-800">
          This event has been cancelled. Ticket holders are refunded automatically.
        </p>
      );
    case "started":
      return <p className="rounded-lg bg-slate-100 px-3 py-2 font-medium">This event has already taken place.</p>;
    case "not-yet-on-sale":
      return (
        <p className="rounded-lg bg-amber-50 px-3 py-2 text-amber-900" data-testid="on-sale-notice">
          <span className="font-semibold" data-testid="on-sale-date">
            On sale {formatOnSaleDate(new Date(panel.onSaleAt), timeZone, new Date(panel.now))}
          </span>
          {new Date(panel.onSaleAt).getTime() - new Date(panel.now).getTime() <= COUNTDOWN_FROM_MS && (
            <>
              {" · "}
              <Countdown
                until={panel.onSaleAt}
                label="until tickets go on sale"
                expiredText="Tickets are on sale now"
              />
            </>
          )}
        </p>
      );
    default:
      return panel.remaining === 0 ? <p className="rounded-lg bg-slate-100 px-3 py-2 font-semibold">Sold out</p> : null;
  }
}

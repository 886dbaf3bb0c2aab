"use client";

import { Fragment, memo, useMemo, type SVGAttributes } from "react";
import { nearestDistance, seatRadius, type Point } from "./seat-map-geometry";
import {
  FALLBACK_COLOR,
  SELECTED_COLOR,
  UNAVAILABLE_COLOR,
  YOURS_COLOR,
  occupancySeatLabel,
  previewSeatLabel,
  seatLabel,
  type SeatShape,
  type TierStyle,
} from "./seat-map-labels";
import type { MapSeat } from "./types";

/**
 * "purchase": the fan's map (taken seats greyed, prices in labels); "preview": the layout builder's;
 * "occupancy": the organizer's report, each seat drawn by what it is now (its `occupancy`, whose
 * names the tiers carry), and nothing to select.
 */
export type SeatMapMode = "purchase" | "preview" | "occupancy";

type GlyphProps = {
  shape: SeatShape;
  x: number;
  y: number;
  r: number;
  color: string;
  hollow?: boolean;
  attributes?: SVGAttributes<SVGElement> & { "data-seat-id"?: string };
};

/** One seat-sized shape: plain <circle>/<rect> so thousands of them stay cheap. */
export function Glyph({ shape, x, y, r, color, hollow = false, attributes }: GlyphProps) {
  // Hollow glyphs shrink by half their stroke so every tier has the same footprint.
  const strokeWidth = hollow ? r * 0.5 : 0;
  const size = r - strokeWidth / 2;
  const paint = hollow ? { fill: "#ffffff", stroke: color, strokeWidth } : { fill: color };
  if (shape === "circle") return <circle cx={x} cy={y} r={size} {...paint} {...attributes} />;
  const side = (shape === "square" ? 1.7 : 1.5) * size;
  return (
    <rect
      x={x - side / 2}
      y={y - side / 2}
      width={side}
      height={side}
      transform={shape === "diamond" ? `rotate(45 ${x} ${y})` : undefined}
      {...paint}
      {...attributes}
    />
  );
}

type SectionProps = {
  name: string;
  seats: readonly MapSeat[];
  mode: SeatMapMode;
  styles: ReadonlyMap<string, TierStyle>;
  /** The section's selected seat ids joined by newlines: a primitive, so memo can compare it cheaply. */
  selectedKey: string;
  /** The roving tab stop, when it is in this section. */
  tabStopId: string | null;
};

function Section({ name, seats, mode, styles, selectedKey, tabStopId }: SectionProps) {
  const radii = useMemo(() => seats.map((seat) => seatRadius(nearestDistance(seat, seats))), [seats]);
  const selected = useMemo(() => new Set(selectedKey.split("\n")), [selectedKey]);
  const preview = mode === "preview";
  const occupancy = mode === "occupancy";
  return (
    <g role="group" aria-label={`Section ${name}`}>
      {seats.map((seat, index) => {
        const style = styles.get(occupancy ? (seat.occupancy ?? "") : seat.ticketTypeId);
        const available = seat.status === "AVAILABLE";
        const r = radii[index] ?? 2;
        const attributes = occupancy
          ? {
              "data-seat-id": seat.id,
              role: "img",
              "aria-label": occupancySeatLabel(seat, style?.name),
              tabIndex: seat.id === tabStopId ? 0 : -1,
            }
          : {
              "data-seat-id": seat.id,
              role: "checkbox",
              "aria-checked": selected.has(seat.id),
              "aria-disabled": available ? undefined : true,
              "aria-label": preview
                ? previewSeatLabel(seat, style?.name)
                : seatLabel(seat, style?.price, selected.has(seat.id)),
              tabIndex: seat.id === tabStopId ? 0 : -1,
              className: available ? "cursor-pointer" : undefined,
            };
        // A removed seat stays in the preview as a dashed outline, so it can be selected and put back.
        if (preview && seat.removed) {
          return (
            <circle
              key={seat.id}
              cx={seat.x}
              cy={seat.y}
              r={r * 0.8}
              fill="#ffffff"
              stroke="#64748b"
              strokeWidth={r * 0.25}
              strokeDasharray={`${r * 0.45} ${r * 0.3}`}
              {...attributes}
            />
          );
        }
        // The fan's own held seats: full size in their own colour with a ring, unlike taken seats and the selection.
        if (seat.status === "YOURS" && !occupancy) {
          return (
            <Fragment key={seat.id}>
              <circle
                cx={seat.x}
                cy={seat.y}
                r={r * 1.45}
                fill="none"
                stroke={YOURS_COLOR}
                strokeWidth={r * 0.3}
                aria-hidden="true"
                pointerEvents="none"
              />
              <Glyph shape="circle" x={seat.x} y={seat.y} r={r} color={YOURS_COLOR} attributes={attributes} />
            </Fragment>
          );
        }
        // Taken seats shrink to grey dots: smaller as well as greyer, so not told by colour alone.
        if (!available && !occupancy) {
          return (
            <Glyph
              key={seat.id}
              shape="circle"
              x={seat.x}
              y={seat.y}
              r={r * 0.55}
              color={UNAVAILABLE_COLOR}
              attributes={attributes}
            />
          );
        }
        return (
          <Glyph
            key={seat.id}
            shape={style?.shape ?? "circle"}
            x={seat.x}
            y={seat.y}
            r={r}
            color={style?.color ?? FALLBACK_COLOR}
            hollow={style?.hollow}
            attributes={attributes}
          />
        );
      })}
      {preview && <SeatBadges seats={seats} radii={radii} styles={styles} />}
    </g>
  );
}

const BADGE_DARK = "#0f172a";

/**
 * The builder's marks on a seat, drawn over it and never by colour alone: a
 * "W" for a wheelchair space, a "C" for a companion seat, a cross for a seat
 * that is not for sale.
 */
function SeatBadges({
  seats,
  radii,
  styles,
}: {
  seats: readonly MapSeat[];
  radii: readonly number[];
  styles: ReadonlyMap<string, TierStyle>;
}) {
  return (
    <g aria-hidden="true" pointerEvents="none" fontWeight={700} textAnchor="middle">
      {seats.map((seat, index) => {
        if (seat.removed || (!seat.accessibility && !seat.blocked)) return null;
        const r = radii[index] ?? 2;
        const style = styles.get(seat.ticketTypeId);
        const { x, y } = seat;
        const d = r * 0.75;
        const cross = `M ${x - d} ${y - d} L ${x + d} ${y + d} M ${x + d} ${y - d} L ${x - d} ${y + d}`;
        return (
          <g key={seat.id}>
            {seat.accessibility && (
              <text
                x={x}
                y={y}
                dominantBaseline="central"
                fontSize={r * 1.35}
                // Hollow glyphs are white inside; filled ones carry white text (their colours pass AA with it).
                fill={style?.hollow ? (style.color ?? BADGE_DARK) : "#ffffff"}
              >
                {seat.accessibility === "wheelchair" ? "W" : "C"}
              </text>
            )}
            {seat.blocked && (
              <>
                <path d={cross} stroke="#ffffff" strokeWidth={r * 0.6} strokeLinecap="round" />
                <path d={cross} stroke={BADGE_DARK} strokeWidth={r * 0.3} strokeLinecap="round" />
              </>
            )}
          </g>
        );
      })}
    </g>
  );
}

function sameSeats(a: readonly MapSeat[], b: readonly MapSeat[]): boolean {
  return a === b || (a.length === b.length && a.every((seat, index) => seat === b[index]));
}

/** Re-renders only when one of its own seats, its selection or the tab stop changes. */
export const SeatMapSection = memo(
  Section,
  (before, after) =>
    before.name === after.name &&
    before.mode === after.mode &&
    before.styles === after.styles &&
    before.selectedKey === after.selectedKey &&
    before.tabStopId === after.tabStopId &&
    sameSeats(before.seats, after.seats),
);

export type Mark = Point & { id: string; r: number };

/** A dark disc, a tick and a ring: visible on every tier colour and at any zoom. */
export const SelectionMarks = memo(function SelectionMarks({ marks }: { marks: readonly Mark[] }) {
  return (
    <g aria-hidden="true" pointerEvents="none">
      {marks.map(({ id, x, y, r }) => (
        <g key={id}>
          <circle cx={x} cy={y} r={r * 1.75} fill="none" stroke={SELECTED_COLOR} strokeWidth={r * 0.4} />
          <circle cx={x} cy={y} r={r * 1.1} fill={SELECTED_COLOR} />
          <path
            d={`M ${x - r * 0.55} ${y} l ${r * 0.38} ${r * 0.42} l ${r * 0.75} ${-r * 0.85}`}
            fill="none"
            stroke="#ffffff"
            strokeWidth={r * 0.32}
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </g>
      ))}
    </g>
  );
});

/** SVG shapes don't get a reliable outline in every browser, so keyboard focus is drawn explicitly. */
export function FocusMark({ mark }: { mark: Mark }) {
  const { x, y, r } = mark;
  return (
    <g aria-hidden="true" pointerEvents="none">
      <circle cx={x} cy={y} r={r * 2.4} fill="none" stroke="#ffffff" strokeWidth={r * 0.9} />
      <circle cx={x} cy={y} r={r * 2.4} fill="none" stroke="#4338ca" strokeWidth={r * 0.5} />
    </g>
  );
}

"use client";

import { memo, useMemo, type SVGAttributes } from "react";
import { nearestDistance, seatRadius, type Point } from "./seat-map-geometry";
import {
  FALLBACK_COLOR,
  SELECTED_COLOR,
  UNAVAILABLE_COLOR,
  seatLabel,
  type SeatShape,
  type TierStyle,
} from "./seat-map-labels";
import type { SeatMapSeat } from "./types";

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
  seats: readonly SeatMapSeat[];
  styles: ReadonlyMap<string, TierStyle>;
  /** The section's selected seat ids joined by newlines: a primitive, so memo can compare it cheaply. */
  selectedKey: string;
  /** The roving tab stop, when it is in this section. */
  tabStopId: string | null;
};

function Section({ name, seats, styles, selectedKey, tabStopId }: SectionProps) {
  const radii = useMemo(() => seats.map((seat) => seatRadius(nearestDistance(seat, seats))), [seats]);
  const selected = useMemo(() => new Set(selectedKey.split("\n")), [selectedKey]);
  return (
    <g role="group" aria-label={`Section ${name}`}>
      {seats.map((seat, index) => {
        const style = styles.get(seat.ticketTypeId);
        const available = seat.status === "AVAILABLE";
        const r = radii[index] ?? 2;
        const attributes = {
          "data-seat-id": seat.id,
          role: "checkbox",
          "aria-checked": selected.has(seat.id),
          "aria-disabled": available ? undefined : true,
          "aria-label": seatLabel(seat, style?.price),
          tabIndex: seat.id === tabStopId ? 0 : -1,
          className: available ? "cursor-pointer" : undefined,
        };
        // Taken seats shrink to grey dots: smaller as well as greyer, so not told by colour alone.
        if (!available) {
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
    </g>
  );
}

function sameSeats(a: readonly SeatMapSeat[], b: readonly SeatMapSeat[]): boolean {
  return a === b || (a.length === b.length && a.every((seat, index) => seat === b[index]));
}

/** Re-renders only when one of its own seats, its selection or the tab stop changes. */
export const SeatMapSection = memo(
  Section,
  (before, after) =>
    before.name === after.name &&
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

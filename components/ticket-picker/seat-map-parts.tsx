"use client";

import { memo, type ReactNode } from "react";
import type { Point, ViewBox } from "./seat-map-geometry";
import { Glyph, type SeatMapMode } from "./seat-map-section";
import { FALLBACK_COLOR, SELECTED_COLOR, UNAVAILABLE_COLOR, YOURS_COLOR, type TierStyle } from "./seat-map-labels";
import type { MapArea } from "./types";

export function Stage({ stage, label = "STAGE" }: { stage: ViewBox; label?: string }) {
  return (
    <g aria-hidden="true" pointerEvents="none">
      <rect x={stage.x} y={stage.y} width={stage.width} height={stage.height} rx={stage.height * 0.3} fill="#1e1b4b" />
      <text
        x={stage.x + stage.width / 2}
        y={stage.y + stage.height / 2}
        textAnchor="middle"
        dominantBaseline="central"
        fill="#ffffff"
        fontSize={stage.height * 0.5}
        fontWeight={700}
        letterSpacing={stage.height * 0.08}
      >
        {label}
      </text>
    </g>
  );
}

/** Standing areas: a tinted, outlined rectangle in the tier's colour, named in words (never by colour alone). */
export const StandingAreas = memo(function StandingAreas({
  areas,
  styles,
}: {
  areas: readonly MapArea[];
  styles: ReadonlyMap<string, TierStyle>;
}) {
  return (
    <g aria-hidden="true" pointerEvents="none">
      {areas.map((area) => {
        const style = styles.get(area.tierId);
        const color = style?.color ?? FALLBACK_COLOR;
        const text = `${area.label} · ${style?.name ?? ""} · ${area.capacity} standing`;
        // Fits the words across the area (about 0.6 em a character), and never taller than a fifth of it.
        const fontSize = Math.max(4, Math.min(area.height * 0.2, (area.width * 0.92) / (text.length * 0.6)));
        return (
          <g key={area.id}>
            <rect
              x={area.x}
              y={area.y}
              width={area.width}
              height={area.height}
              fill={color}
              fillOpacity={0.12}
              stroke={color}
              strokeWidth={Math.max(1, fontSize * 0.15)}
              strokeDasharray={`${fontSize * 0.6} ${fontSize * 0.3}`}
            />
            <text
              x={area.x + area.width / 2}
              y={area.y + area.height / 2}
              textAnchor="middle"
              dominantBaseline="central"
              fontSize={fontSize}
              fontWeight={700}
              fill="#0f172a"
            >
              {text}
            </text>
          </g>
        );
      })}
    </g>
  );
});

export type SectionLabel = Point & { name: string };

/** Sized from the view so labels stay readable, and small, at every zoom. */
export const SectionLabels = memo(function SectionLabels({
  labels,
  fontSize,
}: {
  labels: readonly SectionLabel[];
  fontSize: number;
}) {
  return (
    <g aria-hidden="true" pointerEvents="none" fontSize={fontSize} fontWeight={700} textAnchor="middle">
      {labels.map((label) => (
        <text
          key={label.name}
          x={label.x}
          y={label.y}
          dominantBaseline="central"
          fill="#0f172a"
          stroke="#ffffff"
          strokeWidth={fontSize * 0.25}
          paintOrder="stroke"
          opacity={0.9}
        >
          {label.name}
        </text>
      ))}
    </g>
  );
});

const controlClass =
  "flex h-11 w-11 items-center justify-center rounded-lg border border-slate-300 bg-white text-xl font-semibold text-slate-900 shadow-sm hover:bg-slate-50 disabled:text-slate-400";

export function ZoomControls(props: {
  canZoomIn: boolean;
  canZoomOut: boolean;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onReset: () => void;
}) {
  return (
    <div className="flex shrink-0 gap-1.5">
      <button type="button" className={controlClass} onClick={props.onZoomOut} disabled={!props.canZoomOut}>
        <span aria-hidden="true">−</span>
        <span className="sr-only">Zoom out</span>
      </button>
      <button type="button" className={controlClass} onClick={props.onZoomIn} disabled={!props.canZoomIn}>
        <span aria-hidden="true">+</span>
        <span className="sr-only">Zoom in</span>
      </button>
      <button type="button" className={controlClass} onClick={props.onReset} disabled={!props.canZoomOut}>
        <svg viewBox="0 0 20 20" className="h-5 w-5" aria-hidden="true">
          <path d="M3 8V3h5M17 12v5h-5M3 3l5 5M17 17l-5-5" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
        <span className="sr-only">Show the whole venue</span>
      </button>
    </div>
  );
}

function Swatch({ children }: { children: ReactNode }) {
  return (
    <svg viewBox="-10 -10 20 20" className="h-5 w-5 shrink-0" aria-hidden="true">
      {children}
    </svg>
  );
}

export function Legend({
  styles,
  mode = "purchase",
  showHeld = false,
}: {
  styles: readonly TierStyle[];
  mode?: SeatMapMode;
  /** Adds "Held by you" while the fan holds seats on this map. */
  showHeld?: boolean;
}) {
  if (mode === "preview") return <PreviewLegend styles={styles} />;
  if (mode === "occupancy") return <OccupancyLegend styles={styles} />;
  return (
    <div>
      <h3 className="sr-only">Legend</h3>
      <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm text-slate-800">
        {styles.map((style) => (
          <li key={style.tierId} className="flex items-center gap-1.5">
            <Swatch>
              <Glyph shape={style.shape} x={0} y={0} r={7} color={style.color} hollow={style.hollow} />
            </Swatch>
            <span>
              <span className="font-medium">{style.name}</span> {style.price}
            </span>
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <SelectedSwatch />
          Your seats
        </li>
        {showHeld && (
          <li className="flex items-center gap-1.5" data-testid="legend-held-by-you">
            <Swatch>
              <circle r={8} fill="none" stroke={YOURS_COLOR} strokeWidth={1.6} />
              <circle r={5.5} fill={YOURS_COLOR} />
            </Swatch>
            Held by you
          </li>
        )}
        <li className="flex items-center gap-1.5">
          <Swatch>
            <circle r={4} fill={UNAVAILABLE_COLOR} stroke="#64748b" strokeWidth={0.5} />
          </Swatch>
          Taken
        </li>
      </ul>
      <p className="mt-1 text-xs text-slate-600">Prices include all fees.</p>
    </div>
  );
}

function SelectedSwatch() {
  return (
    <Swatch>
      <circle r={8} fill="none" stroke={SELECTED_COLOR} strokeWidth={2} />
      <circle r={5} fill={SELECTED_COLOR} />
      <path d="M -3 0 l 2 2.3 l 4 -4.6" fill="none" stroke="#ffffff" strokeWidth={1.8} strokeLinecap="round" />
    </Swatch>
  );
}

/** The organizer's legend: each state of a seat by colour, shape and name (the names carry the counts). */
function OccupancyLegend({ styles }: { styles: readonly TierStyle[] }) {
  return (
    <div>
      <h3 className="sr-only">Legend</h3>
      <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm text-slate-800" data-testid="occupancy-legend">
        {styles.map((style) => (
          <li key={style.tierId} className="flex items-center gap-1.5">
            <Swatch>
              <Glyph shape={style.shape} x={0} y={0} r={7} color={style.color} hollow={style.hollow} />
            </Swatch>
            <span className="font-medium">{style.name}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The builder's legend: price zones by name and shape, and what each mark on a seat means. */
function PreviewLegend({ styles }: { styles: readonly TierStyle[] }) {
  const sample = styles[0]?.color ?? FALLBACK_COLOR;
  return (
    <div>
      <h3 className="sr-only">Legend</h3>
      <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm text-slate-800">
        {styles.map((style) => (
          <li key={style.tierId} className="flex items-center gap-1.5">
            <Swatch>
              <Glyph shape={style.shape} x={0} y={0} r={7} color={style.color} hollow={style.hollow} />
            </Swatch>
            <span className="font-medium">{style.name}</span>
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <SelectedSwatch />
          Selected
        </li>
        <li className="flex items-center gap-1.5">
          <Swatch>
            <circle r={7} fill={sample} />
            <text y={0.5} fontSize={9} fontWeight={700} fill="#ffffff" textAnchor="middle" dominantBaseline="central">
              W
            </text>
          </Swatch>
          Wheelchair space
        </li>
        <li className="flex items-center gap-1.5">
          <Swatch>
            <circle r={7} fill={sample} />
            <text y={0.5} fontSize={9} fontWeight={700} fill="#ffffff" textAnchor="middle" dominantBaseline="central">
              C
            </text>
          </Swatch>
          Companion seat
        </li>
        <li className="flex items-center gap-1.5">
          <Swatch>
            <circle r={7} fill={sample} />
            <path d="M -5 -5 L 5 5 M 5 -5 L -5 5" stroke="#ffffff" strokeWidth={4} strokeLinecap="round" />
            <path d="M -5 -5 L 5 5 M 5 -5 L -5 5" stroke="#0f172a" strokeWidth={2} strokeLinecap="round" />
          </Swatch>
          Not for sale
        </li>
        <li className="flex items-center gap-1.5">
          <Swatch>
            <circle r={6} fill="#ffffff" stroke="#64748b" strokeWidth={1.8} strokeDasharray="3 2" />
          </Swatch>
          Removed
        </li>
      </ul>
    </div>
  );
}

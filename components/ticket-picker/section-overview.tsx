"use client";

import { memo, type MouseEvent } from "react";
import { clientToMap, type ViewBox } from "./seat-map-geometry";
import { UNAVAILABLE_COLOR, plural, type TierStyle } from "./seat-map-labels";
import { Stage } from "./seat-map-parts";
import { sectionAt, type SectionSummary } from "./seat-map-sections";
import { TAP_TARGET_PX } from "./seat-map-targets";

type OverviewProps = {
  sections: readonly SectionSummary[];
  styles: ReadonlyMap<string, TierStyle>;
  /** The whole venue's frame and stage, as the full map draws them. */
  layout: { bounds: ViewBox; stage: ViewBox };
  onChoose: (section: string) => void;
};

/**
 * The phone's first view of a seated event: the venue as one shape per section
 * (a few dozen elements instead of thousands of seats) and the same sections as
 * buttons with their all-in price and seats left. The buttons are the accessible
 * way in; the drawing is a shortcut for a finger and is hidden from screen readers.
 */
export function SectionOverview({ sections, styles, layout, onChoose }: OverviewProps) {
  return (
    <div className="flex flex-col gap-3" data-testid="section-overview">
      <h3 id="section-overview-heading" tabIndex={-1} className="font-semibold text-slate-900 outline-none">
        Choose a section
      </h3>
      <OverviewMap sections={sections} styles={styles} layout={layout} onChoose={onChoose} />
      <ul className="grid grid-cols-2 gap-2" aria-labelledby="section-overview-heading">
        {sections.map((section) => (
          <li key={section.name}>
            <SectionButton section={section} styles={styles} onChoose={onChoose} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function SectionButton({
  section,
  styles,
  onChoose,
}: {
  section: SectionSummary;
  styles: ReadonlyMap<string, TierStyle>;
  onChoose: (section: string) => void;
}) {
  const soldOut = section.available === 0;
  const tierNames = section.tierIds.map((id) => styles.get(id)?.name).filter(Boolean);
  const color = styles.get(section.tierIds[0] ?? "")?.color;
  return (
    <button
      type="button"
      data-section={section.name}
      disabled={soldOut}
      onClick={() => onChoose(section.name)}
      className="flex min-h-11 w-full flex-col items-start rounded-lg border border-slate-300 border-l-4 bg-white px-3 py-2 text-left hover:bg-slate-50 disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500"
      style={soldOut ? undefined : { borderLeftColor: color }}
    >
      <span className="font-semibold">Section {section.name}</span>
      <span className="text-sm">
        {tierNames.join(", ")} · {section.price}
      </span>
      <span className="text-sm text-slate-600">
        {soldOut ? "Sold out" : `${section.available} ${plural(section.available, "seat")} left`}
      </span>
    </button>
  );
}

const OverviewMap = memo(function OverviewMap({ sections, styles, layout, onChoose }: OverviewProps) {
  const { bounds, stage } = layout;
  const fontSize = bounds.width / 30;

  function onClick(event: MouseEvent<SVGSVGElement>) {
    const rect = event.currentTarget.getBoundingClientRect();
    const point = clientToMap({ x: event.clientX, y: event.clientY }, rect, bounds);
    const chosen = sectionAt(sections, point, (TAP_TARGET_PX * bounds.width) / rect.width);
    if (chosen) onChoose(chosen);
  }

  return (
    // Hidden from assistive technology: the buttons below offer the same choices, named.
    <svg
      aria-hidden="true"
      data-testid="section-overview-map"
      viewBox={`${bounds.x} ${bounds.y} ${bounds.width} ${bounds.height}`}
      className="block h-auto w-full cursor-pointer rounded-xl border border-slate-200 bg-white select-none"
      style={{ aspectRatio: `${bounds.width} / ${bounds.height}` }}
      onClick={onClick}
    >
      <Stage stage={stage} />
      {sections.map((section) => (
        <polygon
          key={section.name}
          points={section.outline.map((p) => `${p.x},${p.y}`).join(" ")}
          fill={
            section.available ? (styles.get(section.tierIds[0] ?? "")?.color ?? UNAVAILABLE_COLOR) : UNAVAILABLE_COLOR
          }
          fillOpacity={section.available ? 0.75 : 1}
          stroke="#ffffff"
          strokeWidth={bounds.width / 300}
          strokeLinejoin="round"
        />
      ))}
      <g fontSize={fontSize} fontWeight={700} textAnchor="middle" pointerEvents="none">
        {sections.map((section) => (
          <text
            key={section.name}
            x={section.center.x}
            y={section.center.y}
            dominantBaseline="central"
            fill="#0f172a"
            stroke="#ffffff"
            strokeWidth={fontSize * 0.25}
            paintOrder="stroke"
          >
            {section.name}
          </text>
        ))}
      </g>
    </svg>
  );
});

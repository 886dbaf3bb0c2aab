"use client";

import { memo, type MouseEvent } from "react";
import { clientToMap, type ViewBox } from "./seat-map-geometry";
import { UNAVAILABLE_COLOR, type TierStyle } from "./seat-map-labels";
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
      {priceGroups(sections, styles).map((group) => (
        <section key={group.key} aria-label={`${group.name} ${group.price}`} className="flex flex-col gap-1.5">
          <h4 className="flex items-center gap-2 text-sm font-semibold text-slate-900">
            <span aria-hidden="true" className="h-3 w-3 rounded-sm" style={{ backgroundColor: group.color }} />
            {group.name} · {group.price}
          </h4>
          <ul className="grid grid-cols-3 gap-2">
            {group.sections.map((section) => (
              <li key={section.name}>
                <SectionButton section={section} group={group} onChoose={onChoose} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

type PriceGroup = { key: string; name: string; price: string; color: string; sections: SectionSummary[] };

/** Sections that sell the same tiers, together under their price: how a fan compares them. */
function priceGroups(sections: readonly SectionSummary[], styles: ReadonlyMap<string, TierStyle>): PriceGroup[] {
  const groups = new Map<string, PriceGroup>();
  for (const section of sections) {
    const key = section.tierIds.join(" ");
    const group = groups.get(key);
    if (group) {
      group.sections.push(section);
      continue;
    }
    groups.set(key, {
      key,
      name: section.tierIds.map((id) => styles.get(id)?.name ?? "").join(", "),
      price: section.price,
      color: styles.get(section.tierIds[0] ?? "")?.color ?? UNAVAILABLE_COLOR,
      sections: [section],
    });
  }
  return [...groups.values()];
}

function SectionButton({
  section,
  group,
  onChoose,
}: {
  section: SectionSummary;
  group: PriceGroup;
  onChoose: (section: string) => void;
}) {
  const soldOut = section.available === 0;
  return (
    <button
      type="button"
      data-section={section.name}
      disabled={soldOut}
      onClick={() => onChoose(section.name)}
      className="flex min-h-11 w-full flex-col items-start rounded-lg border border-l-4 border-slate-300 bg-white px-2.5 py-1.5 text-left hover:bg-slate-50 disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500"
      style={soldOut ? undefined : { borderLeftColor: group.color }}
    >
      {/* The name comes from the content, so it contains the visible text (WCAG 2.5.3, axe's
          label-content-name-mismatch): the group's heading shows the tier and price once, the
          name says them for each section. One hidden span says it all, so no stray space lands
          before a comma; the shown number is hidden from the name, which already says it. */}
      <span className="sr-only">{`Section ${section.name}, ${group.name} ${section.price}, `}</span>
      <span className="font-semibold" aria-hidden="true">
        {section.name}
      </span>
      <span className="text-xs text-slate-600">{soldOut ? "Sold out" : `${section.available} left`}</span>
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

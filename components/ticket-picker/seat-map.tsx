"use client";

import {
  useId,
  useMemo,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
} from "react";
import {
  centroid,
  clientToMap,
  mapLayout,
  nearestDistance,
  nearestInDirection,
  seatRadius,
  viewBoxAttribute,
  type Direction,
  type ViewBox,
} from "./seat-map-geometry";
import {
  describeSelectionChange,
  groupBySection,
  occupancySeatLabel,
  seatName,
  statusWord,
  tierStyles,
} from "./seat-map-labels";
import { Legend, SectionLabels, Stage, StandingAreas, ZoomControls } from "./seat-map-parts";
import { FocusMark, SeatMapSection, SelectionMarks, type Mark, type SeatMapMode } from "./seat-map-section";
import { resolveTap, sectionFrame, smallestPitch } from "./seat-map-targets";
import type { MapArea, MapSeat, MapTier } from "./types";
import { useBoxSelect } from "./use-box-select";
import { useMapView } from "./use-map-view";

export type SeatMapProps = {
  seats: readonly MapSeat[];
  tiers: readonly MapTier[];
  /** In the order the fan picked them. */
  selectedIds: readonly string[];
  onToggle: (seatId: string) => void;
  maxSelectable: number;
  /**
   * "preview" is the layout builder's: seats carry price zones and marks instead
   * of prices and live status, and with `onSelectMany` seats can be selected in
   * bulk. The fan's map is "purchase", the default.
   */
  mode?: SeatMapMode;
  /** Adds seats to the selection: a Shift-drag box (any drag while `boxSelect` is on), or Shift+arrow keys. */
  onSelectMany?: (seatIds: readonly string[]) => void;
  /** Drags draw a selection box instead of panning (for touch screens, which have no Shift). */
  boxSelect?: boolean;
  /** The layout's own stage, instead of a band placed above the seats. */
  stage?: { x: number; y: number; width: number; height: number; label?: string } | undefined;
  /** Standing areas, drawn as labelled rectangles. */
  areas?: readonly MapArea[];
  /**
   * "venue" (the default) frames the whole venue below its stage; "section" frames the
   * seats given (one section, on a phone) and opens zoomed in until every seat is tap-sized.
   */
  frame?: "venue" | "section";
};

const HINTS: Record<SeatMapMode, string> = {
  purchase:
    "Stage at the top. Tap or click a section to zoom to it, then a seat to pick it. Drag to move around; scroll, pinch or use the buttons to zoom. With a keyboard, arrow keys move between seats and Enter or Space picks one.",
  preview:
    "Drag to move around; scroll, pinch or use the buttons to zoom. Click a seat to select it or clear it; Shift-drag selects every seat in a box. With a keyboard, arrow keys move between seats, Space selects one and Shift+arrow keys select as they move.",
  occupancy:
    "Stage at the top. Drag to move around; scroll, pinch or use the buttons to zoom. With a keyboard, arrow keys move between seats and each says what it is.",
};

// A section on its own (a phone): no stage in the frame, and seats are already tap-sized.
const SECTION_HINT =
  "Tap a seat to pick it. Drag to move around; pinch or use the buttons to zoom. With a keyboard, arrow keys move between seats and Enter or Space picks one.";

const ARROWS: Partial<Record<string, Direction>> = {
  ArrowUp: "up",
  ArrowDown: "down",
  ArrowLeft: "left",
  ArrowRight: "right",
};

/**
 * Seats by id, indexed on the first lookup. Most renders of a 20,000-seat map
 * in the builder look nothing up (nothing focused, nothing selected), and
 * building the Map was the largest single cost of a render.
 */
function lazyIndex<S extends MapSeat>(seats: readonly S[]): { get(id: string): S | undefined } {
  let index: Map<string, S> | undefined;
  return { get: (id) => (index ??= new Map(seats.map((seat) => [seat.id, seat]))).get(id) };
}

/** A section on its own has no stage band: its frame is just its seats. */
function sectionLayout(seats: readonly MapSeat[]): { bounds: ViewBox; stage: ViewBox | null } {
  return { bounds: sectionFrame(seats), stage: null };
}

function seatIdOf(target: EventTarget): string | null {
  return target instanceof Element ? (target.closest("[data-seat-id]")?.getAttribute("data-seat-id") ?? null) : null;
}

export function SeatMap({
  seats,
  tiers,
  selectedIds,
  onToggle,
  maxSelectable,
  mode = "purchase",
  onSelectMany,
  boxSelect = false,
  stage,
  areas,
  frame = "venue",
}: SeatMapProps) {
  const hintId = useId();
  const styles = useMemo(() => tierStyles(tiers), [tiers]);
  const styleList = useMemo(() => [...styles.values()], [styles]);
  const showHeld = useMemo(() => seats.some((seat) => seat.status === "YOURS"), [seats]);
  const sections = useMemo(() => groupBySection(seats), [seats]);
  const sectionSeats = useMemo(() => new Map(sections.map((s) => [s.name, s.seats])), [sections]);
  const seatsById = useMemo(() => lazyIndex(seats), [seats]);
  const layout = useMemo(
    () => (frame === "section" ? sectionLayout(seats) : mapLayout(seats, { stage, areas })),
    [frame, seats, stage, areas],
  );
  const pitch = useMemo(() => smallestPitch(seats), [seats]);
  const labels = useMemo(() => sections.map((s) => ({ name: s.name, ...centroid(s.seats) })), [sections]);
  const {
    svgRef,
    view,
    zoomed,
    canZoomIn,
    screenWidth,
    minWidth,
    zoomIn,
    zoomOut,
    reset,
    show,
    reveal,
    consumeDragClick,
    pointerHandlers,
  } = useMapView(layout.bounds, { seats, pitch, startTappable: frame === "section" });
  const boxing = useBoxSelect({
    enabled: onSelectMany !== undefined,
    always: boxSelect,
    view,
    points: seats,
    onSelect: (ids) => onSelectMany?.(ids),
  });

  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [focusVisible, setFocusVisible] = useState(false);
  const [announced, setAnnounced] = useState({ selection: selectedIds, text: "" });
  let announcement = announced.text;
  if (announced.selection !== selectedIds) {
    // Derived from the selection itself, so removals from the summary or the server are announced too.
    announcement = describeSelectionChange(announced.selection, selectedIds, seatsById) ?? announced.text;
    setAnnounced({ selection: selectedIds, text: announcement });
  }
  const announce = (text: string) => setAnnounced((a) => ({ ...a, text }));

  const selectedKeys = useMemo(() => {
    const bySection = new Map<string, string[]>();
    for (const id of selectedIds) {
      const section = seatsById.get(id)?.section;
      if (section === undefined) continue;
      // Pushed, not copied: the builder selects thousands of seats at once.
      const ids = bySection.get(section);
      if (ids) ids.push(id);
      else bySection.set(section, [id]);
    }
    return new Map([...bySection].map(([section, ids]) => [section, ids.join("\n")]));
  }, [selectedIds, seatsById]);

  const markFor = (seat: MapSeat): Mark => ({
    id: seat.id,
    x: seat.x,
    y: seat.y,
    r: seatRadius(nearestDistance(seat, sectionSeats.get(seat.section) ?? [])),
  });
  const marks = selectedIds.flatMap((id) => {
    const seat = seatsById.get(id);
    return seat ? [markFor(seat)] : [];
  });

  const tabStop =
    (focusedId !== null && seatsById.get(focusedId)) ||
    seats.find((seat) => seat.status === "AVAILABLE") ||
    seats[0] ||
    null;

  function toggle(seat: MapSeat) {
    // The organizer's map only shows: a click or Enter says what the seat is.
    if (mode === "occupancy") return announce(occupancySeatLabel(seat, styles.get(seat.occupancy ?? "")?.name));
    if (seat.status !== "AVAILABLE") return announce(`${seatName(seat)} is ${statusWord(seat.status)}`);
    if (!selectedIds.includes(seat.id) && selectedIds.length >= maxSelectable) {
      return announce(`You can choose up to ${maxSelectable} seats per order.`);
    }
    onToggle(seat.id);
  }

  function pick(seat: MapSeat) {
    setFocusedId(seat.id);
    toggle(seat);
  }

  function onClick(event: MouseEvent<SVGSVGElement>) {
    if (boxing.consumeBoxClick() || consumeDragClick()) return;
    const seat = seatsById.get(seatIdOf(event.target) ?? "");
    // A mouse lands where it is pointed, and a click without a pointer (assistive technology)
    // names its seat: either takes the seat it hit. A finger is judged by the seat's target size.
    const pointerType = (event.nativeEvent as Partial<globalThis.PointerEvent>).pointerType;
    if (seat && pointerType !== "touch") return pick(seat);
    const svg = svgRef.current;
    if (!svg || event.detail === 0) return;
    const tap = resolveTap({
      point: clientToMap({ x: event.clientX, y: event.clientY }, svg.getBoundingClientRect(), view),
      seats,
      sectionOf: (s) => sectionSeats.get(s.section) ?? [],
      view,
      bounds: layout.bounds,
      screenWidth,
      minWidth,
    });
    if (tap.kind === "seat") pick(tap.seat);
    else if (tap.kind === "zoom") show(tap.view);
  }

  function onKeyDown(event: KeyboardEvent<SVGSVGElement>) {
    const seat = seatsById.get(seatIdOf(event.target) ?? "");
    if (!seat) return;
    const direction = ARROWS[event.key];
    if (direction) {
      event.preventDefault();
      const next = nearestInDirection(seats, seat, direction);
      if (!next) return;
      setFocusedId(next.id);
      reveal(next);
      const selector = `[data-seat-id="${CSS.escape(next.id)}"]`;
      svgRef.current?.querySelector<SVGElement>(selector)?.focus({ preventScroll: true });
      if (event.shiftKey && onSelectMany) onSelectMany([seat.id, next.id]);
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      toggle(seat);
    }
  }

  function onFocus(event: FocusEvent<SVGSVGElement>) {
    const seat = seatsById.get(seatIdOf(event.target) ?? "");
    if (!seat) return;
    const visible = event.target.matches(":focus-visible");
    setFocusedId(seat.id);
    setFocusVisible(visible);
    // Tabbing into the map may land on a seat that is zoomed out of view.
    if (visible) reveal(seat);
  }

  function onBlur(event: FocusEvent<SVGSVGElement>) {
    const next = event.relatedTarget;
    if (!(next instanceof Node) || !event.currentTarget.contains(next)) setFocusVisible(false);
  }

  const { bounds } = layout;
  // The box takes the pointer when Shift is held (or box mode is on); pan and zoom get everything else.
  const handlers = {
    onPointerDown: (event: PointerEvent<SVGSVGElement>) =>
      boxing.onPointerDown(event) || pointerHandlers.onPointerDown(event),
    onPointerMove: (event: PointerEvent<SVGSVGElement>) =>
      boxing.onPointerMove(event) || pointerHandlers.onPointerMove(event),
    onPointerUp: (event: PointerEvent<SVGSVGElement>) =>
      boxing.onPointerEnd(event) || pointerHandlers.onPointerUp(event),
    onPointerCancel: (event: PointerEvent<SVGSVGElement>) =>
      boxing.onPointerEnd(event) || pointerHandlers.onPointerCancel(event),
  };
  const interaction = boxSelect ? "cursor-crosshair touch-none" : zoomed ? "cursor-grab touch-none" : "touch-pan-y";
  return (
    <div className="flex flex-col gap-3">
      <div className="overflow-hidden rounded-xl border border-slate-200 bg-white">
        <svg
          ref={svgRef}
          data-testid="seat-map"
          viewBox={viewBoxAttribute(view)}
          role="group"
          aria-label="Seat map"
          aria-describedby={hintId}
          className={`block h-auto w-full select-none ${interaction}`}
          style={{ aspectRatio: `${bounds.width} / ${bounds.height}` }}
          onClick={onClick}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
          onBlur={onBlur}
          {...handlers}
        >
          {layout.stage && <Stage stage={layout.stage} label={stage?.label?.toUpperCase()} />}
          {areas && <StandingAreas areas={areas} styles={styles} />}
          {sections.map((section) => (
            <SeatMapSection
              key={section.name}
              name={section.name}
              mode={mode}
              seats={section.seats}
              styles={styles}
              selectedKey={selectedKeys.get(section.name) ?? ""}
              tabStopId={tabStop?.section === section.name ? tabStop.id : null}
            />
          ))}
          {/* A section on its own is named by the heading above it; its label would sit on its seats. */}
          {frame === "venue" && <SectionLabels labels={labels} fontSize={view.width / 45} />}
          <SelectionMarks marks={marks} />
          {focusVisible && tabStop && <FocusMark mark={markFor(tabStop)} />}
          {boxing.box && (
            <rect
              aria-hidden="true"
              pointerEvents="none"
              {...boxing.box}
              fill="#4338ca"
              fillOpacity={0.08}
              stroke="#4338ca"
              strokeWidth={view.width / 400}
              strokeDasharray={`${view.width / 150} ${view.width / 300}`}
            />
          )}
        </svg>
      </div>
      <div className="flex items-start justify-between gap-3">
        <p id={hintId} className="text-xs text-slate-600">
          {frame === "section" ? SECTION_HINT : HINTS[mode]}
        </p>
        <ZoomControls canZoomIn={canZoomIn} canZoomOut={zoomed} onZoomIn={zoomIn} onZoomOut={zoomOut} onReset={reset} />
      </div>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <Legend styles={styleList} mode={mode} showHeld={showHeld} />
    </div>
  );
}

"use client";

import { useCallback, useEffect, useEffectEvent, useLayoutEffect, useRef, useState, type PointerEvent } from "react";
import {
  MIN_VIEW_WIDTH,
  clientToMap,
  panBy,
  revealPoint,
  sameViewBox,
  zoomAt,
  zoomLevel,
  type ClientRect,
  type Point,
  type ViewBox,
} from "./seat-map-geometry";
import { tappableWidth, zoomAroundSeats, zoomFocus } from "./seat-map-targets";

const BUTTON_ZOOM = 1.6;
// Past this many pixels a press becomes a drag, and the click that follows is not a seat toggle.
const DRAG_THRESHOLD = 6;

type Gesture = { start: Point; moved: boolean; rect: ClientRect; pinch: { distance: number; mid: Point } | null };

function pinchOf(points: Point[]): { distance: number; mid: Point } | null {
  const [a, b] = points;
  if (!a || !b) return null;
  return { distance: Math.hypot(a.x - b.x, a.y - b.y), mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } };
}

type MapViewOptions = {
  /** The seats drawn: the zoom buttons zoom around those in view. */
  seats: readonly Point[];
  /** The smallest distance between neighbouring seats, in map units. */
  pitch: number;
  /** Open zoomed in just far enough for every seat to be a full tap target (a section on a phone). */
  startTappable?: boolean;
};

/**
 * Zoom and pan state for the seat map, driven by buttons, wheel, mouse drag and
 * touch pinch. It also tracks the map's width on screen, so it can say how far
 * to zoom before seats are tap-sized, and lets the map zoom in twice as far as that.
 */
export function useMapView(bounds: ViewBox, { seats, pitch, startTappable = false }: MapViewOptions) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [state, setState] = useState({ bounds, view: bounds });
  // A different venue starts again from the full view (React's "adjust state on prop change" pattern).
  const current = sameViewBox(state.bounds, bounds) ? state : { bounds, view: bounds };
  if (current !== state) setState(current);
  const { view } = current;
  const [screenWidth, setScreenWidth] = useState(0);
  const minWidth =
    screenWidth > 0 && Number.isFinite(pitch)
      ? Math.min(MIN_VIEW_WIDTH, tappableWidth(pitch, screenWidth) / 2)
      : MIN_VIEW_WIDTH;

  const pointers = useRef(new Map<number, Point>());
  const gesture = useRef<Gesture | null>(null);
  const suppressClick = useRef(false);

  const update = useCallback((change: (view: ViewBox, bounds: ViewBox) => ViewBox) => {
    setState((s) => {
      const next = change(s.view, s.bounds);
      return sameViewBox(next, s.view) ? s : { ...s, view: next };
    });
  }, []);

  const onResize = useEffectEvent((width: number) => {
    if (width <= 0) return;
    if (screenWidth === 0 && startTappable && Number.isFinite(pitch)) {
      const target = tappableWidth(pitch, width);
      update((v, b) => (target < v.width ? zoomAt(v, v.width / target, zoomFocus(v, seats), b, target) : v));
    }
    setScreenWidth(width);
  });

  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    // Measured before the first paint, so a section opens at tap size without a visible jump.
    onResize(svg.getBoundingClientRect().width);
    const observer = new ResizeObserver(([entry]) => onResize(entry?.contentRect.width ?? 0));
    observer.observe(svg);
    return () => observer.disconnect();
  }, []);

  const zoomIn = () => update((v, b) => zoomAroundSeats(v, BUTTON_ZOOM, seats, b, minWidth));
  const zoomOut = () => update((v, b) => zoomAroundSeats(v, 1 / BUTTON_ZOOM, seats, b, minWidth));
  const reset = () => update((_, b) => b);
  const show = (next: ViewBox) => update(() => next);
  const reveal = useCallback(
    (point: Point) => update((v, b) => revealPoint(v, point, v.width * 0.04, b, minWidth)),
    [update, minWidth],
  );

  const onWheel = useEffectEvent((event: WheelEvent) => {
    const svg = svgRef.current;
    if (!svg) return;
    const zoomingOut = event.deltaY > 0;
    // At full view, let the page scroll rather than trapping the wheel.
    if (zoomingOut && zoomLevel(view, bounds) <= 1) return;
    event.preventDefault();
    const pixels = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? event.deltaY * 16 : event.deltaY;
    const rect = svg.getBoundingClientRect();
    const client = { x: event.clientX, y: event.clientY };
    update((v, b) => zoomAt(v, Math.exp(-pixels * 0.002), clientToMap(client, rect, v), b, minWidth));
  });

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    // React registers wheel listeners as passive, which can't preventDefault the page scroll.
    const listener = (event: WheelEvent) => onWheel(event);
    svg.addEventListener("wheel", listener, { passive: false });
    return () => svg.removeEventListener("wheel", listener);
  }, []);

  function onPointerDown(event: PointerEvent<SVGSVGElement>) {
    if (event.pointerType === "mouse" && event.button !== 0) return;
    suppressClick.current = false;
    pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
    const rect = event.currentTarget.getBoundingClientRect();
    const pinch = pinchOf([...pointers.current.values()]);
    gesture.current = {
      start: { x: event.clientX, y: event.clientY },
      moved: pinch !== null || (gesture.current?.moved ?? false),
      rect,
      pinch,
    };
  }

  function onPointerMove(event: PointerEvent<SVGSVGElement>) {
    const last = pointers.current.get(event.pointerId);
    const active = gesture.current;
    if (!last || !active) return;
    const position = { x: event.clientX, y: event.clientY };
    pointers.current.set(event.pointerId, position);
    const { rect } = active;
    if (active.pinch) {
      const pinch = pinchOf([...pointers.current.values()]);
      if (!pinch || pinch.distance === 0) return;
      const before = active.pinch;
      active.pinch = pinch;
      update((v, b) => {
        const zoomed = zoomAt(v, pinch.distance / before.distance, clientToMap(before.mid, rect, v), b, minWidth);
        const scale = zoomed.width / rect.width;
        return panBy(zoomed, (before.mid.x - pinch.mid.x) * scale, (before.mid.y - pinch.mid.y) * scale, b, minWidth);
      });
      return;
    }
    if (!active.moved) {
      if (Math.hypot(position.x - active.start.x, position.y - active.start.y) < DRAG_THRESHOLD) return;
      active.moved = true;
      // Captured only once it is a drag: capturing on press would retarget the click away from the seat.
      event.currentTarget.setPointerCapture(event.pointerId);
    }
    update((v, b) => {
      const scale = v.width / rect.width;
      return panBy(v, (last.x - position.x) * scale, (last.y - position.y) * scale, b, minWidth);
    });
  }

  function onPointerEnd(event: PointerEvent<SVGSVGElement>) {
    pointers.current.delete(event.pointerId);
    if (gesture.current?.moved) suppressClick.current = true;
    if (pointers.current.size === 0) gesture.current = null;
    else if (gesture.current) gesture.current.pinch = null;
  }

  /** True once after a drag or pinch, so the click that ends it doesn't toggle a seat. */
  function consumeDragClick(): boolean {
    const suppressed = suppressClick.current;
    suppressClick.current = false;
    return suppressed;
  }

  const level = zoomLevel(view, bounds);
  return {
    svgRef,
    view,
    zoomed: level > 1.001,
    canZoomIn: view.width > Math.min(minWidth, bounds.width) + 1e-6,
    screenWidth,
    minWidth,
    zoomIn,
    zoomOut,
    reset,
    show,
    reveal,
    consumeDragClick,
    pointerHandlers: {
      onPointerDown,
      onPointerMove,
      onPointerUp: onPointerEnd,
      onPointerCancel: onPointerEnd,
    },
  };
}

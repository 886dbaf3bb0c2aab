"use client";

import { useRef, useState, type PointerEvent } from "react";
import { clientToMap, type ClientRect, type Point, type ViewBox } from "./seat-map-geometry";

// Past this many pixels a press becomes a box, and the click that follows is not a seat toggle.
const DRAG_THRESHOLD = 6;

type Gesture = { pointerId: number; start: Point; rect: ClientRect; view: ViewBox; moved: boolean };

/** The rectangle between two map points, whichever way it was dragged. */
export function boxBetween(a: Point, b: Point): ViewBox {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}

export function pointsInBox<T extends Point>(points: readonly T[], box: ViewBox): T[] {
  return points.filter((p) => p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height);
}

/**
 * Box selection for the builder's preview: a drag with Shift held (or any drag
 * while `always` is on, for touch screens) draws a rectangle instead of
 * panning, and the points inside it are handed to `onSelect`. Each handler
 * returns whether it took the event, so the map's pan and zoom get the rest.
 */
export function useBoxSelect<T extends Point & { id: string }>(options: {
  enabled: boolean;
  always: boolean;
  view: ViewBox;
  points: readonly T[];
  onSelect: (ids: string[]) => void;
}) {
  const gesture = useRef<Gesture | null>(null);
  const suppressClick = useRef(false);
  const [box, setBox] = useState<ViewBox | null>(null);

  function onPointerDown(event: PointerEvent<SVGSVGElement>): boolean {
    if (!options.enabled || !(event.shiftKey || options.always)) return false;
    if (event.pointerType === "mouse" && event.button !== 0) return false;
    if (gesture.current) return true; // a second finger while boxing: ignore it
    suppressClick.current = false;
    gesture.current = {
      pointerId: event.pointerId,
      start: { x: event.clientX, y: event.clientY },
      rect: event.currentTarget.getBoundingClientRect(),
      view: options.view,
      moved: false,
    };
    return true;
  }

  function onPointerMove(event: PointerEvent<SVGSVGElement>): boolean {
    const active = gesture.current;
    if (!active) return false;
    if (event.pointerId !== active.pointerId) return true;
    const position = { x: event.clientX, y: event.clientY };
    if (!active.moved) {
      if (Math.hypot(position.x - active.start.x, position.y - active.start.y) < DRAG_THRESHOLD) return true;
      active.moved = true;
      // Captured only once it is a drag: capturing on press would retarget a plain click away from its seat.
      event.currentTarget.setPointerCapture(event.pointerId);
    }
    setBox(
      boxBetween(clientToMap(active.start, active.rect, active.view), clientToMap(position, active.rect, active.view)),
    );
    return true;
  }

  function onPointerEnd(event: PointerEvent<SVGSVGElement>): boolean {
    const active = gesture.current;
    if (!active) return false;
    if (event.pointerId !== active.pointerId) return true;
    gesture.current = null;
    if (!active.moved) return true;
    suppressClick.current = true;
    const end = clientToMap({ x: event.clientX, y: event.clientY }, active.rect, active.view);
    setBox(null);
    if (event.type === "pointercancel") return true;
    const inside = pointsInBox(options.points, boxBetween(clientToMap(active.start, active.rect, active.view), end));
    if (inside.length) options.onSelect(inside.map((p) => p.id));
    return true;
  }

  /** True once after a box was drawn, so the click that ends it doesn't toggle a seat. */
  function consumeBoxClick(): boolean {
    const suppressed = suppressClick.current;
    suppressClick.current = false;
    return suppressed;
  }

  return { box, onPointerDown, onPointerMove, onPointerEnd, consumeBoxClick };
}

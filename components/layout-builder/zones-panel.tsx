"use client";

import { useId, useState } from "react";
import type { Layout } from "@/lib/events/layout/format";
import { zoneUse } from "./builder-state";
import { Panel, buttonClass, inputClass } from "./fields";

type Props = {
  layout: Layout;
  onAdd: (name: string) => void;
  onRename: (key: string, name: string) => void;
  onRemove: (key: string) => void;
};

/** Price zones: the slots an event fills with ticket types and prices. */
export function ZonesPanel({ layout, onAdd, onRename, onRemove }: Props) {
  const uid = useId();
  const [name, setName] = useState("");
  const add = () => {
    if (!name.trim()) return;
    onAdd(name);
    setName("");
  };
  return (
    <Panel id="zones-heading" title={`Price zones (${layout.zones.length})`}>
      <p className="text-xs text-slate-600">
        An event gives each zone a ticket type and a price. Give a section a zone in its settings, or single seats with
        the selection.
      </p>
      <ul className="flex flex-col gap-2" data-testid="zone-list">
        {layout.zones.map((zone) => {
          const use = zoneUse(layout, zone.key);
          const lastOne = layout.zones.length <= 1;
          const why = lastOne
            ? "A layout needs at least one zone."
            : use.total > 0
              ? `In use by ${use.sections} ${use.sections === 1 ? "section" : "sections"} and ${use.seats} ${use.seats === 1 ? "seat" : "seats"}.`
              : null;
          return (
            <li key={zone.key} className="flex flex-col gap-1">
              <div className="flex items-end gap-2">
                <div className="flex flex-1 flex-col gap-0.5">
                  <label htmlFor={`${uid}-${zone.key}`} className="text-xs font-medium text-slate-800">
                    Zone name <span className="font-normal text-slate-600">(key {zone.key})</span>
                  </label>
                  <input
                    id={`${uid}-${zone.key}`}
                    className={inputClass}
                    value={zone.name}
                    maxLength={60}
                    onChange={(event) => onRename(zone.key, event.target.value)}
                  />
                </div>
                <button
                  type="button"
                  className={buttonClass}
                  disabled={why !== null}
                  aria-describedby={why ? `${uid}-${zone.key}-why` : undefined}
                  onClick={() => onRemove(zone.key)}
                >
                  Remove<span className="sr-only"> zone {zone.name}</span>
                </button>
              </div>
              {why && (
                <p id={`${uid}-${zone.key}-why`} className="text-xs text-slate-600">
                  {why}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <form
        className="flex items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <div className="flex flex-1 flex-col gap-0.5">
          <label htmlFor={`${uid}-new`} className="text-xs font-medium text-slate-800">
            New zone
          </label>
          <input
            id={`${uid}-new`}
            className={inputClass}
            value={name}
            maxLength={60}
            placeholder="e.g. Premium"
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <button type="submit" className={buttonClass} disabled={!name.trim() || layout.zones.length >= 20}>
          Add zone
        </button>
      </form>
    </Panel>
  );
}

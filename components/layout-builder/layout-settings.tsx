"use client";

import { useId } from "react";
import type { Layout } from "@/lib/events/layout/format";
import { setIn } from "./builder-state";
import { FieldGroup, NumberField, Panel, TextField } from "./fields";

type Props = {
  layout: Layout;
  errors: ReadonlyMap<string, string[]>;
  onRename: (name: string) => void;
  onStage: (stage: Layout["stage"]) => void;
};

const DEFAULT_STAGE = { x: 300, y: 0, width: 300, height: 40, label: "Stage" };

/** The layout's name (shown when an organizer picks a layout for an event) and its stage. */
export function LayoutSettings({ layout, errors, onRename, onStage }: Props) {
  const uid = useId();
  const stage = layout.stage;
  const setStage = (path: string, value: unknown) => stage && onStage(setIn(stage, path.split("."), value));
  const num = (key: "x" | "y" | "width" | "height", label: string) =>
    stage && (
      <NumberField
        id={`${uid}-stage-${key}`}
        label={label}
        value={stage[key]}
        errors={errors.get(`stage.${key}`)}
        onChange={(v) => setStage(key, v)}
      />
    );
  return (
    <Panel id="layout-heading" title="Layout">
      <TextField
        id={`${uid}-name`}
        label="Layout name"
        value={layout.name}
        maxLength={100}
        errors={errors.get("name")}
        hint="E.g. “End stage, full bowl”."
        onChange={onRename}
      />
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          className="h-4 w-4"
          checked={stage !== undefined}
          onChange={(event) => onStage(event.target.checked ? DEFAULT_STAGE : undefined)}
        />
        Draw a stage
      </label>
      {stage && (
        <FieldGroup legend="Stage">
          {num("x", "Left x")}
          {num("y", "Top y")}
          {num("width", "Width")}
          {num("height", "Height")}
          <div className="col-span-2">
            <TextField
              id={`${uid}-stage-label`}
              label="Stage label"
              value={stage.label}
              maxLength={40}
              errors={errors.get("stage.label")}
              onChange={(v) => setStage("label", v)}
            />
          </div>
        </FieldGroup>
      )}
    </Panel>
  );
}

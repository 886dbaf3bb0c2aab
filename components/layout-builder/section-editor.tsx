"use client";

import { useId, useState } from "react";
import type { Layout, LayoutSection } from "@/lib/events/layout/format";
import { setIn } from "./builder-state";
import { FieldGroup, NumberField, SelectField, TextField, dangerButtonClass, inputClass } from "./fields";

type Seated = Exclude<LayoutSection, { kind: "standing" }>;

type Props = {
  section: LayoutSection;
  index: number;
  zones: Layout["zones"];
  /** The validator's messages by path ("sections.2.rows.count"). */
  errors: ReadonlyMap<string, string[]>;
  onChange: (section: LayoutSection) => void;
  onDelete: () => void;
};

const KIND_NAMES = { block: "Block", arc: "Arc", standing: "Standing area" } as const;

type NumberOptions = { min?: number; max?: number; step?: number };

/** Ids, messages, setters and number fields for one section's controls. */
function fieldKit<S extends LayoutSection>(
  uid: string,
  section: S,
  index: number,
  errors: ReadonlyMap<string, string[]>,
  onChange: (section: LayoutSection) => void,
) {
  const id = (path: string) => `${uid}-${path}`;
  const err = (path: string) => errors.get(`sections.${index}.${path}`);
  const set = (path: string, value: unknown) => onChange(setIn(section, path.split("."), value));
  const num = (path: string, label: string, value: number, options: NumberOptions = {}) => (
    <NumberField
      id={id(path)}
      label={label}
      value={value}
      errors={err(path)}
      onChange={(v) => set(path, v)}
      {...options}
    />
  );
  return { id, err, set, num };
}

/** Every parameter of one section; each change goes straight to the layout (and the preview). */
export function SectionEditor({ section, index, zones, errors, onChange, onDelete }: Props) {
  const { id, err, set, num } = fieldKit(useId(), section, index, errors, onChange);
  return (
    <div className="flex flex-col gap-4" data-testid="section-editor">
      <div className="grid grid-cols-2 gap-x-3 gap-y-2">
        <TextField
          id={id("label")}
          label="Label"
          value={section.label}
          maxLength={20}
          errors={err("label")}
          hint="Printed on tickets: “Section 104”."
          onChange={(v) => set("label", v)}
        />
        <SelectField
          id={id("zone")}
          label="Price zone"
          value={section.zone}
          options={zones.map((z) => ({ value: z.key, label: z.name }))}
          errors={err("zone")}
          onChange={(v) => set("zone", v)}
        />
      </div>

      {section.kind === "block" && (
        <FieldGroup legend="Position">
          {num("origin.x", "First seat x", section.origin.x)}
          {num("origin.y", "First seat y", section.origin.y)}
          {num("rotation", "Rotation (degrees)", section.rotation, { min: -180, max: 180, step: 5 })}
          {num("curve", "Curve", section.curve, { min: -200, max: 200 })}
        </FieldGroup>
      )}
      {section.kind === "arc" && (
        <FieldGroup legend="Position">
          {num("center.x", "Centre x", section.center.x)}
          {num("center.y", "Centre y", section.center.y)}
          {num("radius", "Radius of first row", section.radius, { min: 10, max: 10_000, step: 5 })}
          <div />
          {num("startAngle", "Start angle", section.startAngle, { min: -360, max: 360, step: 5 })}
          {num("endAngle", "End angle", section.endAngle, { min: -360, max: 360, step: 5 })}
          <p className="col-span-2 text-xs text-slate-600">0° is left of the centre, 90° straight down, 180° right.</p>
        </FieldGroup>
      )}
      {section.kind === "standing" && (
        <FieldGroup legend="Area">
          {num("rect.x", "Left x", section.rect.x)}
          {num("rect.y", "Top y", section.rect.y)}
          {num("rect.width", "Width", section.rect.width, { min: 10 })}
          {num("rect.height", "Height", section.rect.height, { min: 10 })}
          {num("capacity", "Capacity (people)", section.capacity, { min: 1, max: 200_000, step: 10 })}
        </FieldGroup>
      )}
      {section.kind !== "standing" && (
        <SeatedFields section={section} index={index} errors={errors} onChange={onChange} />
      )}

      <button type="button" className={`${dangerButtonClass} self-start`} onClick={onDelete}>
        Delete {KIND_NAMES[section.kind].toLowerCase()} {section.label}
      </button>
    </div>
  );
}

function SeatedFields({
  section,
  index,
  errors,
  onChange,
}: {
  section: Seated;
  index: number;
  errors: ReadonlyMap<string, string[]>;
  onChange: (section: LayoutSection) => void;
}) {
  const { id, err, set, num } = fieldKit(useId(), section, index, errors, onChange);
  const { rows, seats } = section;
  return (
    <>
      <FieldGroup legend="Rows">
        {num("rows.count", "Rows", rows.count, { min: 1, max: 100 })}
        <SelectField
          id={id("rows.labels")}
          label="Row labels"
          value={rows.labels}
          options={[
            { value: "letters", label: "Letters (A, B … no I, O)" },
            { value: "numbers", label: "Numbers (1, 2 …)" },
          ]}
          errors={err("rows.labels")}
          // A first label of the other kind would not parse: start again from A or 1.
          onChange={(v) => onChange(setIn(setIn(section, ["rows", "start"], undefined), ["rows", "labels"], v))}
        />
        <RowStartField
          id={id("rows.start")}
          labels={rows.labels}
          value={rows.start}
          errors={err("rows.start")}
          onChange={(v) => set("rows.start", v)}
        />
        {num("rows.spacing", "Row spacing", rows.spacing, { min: 4, max: 100 })}
      </FieldGroup>
      <FieldGroup legend="Seats">
        {num("seats.perRow", "Seats per row", seats.perRow, { min: 1, max: 200 })}
        {num("seats.addPerRow", "Added each row back", seats.addPerRow, { min: -10, max: 10 })}
        {num("seats.start", "First seat number", seats.start, { min: 0, max: 9_999 })}
        {num("seats.spacing", "Seat spacing", seats.spacing, { min: 4, max: 100 })}
        <SelectField
          id={id("seats.direction")}
          label="Numbering, facing the stage"
          value={seats.direction}
          options={[
            { value: "left-to-right", label: "Left to right" },
            { value: "right-to-left", label: "Right to left" },
          ]}
          errors={err("seats.direction")}
          onChange={(v) => set("seats.direction", v)}
        />
        <AislesField
          id={id("seats.aislesAfter")}
          value={seats.aislesAfter}
          errors={err("seats.aislesAfter")}
          onChange={(v) => set("seats.aislesAfter", v)}
        />
      </FieldGroup>
    </>
  );
}

/** The first row's label: a letter for lettered rows, a number for numbered ones; empty means A or 1. */
function RowStartField({
  id,
  labels,
  value,
  errors,
  onChange,
}: {
  id: string;
  labels: "letters" | "numbers";
  value: string | number | undefined;
  errors?: readonly string[] | undefined;
  onChange: (value: string | number | undefined) => void;
}) {
  return (
    <TextField
      id={id}
      label="First row"
      value={value === undefined ? "" : String(value)}
      maxLength={4}
      errors={errors}
      hint={labels === "letters" ? "Empty for A." : "Empty for 1."}
      onChange={(text) => {
        const trimmed = text.trim();
        if (trimmed === "") onChange(undefined);
        else if (labels === "letters") onChange(trimmed.toUpperCase());
        else onChange(/^\d+$/.test(trimmed) ? Number(trimmed) : trimmed);
      }}
    />
  );
}

/** Aisles as a list typed by hand: "4, 12" opens an aisle after the 4th and the 12th seat. */
function AislesField({
  id,
  value,
  errors,
  onChange,
}: {
  id: string;
  value: readonly number[];
  errors?: readonly string[] | undefined;
  onChange: (value: number[]) => void;
}) {
  const [text, setText] = useState(value.join(", "));
  const [shown, setShown] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  if (value !== shown) {
    setShown(value);
    setText(value.join(", "));
  }
  const messages = [...(problem ? [problem] : []), ...(errors ?? [])];
  return (
    <div className="col-span-2 flex flex-col gap-0.5">
      <label htmlFor={id} className="text-xs font-medium text-slate-800">
        Aisles after seats
      </label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        className={inputClass}
        value={text}
        aria-invalid={messages.length ? true : undefined}
        aria-describedby={`${id}-hint${messages.length ? ` ${id}-error` : ""}`}
        onChange={(event) => {
          setText(event.target.value);
          const parts = event.target.value.split(/[\s,;]+/).filter(Boolean);
          if (parts.every((p) => /^\d+$/.test(p))) {
            setProblem(null);
            const next = [...new Set(parts.map(Number))].sort((a, b) => a - b);
            setShown(next);
            onChange(next);
          } else setProblem("Use whole seat positions separated by commas.");
        }}
      />
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        Seat positions counted from the first seat, e.g. “4, 12”.
      </p>
      {messages.length > 0 && (
        <p id={`${id}-error`} className="text-xs font-medium text-red-700">
          {messages.join(" ")}
        </p>
      )}
    </div>
  );
}

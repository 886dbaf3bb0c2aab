"use client";

import { useState, type ReactNode } from "react";

// Small labelled controls for the builder's panels. Each shows the validator's
// messages for its own path beside it, tied to the input for screen readers.

// One formatter for every count: `n.toLocaleString("en-US")` builds a new one per call, and the
// section list calls it once per section on every edit.
const counts = new Intl.NumberFormat("en-US");
export const formatCount = (n: number) => counts.format(n);

export const inputClass =
  "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-base shadow-sm aria-invalid:border-red-600 sm:text-sm";

type Common = { id: string; label: string; errors?: readonly string[] | undefined; hint?: string };

function Messages({ id, errors, hint }: { id: string; errors?: readonly string[] | undefined; hint?: string }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-xs font-medium text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </>
  );
}

function describedBy(id: string, errors?: readonly string[], hint?: string) {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/**
 * A number input that keeps what is being typed ("-", "1.") while only
 * committing values that read as numbers, so every keystroke that makes a
 * number updates the preview and nothing half-typed reaches the layout.
 */
export function NumberField({
  id,
  label,
  value,
  onChange,
  errors,
  hint,
  min,
  max,
  step = 1,
}: Common & { value: number; onChange: (value: number) => void; min?: number; max?: number; step?: number }) {
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    // Changed from elsewhere (undo, import): show the new value.
    setShown(value);
    setText(String(value));
  }
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className="text-xs font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        className={inputClass}
        value={text}
        min={min}
        max={max}
        step={step}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
        onChange={(event) => {
          setText(event.target.value);
          const parsed = Number(event.target.value);
          if (event.target.value.trim() !== "" && Number.isFinite(parsed)) {
            setShown(parsed);
            onChange(parsed);
          }
        }}
        onBlur={() => setText(String(value))}
      />
      <Messages id={id} errors={errors} hint={hint} />
    </div>
  );
}

export function TextField({
  id,
  label,
  value,
  onChange,
  errors,
  hint,
  maxLength,
}: Common & { value: string; onChange: (value: string) => void; maxLength?: number }) {
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className="text-xs font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        type="text"
        className={inputClass}
        value={value}
        maxLength={maxLength}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
        onChange={(event) => onChange(event.target.value)}
      />
      <Messages id={id} errors={errors} hint={hint} />
    </div>
  );
}

export function SelectField<V extends string>({
  id,
  label,
  value,
  options,
  onChange,
  errors,
  hint,
}: Common & { value: V; options: readonly { value: V; label: string }[]; onChange: (value: V) => void }) {
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className="text-xs font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        className={inputClass}
        value={value}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
        onChange={(event) => onChange(event.target.value as V)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Messages id={id} errors={errors} hint={hint} />
    </div>
  );
}

export function FieldGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="grid grid-cols-2 gap-x-3 gap-y-2">
      <legend className="mb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">{legend}</legend>
      {children}
    </fieldset>
  );
}

/** A titled block of the builder's controls. */
export function Panel({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section
      aria-labelledby={id}
      className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-3 sm:p-4"
    >
      <h2 id={id} tabIndex={-1} className="text-base font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export const buttonClass =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 shadow-sm hover:bg-slate-50 disabled:cursor-not-allowed disabled:text-slate-500";
export const dangerButtonClass =
  "rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50";

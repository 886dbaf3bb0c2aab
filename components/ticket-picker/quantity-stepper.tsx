"use client";

import { useState } from "react";
import { clamp } from "./seat-map-geometry";

const stepClass =
  "flex h-11 w-11 items-center justify-center rounded-lg border border-slate-300 bg-white text-xl font-semibold text-slate-900 hover:bg-slate-50 disabled:cursor-not-allowed disabled:text-slate-400";

type StepperProps = {
  id: string;
  /** What is being counted, e.g. "General Admission tickets". */
  label: string;
  value: number;
  max: number;
  /** Said when more than `max` is typed; "Max 10" unless the caller knows why (e.g. "Max 4: only 4 left"). */
  limitNote?: string;
  onChange: (value: number) => void;
  disabled?: boolean;
};

export function QuantityStepper({ id, label, value, max, limitNote, onChange, disabled = false }: StepperProps) {
  // Set when a typed number was over the limit and brought down to it, so the change is never silent.
  const [overLimit, setOverLimit] = useState(false);
  const noteId = `${id}-limit`;
  const set = (next: number) => {
    const whole = Math.trunc(next) || 0;
    setOverLimit(whole > max);
    onChange(clamp(whole, 0, max));
  };
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-1.5" role="group" aria-label={label}>
        <button type="button" className={stepClass} onClick={() => set(value - 1)} disabled={disabled || value <= 0}>
          <span aria-hidden="true">−</span>
          <span className="sr-only">One fewer</span>
        </button>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={0}
          max={max}
          value={value}
          disabled={disabled}
          aria-label={`Number of ${label}`}
          aria-describedby={overLimit ? noteId : undefined}
          onChange={(event) => set(Number(event.target.value))}
          className="h-11 w-14 rounded-lg border border-slate-300 bg-white text-center text-base font-semibold text-slate-900 shadow-sm"
        />
        <button type="button" className={stepClass} onClick={() => set(value + 1)} disabled={disabled || value >= max}>
          <span aria-hidden="true">+</span>
          <span className="sr-only">One more</span>
        </button>
      </div>
      <p id={noteId} role="status" className="text-sm font-semibold text-amber-900 empty:hidden">
        {overLimit ? (limitNote ?? `Max ${max}`) : ""}
      </p>
    </div>
  );
}

"use client";

import { clamp } from "./seat-map-geometry";

const stepClass =
  "flex h-11 w-11 items-center justify-center rounded-lg border border-slate-300 bg-white text-xl font-semibold text-slate-900 hover:bg-slate-50 disabled:cursor-not-allowed disabled:text-slate-400";

type StepperProps = {
  id: string;
  /** What is being counted, e.g. "General Admission tickets". */
  label: string;
  value: number;
  max: number;
  onChange: (value: number) => void;
  disabled?: boolean;
};

export function QuantityStepper({ id, label, value, max, onChange, disabled = false }: StepperProps) {
  const set = (next: number) => onChange(clamp(Math.trunc(next) || 0, 0, max));
  return (
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
        onChange={(event) => set(Number(event.target.value))}
        className="h-11 w-14 rounded-lg border border-slate-300 bg-white text-center text-base font-semibold text-slate-900 shadow-sm"
      />
      <button type="button" className={stepClass} onClick={() => set(value + 1)} disabled={disabled || value >= max}>
        <span aria-hidden="true">+</span>
        <span className="sr-only">One more</span>
      </button>
    </div>
  );
}

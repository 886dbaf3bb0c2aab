// Form controls of the event pages: a label, the control, a hint and the field's errors,
// wired with aria-describedby / aria-invalid so screen readers announce what is wrong.

type Common = { name: string; label: string; errors?: string[]; hint?: string; className?: string };

const control =
  "w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm aria-invalid:border-red-600 disabled:bg-slate-100";

function described(name: string, hint?: string, errors?: string[]) {
  const ids = [hint ? `${name}-hint` : null, errors?.length ? `${name}-error` : null].filter(Boolean).join(" ");
  return { "aria-describedby": ids || undefined, "aria-invalid": errors?.length ? true : undefined };
}

function Help({ name, hint, errors }: { name: string; hint?: string; errors?: string[] }) {
  return (
    <>
      {hint && (
        <p id={`${name}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${name}-error`} className="text-sm text-red-700">
          {errors.join("; ")}
        </p>
      ) : null}
    </>
  );
}

export function TextField({
  name,
  label,
  errors,
  hint,
  className,
  id,
  ...input
}: Common & React.InputHTMLAttributes<HTMLInputElement>) {
  const inputId = id ?? name;
  return (
    <div className={`flex flex-col gap-1 ${className ?? ""}`}>
      <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <input id={inputId} name={name} className={control} {...described(inputId, hint, errors)} {...input} />
      <Help name={inputId} hint={hint} errors={errors} />
    </div>
  );
}

export function TextArea({
  name,
  label,
  errors,
  hint,
  className,
  ...input
}: Common & React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <div className={`flex flex-col gap-1 ${className ?? ""}`}>
      <label htmlFor={name} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea id={name} name={name} className={control} {...described(name, hint, errors)} {...input} />
      <Help name={name} hint={hint} errors={errors} />
    </div>
  );
}

export function SelectField({
  name,
  label,
  errors,
  hint,
  className,
  children,
  ...input
}: Common & React.SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <div className={`flex flex-col gap-1 ${className ?? ""}`}>
      <label htmlFor={name} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={name} name={name} className={control} {...described(name, hint, errors)} {...input}>
        {children}
      </select>
      <Help name={name} hint={hint} errors={errors} />
    </div>
  );
}

export function Checkbox({
  name,
  label,
  hint,
  id,
  ...input
}: Omit<Common, "errors"> & React.InputHTMLAttributes<HTMLInputElement>) {
  const inputId = id ?? name;
  return (
    <div className="flex items-start gap-2">
      <input
        id={inputId}
        name={name}
        type="checkbox"
        className="mt-1 size-4 accent-brand-600"
        aria-describedby={hint ? `${inputId}-hint` : undefined}
        {...input}
      />
      <div>
        <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        {hint && (
          <p id={`${inputId}-hint`} className="text-xs text-slate-600">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}

/** What an action said: green for done, red for refused. Announced politely either way. */
export function FormMessage({ state }: { state: { ok: boolean; message?: string } }) {
  if (!state.message) return null;
  return (
    <p
      role={state.ok ? "status" : "alert"}
      className={`rounded-lg border px-3 py-2 text-sm ${
        state.ok ? "border-green-200 bg-green-50 text-green-900" : "border-red-200 bg-red-50 text-red-800"
      }`}
    >
      {state.message}
    </p>
  );
}

const buttonStyles = {
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  secondary: "border border-slate-300 bg-white text-slate-900 hover:bg-slate-50",
  danger: "border border-red-300 bg-white text-red-800 hover:bg-red-50",
};

export function SubmitButton({
  pending,
  children,
  pendingText,
  variant = "primary",
  className,
  ...button
}: {
  pending: boolean;
  pendingText: string;
  variant?: keyof typeof buttonStyles;
} & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`rounded-lg px-4 py-2 font-semibold disabled:opacity-60 ${buttonStyles[variant]} ${className ?? ""}`}
      {...button}
    >
      {pending ? pendingText : children}
    </button>
  );
}

import Link from "next/link";

// Small pieces the admin pages share: a search box that submits as GET, a table shell, a timestamp.

/** A GET form: its fields become the page's search parameters (and a fresh first page). */
export function SearchForm({ action, children }: { action: string; children: React.ReactNode }) {
  return (
    <form action={action} method="get" className="flex flex-wrap items-end gap-2" role="search">
      {children}
      <button
        type="submit"
        className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-semibold hover:bg-slate-50"
      >
        Search
      </button>
    </form>
  );
}

export function TextInput({
  name,
  label,
  defaultValue,
  placeholder,
  type = "text",
  required,
}: {
  name: string;
  label: string;
  defaultValue?: string | undefined;
  placeholder?: string;
  type?: string;
  required?: boolean;
}) {
  return (
    <label className="flex min-w-0 flex-col gap-1 text-sm font-medium text-slate-800">
      {label}
      <input
        name={name}
        type={type}
        defaultValue={defaultValue}
        placeholder={placeholder}
        required={required}
        className="min-w-0 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base font-normal shadow-sm"
      />
    </label>
  );
}

/** A list of rows that turns into stacked cards on a phone. */
export function Rows({ children, testId }: { children: React.ReactNode; testId?: string }) {
  return (
    <ul
      className="flex flex-col divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white"
      data-testid={testId}
    >
      {children}
    </ul>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="rounded-xl border border-slate-200 bg-white px-4 py-6 text-center text-slate-700">{children}</p>;
}

/** A moment in UTC, the same for every admin wherever they are. */
export function Timestamp({ at }: { at: Date | null }) {
  if (!at) return <span>—</span>;
  return <time dateTime={at.toISOString()}>{at.toISOString().slice(0, 16).replace("T", " ")} UTC</time>;
}

export function TabLinks({ tabs }: { tabs: Array<{ href: string; label: string; current: boolean }> }) {
  return (
    <nav aria-label="Views" className="flex flex-wrap gap-1 text-sm font-medium">
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.current ? "page" : undefined}
          className={`rounded px-3 py-1.5 ${tab.current ? "bg-brand-50 text-brand-900" : "text-slate-700 hover:bg-slate-100"}`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}

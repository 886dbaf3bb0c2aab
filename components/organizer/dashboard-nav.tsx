"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import type { DashboardSection } from "@/lib/auth/dashboard-sections";

type Organization = { slug: string; name: string };

/**
 * The dashboard's navigation for one organization (the `sections` the user's role there may open:
 * `dashboardSections`), and the switch to the others the user belongs to.
 */
export function DashboardNav({
  current,
  organizations,
  sections,
}: {
  current: Organization;
  organizations: Organization[];
  sections: DashboardSection[];
}) {
  const pathname = usePathname();
  const router = useRouter();
  const base = `/organizer/${current.slug}`;
  const active = (path: string) => (path === "" ? pathname === base : pathname.startsWith(base + path));
  return (
    <div className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
        {organizations.length > 1 ? (
          <label className="flex items-center gap-2 text-sm">
            <span className="sr-only">Organization</span>
            <select
              value={current.slug}
              onChange={(e) => router.push(`/organizer/${e.target.value}`)}
              className="rounded border border-slate-300 bg-white px-2 py-1 font-semibold"
              data-testid="organization-switcher"
            >
              {organizations.map((o) => (
                <option key={o.slug} value={o.slug}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="font-semibold">{current.name}</span>
        )}
        <nav aria-label="Dashboard" className="flex flex-wrap gap-1 text-sm font-medium">
          {sections.map(({ path, label }) => (
            <Link
              key={path}
              href={base + path}
              aria-current={active(path) ? "page" : undefined}
              className={`rounded px-2 py-1 ${active(path) ? "bg-brand-50 text-brand-900" : "text-slate-700 hover:bg-slate-100"}`}
            >
              {label}
            </Link>
          ))}
        </nav>
      </div>
    </div>
  );
}

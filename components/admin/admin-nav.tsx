"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  { path: "/admin", label: "Overview" },
  { path: "/admin/users", label: "Users" },
  { path: "/admin/organizations", label: "Organizations" },
  { path: "/admin/applications", label: "Applications" },
  { path: "/admin/orders", label: "Orders" },
  { path: "/admin/audit", label: "Audit log" },
  { path: "/admin/outbox", label: "Outbox" },
] as const;

/** Site administration's navigation; the dev mailbox appears while it is on (no e-mail provider). */
export function AdminNav({ devMailbox }: { devMailbox: boolean }) {
  const pathname = usePathname();
  const active = (path: string) => (path === "/admin" ? pathname === path : pathname.startsWith(path));
  const link = (on: boolean) =>
    `rounded px-2 py-1 whitespace-nowrap ${on ? "bg-brand-50 text-brand-900" : "text-slate-700 hover:bg-slate-100"}`;
  return (
    <div className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
        <span className="font-semibold">Site admin</span>
        <nav aria-label="Administration" className="flex flex-wrap gap-1 text-sm font-medium">
          {SECTIONS.map(({ path, label }) => (
            <Link
              key={path}
              href={path}
              aria-current={active(path) ? "page" : undefined}
              className={link(active(path))}
            >
              {label}
            </Link>
          ))}
          {devMailbox && (
            <Link href="/dev/mailbox" className={link(false)}>
              Dev mailbox
            </Link>
          )}
        </nav>
      </div>
    </div>
  );
}

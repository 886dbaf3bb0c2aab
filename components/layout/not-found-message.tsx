"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const KINDS: [prefix: string, what: string, hint: string][] = [
  ["/events/", "that event", "It may have been unpublished, or the link may be mistyped."],
  ["/orders/", "that order", "Orders can only be seen by the account that bought them."],
  ["/checkout/", "that checkout", "Holds last a few minutes; pick your seats again from the event page."],
  ["/organizer/", "that page of the dashboard", "It may belong to another organization."],
];

/** Says what was not found (the event, the order…) and the address asked for; rendered by the 404 pages. */
export function NotFoundMessage() {
  const pathname = usePathname();
  const [, what, hint] = KINDS.find(([prefix]) => pathname.startsWith(prefix)) ?? [
    "",
    "that page",
    "The link may be mistyped, or the page may have moved.",
  ];
  return (
    <>
      <h1 className="text-2xl font-bold">We could not find {what}</h1>
      <p className="mt-2 break-all text-slate-700">
        Nothing is at <code className="rounded bg-slate-100 px-1">{pathname}</code>. {hint}
      </p>
      <Link href="/search" className="mt-6 inline-block rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white">
        Browse events
      </Link>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { EventGrid } from "@/components/events/event-card";
import { db } from "@/lib/db";
import { browseEvents } from "@/lib/events/queries";

export const metadata: Metadata = { title: "Find events" };

const PAGE_SIZE = 24;
const searchParamsSchema = z.object({
  q: z.string().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});

export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const { q, page } = searchParamsSchema.parse(await searchParams);
  const { items, total } = await browseEvents(db, { q, page, pageSize: PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const link = (p: number) => `/search?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{q ? `Events matching “${q}”` : "All upcoming events"}</h1>
      <p className="mb-5 text-slate-600" aria-live="polite">
        {total} {total === 1 ? "event" : "events"}
      </p>
      {items.length ? (
        <EventGrid events={items} />
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-700">
          Nothing matches that yet. Try an artist, a team, a venue or a city.
        </p>
      )}
      {pages > 1 && (
        <nav aria-label="Pages" className="mt-6 flex items-center justify-center gap-4">
          {page > 1 && (
            <Link href={link(page - 1)} className="rounded border border-slate-300 bg-white px-3 py-1">
              Previous
            </Link>
          )}
          <span className="text-sm text-slate-700">
            Page {page} of {pages}
          </span>
          {page < pages && (
            <Link href={link(page + 1)} className="rounded border border-slate-300 bg-white px-3 py-1">
              Next
            </Link>
          )}
        </nav>
      )}
    </>
  );
}

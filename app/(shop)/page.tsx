import Link from "next/link";
import { EventGrid } from "@/components/events/event-card";
import { listUpcomingEvents } from "@/lib/events/queries";
import { services } from "@/lib/services";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const now = services().clock();
  const events = await listUpcomingEvents(services().db, { limit: 24, now });
  return (
    <>
      <section className="mb-8 rounded-2xl bg-gradient-to-br from-brand-700 to-brand-900 px-6 py-10 text-white">
        <h1 className="text-3xl font-extrabold sm:text-4xl">Live events, fair prices, no surprises.</h1>
        <p className="mt-2 max-w-xl text-brand-100">
          Concerts, games, theatre, comedy and family days out. The price you see is the price you pay.
        </p>
        <Link
          href="/search"
          className="mt-5 inline-block rounded-lg bg-amber-400 px-5 py-2.5 font-semibold text-slate-900 hover:bg-amber-300"
        >
          Find tickets
        </Link>
      </section>
      <h2 className="mb-4 text-xl font-bold">Coming up</h2>
      {events.length ? (
        <EventGrid events={events} now={now} />
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-600">
          No upcoming events yet. Check back soon.
        </p>
      )}
    </>
  );
}

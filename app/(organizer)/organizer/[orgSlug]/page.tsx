import type { Metadata } from "next";
import { EventTable } from "@/components/organizer/event-table";
import { requireOrganizationPage } from "@/lib/auth/organizer-page";
import { organizationEvents } from "@/lib/events/dashboard";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "Organizer dashboard" };

type Props = { params: Promise<{ orgSlug: string }> };

export default async function OrganizationOverviewPage({ params }: Props) {
  const { orgSlug } = await params;
  const { organization } = await requireOrganizationPage(orgSlug, `/organizer/${orgSlug}`);
  const { db, clock } = services();
  const { upcoming, past } = await organizationEvents(db, { organizationId: organization.id, now: clock() });
  const sold = upcoming.reduce((sum, e) => sum + e.sales.sold, 0);
  const capacity = upcoming.reduce((sum, e) => sum + e.sales.capacity, 0);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{organization.name}</h1>
        <p className="text-slate-600">
          {upcoming.length} upcoming {upcoming.length === 1 ? "event" : "events"} · {sold.toLocaleString("en-US")} of{" "}
          {capacity.toLocaleString("en-US")} tickets sold
        </p>
      </div>
      <section aria-labelledby="upcoming-heading" className="flex flex-col gap-2">
        <h2 id="upcoming-heading" className="text-lg font-semibold">
          Upcoming
        </h2>
        <EventTable events={upcoming} hrefFor={(e) => `/events/${e.slug}`} />
      </section>
      <section aria-labelledby="past-heading" className="flex flex-col gap-2">
        <h2 id="past-heading" className="text-lg font-semibold">
          Past
        </h2>
        <EventTable events={past} hrefFor={(e) => `/events/${e.slug}`} />
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderListView } from "@/components/orders/order-list-view";
import { requireOrganizationPage } from "@/lib/auth/organizer-page";
import { isOrganizationEvent } from "@/lib/events/authoring-queries";
import { authoredEvent } from "@/lib/events/authoring-view";
import { listOrders, orderListQuery } from "@/lib/orders/order-list";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "Orders of an event" };

type Props = {
  params: Promise<{ orgSlug: string; eventId: string }>;
  searchParams: Promise<Record<string, string>>;
};

/** One event's orders: search, filters (ticket type too), pages. */
export default async function EventOrdersPage({ params, searchParams }: Props) {
  const { orgSlug, eventId } = await params;
  const search = await searchParams;
  const path = `/organizer/${orgSlug}/events/${encodeURIComponent(eventId)}/orders`;
  const { organization } = await requireOrganizationPage(orgSlug, path);
  const { db } = services();
  if (!(await isOrganizationEvent(db, { organizationId: organization.id, eventId }))) notFound();
  const event = await authoredEvent(db, eventId);
  const parsed = orderListQuery.safeParse(search);
  const page = parsed.success ? await listOrders(db, { eventId }, parsed.data) : null;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        <Link href={`/organizer/${orgSlug}/events/${encodeURIComponent(eventId)}`} className="text-brand-700 underline">
          ← {event.title}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">Orders · {event.title}</h1>
      <OrderListView
        parsed={parsed}
        page={page}
        searchParams={search}
        listPath={path}
        orderBase={`/organizer/${orgSlug}/orders`}
        ticketTypes={event.ticketTypes.map((t) => ({ id: t.id, name: t.name }))}
        showEvent={false}
      />
    </div>
  );
}

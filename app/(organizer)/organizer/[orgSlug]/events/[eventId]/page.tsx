import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AddTicketTypeForm } from "@/components/event-authoring/add-ticket-type-form";
import { CancelEventForm } from "@/components/event-authoring/cancel-event-form";
import { CancellationProgressView } from "@/components/event-authoring/cancellation-progress";
import { EventDetailsForm } from "@/components/event-authoring/event-details-form";
import { EventStateBadge } from "@/components/event-authoring/event-state-badge";
import { EventStatusActions } from "@/components/event-authoring/event-status-actions";
import { ImageForm } from "@/components/event-authoring/image-form";
import { TicketTypeRow } from "@/components/event-authoring/ticket-type-row";
import { QueueControlPanel } from "@/components/queue/queue-control-panel";
import { EventDescription } from "@/components/events/event-description";
import { EventImage } from "@/components/events/event-image";
import { requireOrganizationPage } from "@/lib/auth/organizer-page";
import { eventListState, isOrganizationEvent } from "@/lib/events/authoring-queries";
import { authoredEvent } from "@/lib/events/authoring-view";
import { publishChecklist } from "@/lib/events/publishing";
import { formatEventDate } from "@/lib/format";
import { cancellationProgress } from "@/lib/orders/cancellation";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "Edit event" };

type Props = {
  params: Promise<{ orgSlug: string; eventId: string }>;
  searchParams: Promise<{ created?: string; duplicated?: string }>;
};

function Card({ title, children, id }: { title: string; children: React.ReactNode; id?: string }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4">
      <h2 id={id} className="text-lg font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function EditEventPage({ params, searchParams }: Props) {
  const { orgSlug, eventId } = await params;
  const { created, duplicated } = await searchParams;
  const { organization } = await requireOrganizationPage(orgSlug, `/organizer/${orgSlug}/events/${eventId}`);
  const { db, clock } = services();
  if (!(await isOrganizationEvent(db, { organizationId: organization.id, eventId }))) notFound();
  const now = clock();
  const event = await authoredEvent(db, eventId);
  const problems = event.status === "DRAFT" ? await publishChecklist(db, eventId, now) : [];
  const visible = event.ticketTypes.filter((t) => !t.hidden);
  const state = eventListState(
    event,
    {
      sold: visible.reduce((sum, t) => sum + t.sold, 0),
      capacity: visible.reduce((sum, t) => sum + t.capacity, 0),
    },
    now,
  );
  const cancelled = event.status === "CANCELLED";
  const currency = event.ticketTypes[0]?.currency ?? "USD";

  return (
    <div className="flex flex-col gap-5">
      <p className="text-sm">
        <Link href={`/organizer/${orgSlug}/events`} className="text-brand-700 underline">
          ← Events of {organization.name}
        </Link>
      </p>
      <header className="flex flex-col gap-1">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-bold">{event.title}</h1>
          <EventStateBadge state={state} />
        </div>
        <p className="text-slate-700">
          {formatEventDate(event.startsAt, event.timeZone)} · {event.venue.name}, {event.venue.city}
          {event.layout
            ? ` · seat map v${event.layout.version} (${event.seatCount.toLocaleString("en-US")} seats)`
            : ""}
        </p>
        {event.status !== "DRAFT" && (
          <p className="flex flex-wrap gap-x-4 text-sm">
            {/* Not prefetched: a prefetch made while a save is still expiring the page's cache would show the
                organizer the page as it was before their edit. */}
            <Link href={`/events/${event.slug}`} prefetch={false} className="text-brand-700 underline">
              View the public page
            </Link>
            <Link href={`/organizer/${orgSlug}/events/${event.id}/check-in`} className="text-brand-700 underline">
              Check-in at the door
            </Link>
            <Link href={`/organizer/${orgSlug}/events/${event.id}/report`} className="text-brand-700 underline">
              Sales report
            </Link>
            <Link href={`/organizer/${orgSlug}/events/${event.id}/orders`} className="text-brand-700 underline">
              Orders
            </Link>
            <Link href={`/organizer/${orgSlug}/events/${event.id}/refusals`} className="text-brand-700 underline">
              Refused attempts
            </Link>
          </p>
        )}
        {(created || duplicated) && (
          <p
            role="status"
            className="mt-2 rounded-lg border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900"
          >
            {created ? "Draft created. Check the details and ticket types, then publish." : "This is a new draft copy."}
          </p>
        )}
      </header>

      <div className="grid gap-5 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="order-2 flex flex-col gap-5 lg:order-1">
          <EventDetailsForm
            eventId={event.id}
            timeZone={event.timeZone}
            disabled={cancelled}
            initial={{
              title: event.title,
              category: event.category,
              performers: event.performers.join("\n"),
              description: event.description,
              tags: event.tags.join(", "),
              startsAt: event.local.startsAt,
              endsAt: event.local.endsAt,
              onSaleAt: event.local.onSaleAt,
              perOrderLimit: String(event.perOrderLimit),
              holdMinutes: String(event.holdMinutes),
              queueEnabled: String(event.queueEnabled),
            }}
          />

          <Card title="Ticket types" id="ticket-types">
            <p className="text-sm text-slate-700">
              Prices are what fans pay before fees; the all-in price is shown on the event page. Orders keep the price
              they were sold at.
            </p>
            <ul className="flex flex-col gap-3">
              {event.ticketTypes.map((type) => (
                <TicketTypeRow key={type.id} eventId={event.id} type={type} locked={cancelled} />
              ))}
            </ul>
            {!cancelled && <AddTicketTypeForm eventId={event.id} currency={currency} />}
          </Card>

          {event.description && (
            <Card title="Description preview" id="description-preview">
              <EventDescription markdown={event.description} />
            </Card>
          )}
        </div>

        <aside className="order-1 flex flex-col gap-5 lg:order-2">
          <Card title="Status" id="status">
            {event.status === "DRAFT" &&
              (problems.length ? (
                <div className="text-sm">
                  <p className="font-medium">Before you can publish:</p>
                  <ul className="mt-1 list-disc pl-5 text-slate-800" data-testid="publish-problems">
                    {problems.map((p) => (
                      <li key={p.path + p.message}>{p.message}</li>
                    ))}
                  </ul>
                </div>
              ) : (
                <p className="text-sm text-slate-800">Ready to publish.</p>
              ))}
            {event.status === "PUBLISHED" && (
              <p className="text-sm text-slate-800">
                Public. Unpublishing is possible only while no ticket is sold, held or being paid for.
              </p>
            )}
            {cancelled && <p className="text-sm text-slate-800">This event is cancelled; it can only be duplicated.</p>}
            <EventStatusActions orgSlug={orgSlug} eventId={event.id} status={event.status} ready={!problems.length} />
          </Card>

          {event.queueEnabled && !cancelled && (
            <Card title="Waiting room" id="waiting-room">
              <QueueControlPanel eventId={event.id} />
            </Card>
          )}

          <Card title="Image" id="image-heading">
            {event.imagePath ? (
              <EventImage path={event.imagePath} alt="" className="aspect-video w-full rounded-xl" />
            ) : (
              <p className="text-sm text-slate-600">No image yet: the event page shows generated art.</p>
            )}
            <ImageForm eventId={event.id} disabled={cancelled} />
          </Card>

          {/* CANCELLATION SLOT: cancelling and its refunds are lib/orders' (cancellation.ts). */}
          {cancelled ? (
            <Card title="Refunds" id="cancel">
              <CancellationProgressView progress={await cancellationProgress(db, event.id)} />
            </Card>
          ) : (
            <Card title="Cancel the event" id="cancel">
              <p className="text-sm text-slate-700">
                Stops all sales at once and refunds every paid order in full. This cannot be undone.
              </p>
              <CancelEventForm eventId={event.id} />
            </Card>
          )}
        </aside>
      </div>
    </div>
  );
}

// The waiting-room scenario's event, made and driven as an organizer would through the public API
// (docs/api.md, "Creating and publishing events"): a general-admission event with its waiting room on and the
// on-sale an hour away, published; later "on sale now" (onSaleAt set to now), and at the end a pause of the room.
import { bearer, HttpClient, jsonOf, type HttpResult } from "../harness/http";
import type { RunContext } from "./types";

export type QueuedEvent = { id: string; ticketTypeId: string; capacity: number; organizerToken: string };

function expectStatus(result: HttpResult, status: number, what: string) {
  if (result.status !== status) {
    throw new Error(`${what} → ${result.status} ${result.body.toString("utf8").slice(0, 300)}`);
  }
}

/** An organizer (the owner of an organization with a venue) with an API token for it, made in the database. */
async function organizerToken(ctx: RunContext): Promise<{ token: string; venueId: string }> {
  const { issueApiToken } = await import("@/lib/auth/tokens");
  const owner = await ctx.direct.db.membership.findFirstOrThrow({
    where: { role: "OWNER", organization: { venues: { some: {} } } },
    select: { userId: true, organizationId: true, organization: { select: { venues: { select: { id: true } } } } },
    orderBy: { createdAt: "asc" },
  });
  const { token } = await issueApiToken(ctx.direct.db, {
    userId: owner.userId,
    name: "bench organizer",
    organizationId: owner.organizationId,
  });
  return { token, venueId: owner.organization.venues[0]!.id };
}

export async function createQueuedEvent(ctx: RunContext, client: HttpClient, capacity: number): Promise<QueuedEvent> {
  const { token, venueId } = await organizerToken(ctx);
  const day = 24 * 60 * 60_000;
  const startsAt = new Date(Date.now() + 30 * day);
  const created = await client.request("POST", "/api/v1/events", {
    headers: bearer(token),
    json: {
      venueId,
      title: `Bench waiting room (${ctx.store} store)`,
      category: "CONCERT",
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3 * 60 * 60_000).toISOString(),
      // Far enough ahead that every fan joins the lobby, however slow the machine; the sale is opened by hand.
      onSaleAt: new Date(Date.now() + 60 * 60_000).toISOString(),
      queueEnabled: true,
      ticketTypes: [{ name: "General admission", priceMinor: 5_000, capacity }],
    },
  });
  expectStatus(created, 201, "POST /api/v1/events");
  const event = jsonOf<{ event: { id: string; ticketTypes: { id: string }[] } }>(created)!.event;
  const published = await client.request("POST", `/api/v1/events/${event.id}/publish`, { headers: bearer(token) });
  expectStatus(published, 200, "POST /api/v1/events/{id}/publish");
  return { id: event.id, ticketTypeId: event.ticketTypes[0]!.id, capacity, organizerToken: token };
}

/** The organizer's "on sale now": the lobby's places are revealed and the admission loop starts within a second. */
export async function openSale(client: HttpClient, event: QueuedEvent): Promise<Date> {
  // The app may be saturated by the lobby: the organizer tries again, as a person would.
  for (let attempt = 1; ; attempt++) {
    const now = new Date();
    const result = await client.request("PATCH", `/api/v1/events/${event.id}`, {
      headers: bearer(event.organizerToken),
      json: { onSaleAt: now.toISOString() },
    });
    if (result.status === 200 || attempt === 5) {
      expectStatus(result, 200, "PATCH /api/v1/events/{id} (onSaleAt: now)");
      return now;
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

/** Stops admission, so what the store says afterwards is final (straight in the store: an overloaded app may 500). */
export async function pauseRoom(ctx: RunContext, event: QueuedEvent): Promise<void> {
  await ctx.direct.queue.setControl(event.id, { paused: true });
}

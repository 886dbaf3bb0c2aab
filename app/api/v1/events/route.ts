import { createEvent } from "@/lib/events/authoring";
import { createEventInput } from "@/lib/events/event-schemas";
import { json, route } from "@/lib/http";
import { services } from "@/lib/services";
import { searchParamsInput, toSearchQuery } from "@/lib/search/schemas";

export const GET = route({ access: "public", query: searchParamsInput }, async ({ query }) => {
  const result = await services().search.search(toSearchQuery(query, services().clock()));
  return json(result, 200, { "cache-control": "public, max-age=10, stale-while-revalidate=30" });
});

/** Creates a draft event on a venue of the caller's organization (owners and managers). */
export const POST = route({ access: "signed-in", body: createEventInput }, async ({ actor, body }) => {
  const event = await createEvent(services(), { actor, input: body });
  return json({ event }, 201, { location: `/api/v1/events/${event.id}` });
});

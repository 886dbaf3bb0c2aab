import { z } from "zod";
import { requireOrganizationRole } from "@/lib/auth/memberships";
import { venueInput } from "@/lib/events/venue-input";
import { createVenue, listVenues } from "@/lib/events/venues";
import { json, route } from "@/lib/http";
import { pathId } from "@/lib/http-params";
import { services } from "@/lib/services";

// Organizers' venues. Access is decided by membership of the organization
// (owners and managers; check-in staff get 403, outsiders 404), not by the
// account's role, so the route itself only asks for a signed-in caller.

const body = venueInput.extend({ organizationId: pathId });

export const POST = route({ access: "signed-in", body }, async ({ actor, body: { organizationId, ...input } }) => {
  const { db } = services();
  await requireOrganizationRole(db, actor, organizationId);
  return json({ venue: await createVenue(db, { organizationId, input, actorId: actor.userId }) }, 201);
});

const query = z.strictObject({ organizationId: pathId });

export const GET = route({ access: "signed-in", query }, async ({ actor, query: { organizationId } }) => {
  const { db } = services();
  await requireOrganizationRole(db, actor, organizationId);
  return json({ items: await listVenues(db, { organizationId }) });
});

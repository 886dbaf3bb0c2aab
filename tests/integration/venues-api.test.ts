import { describe, expect, it } from "vitest";
import { GET as getLayout, PUT as putLayout } from "@/app/api/v1/venues/[venueId]/layout/route";
import { GET as getVenue, PATCH as patchVenue } from "@/app/api/v1/venues/[venueId]/route";
import { GET as listVenues, POST as createVenue } from "@/app/api/v1/venues/route";
import { db } from "@/lib/db";
import { bearer, call } from "../support/http";
import {
  addMember,
  createOrganizationWithMember,
  scopedToken,
  smallLayout,
  venueBody,
} from "../support/venue-fixtures";

async function newVenue(token: string, organizationId: string, overrides: Record<string, unknown> = {}) {
  const response = await call(createVenue, {
    method: "POST",
    headers: bearer(token),
    body: { organizationId, ...venueBody(overrides) },
  });
  expect(response.status).toBe(201);
  return response.json.venue as { id: string; slug: string; name: string };
}

const put = (token: string, venueId: string, body: unknown) =>
  call(putLayout, { method: "PUT", headers: bearer(token), params: { venueId }, body });

describe("POST /api/v1/venues and GET /api/v1/venues", () => {
  it("creates venues with unique readable slugs and lists the organization's venues", async () => {
    const { organization, token } = await createOrganizationWithMember("MANAGER");
    const first = await newVenue(token, organization.id, { name: `Roundhouse ${organization.slug}` });
    const second = await newVenue(token, organization.id, { name: `Roundhouse ${organization.slug}` });
    expect(first).toMatchObject({ country: "GB", region: "Greater London", timeZone: "Europe/London" });
    expect(first.slug).toBe(`roundhouse-${organization.slug}`);
    expect(second.slug).toBe(`roundhouse-${organization.slug}-london`);

    const list = await call(listVenues, { headers: bearer(token), path: `/?organizationId=${organization.id}` });
    expect(list.status).toBe(200);
    expect(list.json.items.map((v: { id: string }) => v.id).sort()).toEqual([first.id, second.id].sort());
    expect(list.json.items[0].latestLayout).toBeNull();
  });

  it("refuses invalid venues with the fields named, and unknown fields", async () => {
    const { organization, token } = await createOrganizationWithMember();
    const response = await call(createVenue, {
      method: "POST",
      headers: bearer(token),
      body: {
        organizationId: organization.id,
        ...venueBody({ name: " ", country: "XX", timeZone: "Mars/Olympus", latitude: 91, longitude: "-0.15" }),
      },
    });
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe("VALIDATION_FAILED");
    const paths = response.json.error.details.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(["country", "latitude", "longitude", "name", "timeZone"]);

    const unknown = await call(createVenue, {
      method: "POST",
      headers: bearer(token),
      body: { organizationId: organization.id, ...venueBody(), capacity: 300 },
    });
    expect(unknown.status).toBe(400);
    expect(await db.venue.count({ where: { organizationId: organization.id } })).toBe(0);
  });
});

describe("who may touch an organization's venues", () => {
  it("answers 404 to other organizations' members, for every venue route", async () => {
    const mine = await createOrganizationWithMember();
    const theirs = await createOrganizationWithMember();
    const venue = await newVenue(mine.token, mine.organization.id);
    const params = { venueId: venue.id };
    const headers = bearer(theirs.token);

    const responses = await Promise.all([
      call(createVenue, { method: "POST", headers, body: { organizationId: mine.organization.id, ...venueBody() } }),
      call(listVenues, { headers, path: `/?organizationId=${mine.organization.id}` }),
      call(getVenue, { headers, params }),
      call(patchVenue, { method: "PATCH", headers, params, body: { name: "Taken over" } }),
      call(putLayout, { method: "PUT", headers, params, body: smallLayout() }),
      call(getLayout, { headers, params }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404]);
    expect(responses.map((r) => r.json.error.code)).toEqual(Array(6).fill("NOT_FOUND"));
    // An unknown id reads exactly like someone else's.
    const unknown = await call(getVenue, { headers, params: { venueId: "no-such-venue" } });
    expect(unknown.json).toEqual(responses[2]!.json);

    // A token made for their own organization reaches nothing of ours either, even for a member of both.
    await db.membership.create({
      data: { userId: theirs.user.id, organizationId: mine.organization.id, role: "OWNER" },
    });
    const scoped = await scopedToken(theirs.user.id, theirs.organization.id);
    expect((await call(getVenue, { headers: bearer(scoped), params })).status).toBe(404);
    expect((await call(getVenue, { headers, params })).status).toBe(200);
  });

  it("answers 403 to check-in staff and 401 without credentials", async () => {
    const { organization, token } = await createOrganizationWithMember();
    const venue = await newVenue(token, organization.id);
    const staff = await addMember(organization.id, "CHECK_IN");
    const headers = bearer(staff.token);
    const params = { venueId: venue.id };

    const responses = await Promise.all([
      call(createVenue, { method: "POST", headers, body: { organizationId: organization.id, ...venueBody() } }),
      call(listVenues, { headers, path: `/?organizationId=${organization.id}` }),
      call(getVenue, { headers, params }),
      call(patchVenue, { method: "PATCH", headers, params, body: { name: "Renamed" } }),
      call(putLayout, { method: "PUT", headers, params, body: smallLayout() }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    expect(responses[4]!.json.error.code).toBe("FORBIDDEN");
    expect(await db.venueLayout.count({ where: { venueId: venue.id } })).toBe(0);

    expect((await call(putLayout, { method: "PUT", params, body: smallLayout() })).status).toBe(401);
  });
});

describe("PATCH /api/v1/venues/{id}", () => {
  it("changes the fields sent, keeps the slug and refuses an empty change", async () => {
    const { organization, token } = await createOrganizationWithMember();
    const venue = await newVenue(token, organization.id);
    const params = { venueId: venue.id };
    const patched = await call(patchVenue, {
      method: "PATCH",
      headers: bearer(token),
      params,
      body: { name: "Roundhouse Main Space", region: "", latitude: 51.55 },
    });
    expect(patched.status).toBe(200);
    expect(patched.json.venue).toMatchObject({ name: "Roundhouse Main Space", region: null, latitude: 51.55 });
    expect(patched.json.venue.slug).toBe(venue.slug);

    const empty = await call(patchVenue, { method: "PATCH", headers: bearer(token), params, body: {} });
    expect(empty.status).toBe(400);
  });
});

describe("PUT /api/v1/venues/{id}/layout", () => {
  it("saves each layout as a new version and never changes an old one", async () => {
    const { organization, token, user } = await createOrganizationWithMember();
    const venue = await newVenue(token, organization.id);

    const v1 = await put(token, venue.id, smallLayout());
    expect(v1.status).toBe(201);
    expect(v1.json.layout).toMatchObject({ venueId: venue.id, version: 1, name: "Small hall", seatCount: 24 });
    expect(v1.json.layout.standingCapacity).toBe(150);

    const bigger = smallLayout({ name: "Small hall, bigger block" });
    bigger.sections[0] = { ...bigger.sections[0]!, rows: { count: 5 } } as (typeof bigger.sections)[number];
    const v2 = await put(token, venue.id, bigger);
    expect(v2.status).toBe(201);
    expect(v2.json.layout).toMatchObject({ version: 2, seatCount: 32 });

    const details = await call(getVenue, { headers: bearer(token), params: { venueId: venue.id } });
    expect(details.json.venue.layouts.map((l: { version: number }) => l.version)).toEqual([2, 1]);
    expect(details.json.venue.layouts[0].createdByName).toBe(user.name);

    const first = await call(getLayout, { headers: bearer(token), params: { venueId: venue.id }, path: "/?version=1" });
    expect(first.json.layout).toMatchObject({ version: 1, seatCount: 24 });
    expect(first.json.layout.document.sections[0].rows).toEqual({ count: 3, labels: "letters", spacing: 14 });
    const latest = await call(getLayout, { headers: bearer(token), params: { venueId: venue.id } });
    expect(latest.json.layout.version).toBe(2);
    const missing = await call(getLayout, {
      headers: bearer(token),
      params: { venueId: venue.id },
      path: "/?version=9",
    });
    expect(missing.status).toBe(404);
  });

  it("gives concurrent saves distinct versions", async () => {
    const { organization, token } = await createOrganizationWithMember();
    const venue = await newVenue(token, organization.id);
    const responses = await Promise.all(Array.from({ length: 4 }, () => put(token, venue.id, smallLayout())));
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(responses.map((r) => r.json.layout.version).sort()).toEqual([1, 2, 3, 4]);
  });

  it("answers 400 with the validator's issues and saves nothing", async () => {
    const { organization, token } = await createOrganizationWithMember();
    const venue = await newVenue(token, organization.id);

    const overlapping = smallLayout();
    overlapping.sections.push({ ...overlapping.sections[0]!, id: "b2", label: "C" });
    const response = await put(token, venue.id, overlapping);
    expect(response.status).toBe(400);
    expect(response.json.error).toMatchObject({ code: "VALIDATION_FAILED", message: "The layout is not valid." });
    expect(response.json.error.details.issues).toContainEqual({
      path: "sections.3",
      message: "Seats A/A/1 and C/A/1 overlap; move or turn one of their sections.",
    });

    const unknownZone = await put(token, venue.id, {
      ...smallLayout(),
      seatOverrides: { "A/A/1": { zone: "vip" }, "A/Z/1": { disabled: true } },
    });
    expect(unknownZone.status).toBe(400);
    expect(unknownZone.json.error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      "seatOverrides.A/A/1.zone",
      "seatOverrides.A/Z/1",
    ]);

    const shape = await put(token, venue.id, { format: "marquee.layout/2", sections: [] });
    expect(shape.status).toBe(400);
    expect(shape.json.error.details.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(["format", "name", "zones", "sections"]),
    );
    expect(await db.venueLayout.count({ where: { venueId: venue.id } })).toBe(0);
  });

  it("takes layouts above the API's usual 64 kB (many marked seats), up to 512 kB", async () => {
    const { organization, token } = await createOrganizationWithMember();
    const venue = await newVenue(token, organization.id);
    const layout = smallLayout();
    layout.sections[0] = {
      ...layout.sections[0]!,
      rows: { count: 40, labels: "numbers" },
      seats: { perRow: 60 },
    } as (typeof layout.sections)[number];
    layout.sections[1] = { ...layout.sections[1]!, radius: 700 } as (typeof layout.sections)[number];
    const overrides: Record<string, { accessibility: "companion"; disabled: true }> = {};
    for (let row = 1; row <= 40; row++) {
      for (let seat = 1; seat <= 60; seat++)
        overrides[`A/${row}/${seat}`] = { accessibility: "companion", disabled: true };
    }
    const body = { ...layout, seatOverrides: overrides };
    expect(JSON.stringify(body).length).toBeGreaterThan(100 * 1024);
    const saved = await put(token, venue.id, body);
    expect(saved.status).toBe(201);
    expect(saved.json.layout.seatCount).toBe(2_400 + 12);

    const tooBig = await call(putLayout, {
      method: "PUT",
      headers: bearer(token),
      params: { venueId: venue.id },
      body: JSON.stringify({ ...body, name: "x".repeat(600 * 1024) }),
    });
    expect(tooBig.status).toBe(413);
  });
});

import { rmSync } from "node:fs";
import path from "node:path";
import { isValidElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DashboardNav } from "@/components/organizer/dashboard-nav";
import type { DashboardSection } from "@/lib/auth/dashboard-sections";
import type { FormState } from "@/lib/actions";
import { issueApiToken } from "@/lib/auth/tokens";
import { uniqueEmail } from "../support/factories";
import { db } from "@/lib/db";
import {
  draftEvent,
  inDays,
  organizationWithCallers,
  paidOrder,
  type CallerName,
  type OrganizationWithCallers,
} from "../support/access-fixtures";
import { controlFlow, filesNamed, pathOf, routeOf as routeOfFile } from "../support/next-calls";
import { addMember, createVenue, smallLayout, venueBody } from "../support/venue-fixtures";

// Who may open each organizer page and call each of its server actions, driven by the files
// themselves: a page.tsx or an exported action that is not in the tables below fails the first
// tests, so a new page or action cannot ship without an access rule. Each page and action is
// called directly, as Next.js calls it, against the real database; only the session is chosen.
// (JSON API routes: route-access.test.ts.)

// Uploaded event images go to a folder of this file's own.
const uploadsDir = await vi.hoisted(async () => {
  const [{ mkdtempSync }, { tmpdir }, { join }] = await Promise.all([
    import("node:fs"),
    import("node:os"),
    import("node:path"),
  ]);
  const dir = mkdtempSync(join(tmpdir(), "marquee-access-"));
  process.env.UPLOADS_DIR = dir;
  return dir;
});
afterAll(() => rmSync(uploadsDir, { recursive: true, force: true }));

const session = vi.hoisted(() => ({ userId: null as string | null }));

// The signed-in user. Auth.js's `auth()` reads the session cookie of the request, which a direct call
// has none of; it is the only thing lib/auth/page-actor.ts asks Auth.js. Replacing it (rather than
// page-actor itself) keeps the code under test real: `currentActor` re-reads the user from the
// database and `requirePageActor` decides between sign-in, "not allowed" and the page.
vi.mock("@/lib/auth/next-auth", () => ({
  auth: async () =>
    session.userId ? { user: { id: session.userId }, expires: new Date(Date.now() + 3600_000).toISOString() } : null,
}));

// revalidatePath needs the cache store of a Next.js request and throws ("static generation store
// missing") without one; the venue and token actions call it after their change. revalidateTag, its
// caller (expireEventPage) already tolerates outside a request, and the rest of next/cache stay real.
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  revalidatePath: vi.fn(),
}));

const root = path.resolve(import.meta.dirname, "../..");
const organizerApp = path.join(root, "app/(organizer)");

const CALLERS = ["anonymous", "fan", "otherOrganizer", "checkIn", "manager", "owner"] as const;
type Caller = (typeof CALLERS)[number];

function signInAs(w: OrganizationWithCallers, caller: Caller) {
  session.userId = caller === "anonymous" ? null : w.callers[caller satisfies CallerName].user.id;
}

/** The URL pattern of a file's folder: app/(organizer)/organizer/[orgSlug]/x → /organizer/[orgSlug]/x. */
const routeOf = (file: string) => routeOfFile(organizerApp, file);

/**
 * What a call did, as one comparable string: "renders" (a page returned a React element), "ok" (an
 * action's state), "refused: …" (an action's refusal), or which of Next's control-flow errors it threw
 * (`redirect()` and `notFound()` throw errors whose digest says where to; lib/actions.ts lets them through).
 */
type Outcome = string;

// ---- Pages ----------------------------------------------------------------------------------

/** The pages' fixtures: one organization with an event and a venue, and another organization's. */
async function pageWorld() {
  const w = await organizationWithCallers();
  const event = await draftEvent(w);
  const published = await draftEvent(w, "PUBLISHED");
  const foreignVenue = await createVenue(w.otherOrganization.id);
  const foreignEvent = await draftEvent({ organization: w.otherOrganization, venue: foreignVenue });
  const order = await paidOrder(w);
  const foreignOrder = await paidOrder({ organization: w.otherOrganization, venue: foreignVenue });
  return {
    ...w,
    event,
    published,
    order,
    foreign: { venueId: foreignVenue.id, eventId: foreignEvent.eventId, orderId: foreignOrder.orderId },
  };
}
type PageWorld = Awaited<ReturnType<typeof pageWorld>>;

type PageRule = {
  params: (w: PageWorld) => Record<string, string>;
  /** Who may open it: the organization's owners only, its owners and managers, or every member (check-in staff too). */
  admits: "owners" | "managers" | "members";
  /** Where a caller ends up when it is not what `admits` implies. */
  except?: (w: PageWorld) => Partial<Record<Caller, Outcome>>;
  /** The page's ids taken from another organization, under this organization's slug: "not found" even to the owner. */
  foreign?: (w: PageWorld) => Record<string, string>;
};

const inOrganization = (w: PageWorld) => ({ orgSlug: w.organization.slug });

const pages: Record<string, PageRule> = {
  "/organizer": {
    params: () => ({}),
    admits: "members",
    // The way in, not one organization's page: each member goes on to their one organization; a user
    // with none is turned away.
    except: (w) => ({
      fan: "redirect /for-organizers",
      otherOrganizer: `redirect /organizer/${w.otherOrganization.slug}`,
      checkIn: `redirect /organizer/${w.organization.slug}`,
      manager: `redirect /organizer/${w.organization.slug}`,
      owner: `redirect /organizer/${w.organization.slug}`,
    }),
  },
  "/organizer/[orgSlug]": { params: inOrganization, admits: "members" },
  "/organizer/[orgSlug]/events": { params: inOrganization, admits: "managers" },
  "/organizer/[orgSlug]/events/new": { params: inOrganization, admits: "managers" },
  "/organizer/[orgSlug]/events/[eventId]": {
    params: (w) => ({ ...inOrganization(w), eventId: w.event.eventId }),
    admits: "managers",
    foreign: (w) => ({ ...inOrganization(w), eventId: w.foreign.eventId }),
  },
  "/organizer/[orgSlug]/events/[eventId]/check-in": {
    params: (w) => ({ ...inOrganization(w), eventId: w.published.eventId }),
    admits: "members",
    foreign: (w) => ({ ...inOrganization(w), eventId: w.foreign.eventId }),
  },
  "/organizer/[orgSlug]/events/[eventId]/report": {
    params: (w) => ({ ...inOrganization(w), eventId: w.published.eventId }),
    admits: "managers",
    foreign: (w) => ({ ...inOrganization(w), eventId: w.foreign.eventId }),
  },
  "/organizer/[orgSlug]/events/[eventId]/refusals": {
    params: (w) => ({ ...inOrganization(w), eventId: w.published.eventId }),
    admits: "managers",
    foreign: (w) => ({ ...inOrganization(w), eventId: w.foreign.eventId }),
  },
  "/organizer/[orgSlug]/reports": { params: inOrganization, admits: "managers" },
  "/organizer/[orgSlug]/venues": { params: inOrganization, admits: "managers" },
  "/organizer/[orgSlug]/venues/new": { params: inOrganization, admits: "managers" },
  "/organizer/[orgSlug]/venues/[venueId]": {
    params: (w) => ({ ...inOrganization(w), venueId: w.venue.id }),
    admits: "managers",
    foreign: (w) => ({ ...inOrganization(w), venueId: w.foreign.venueId }),
  },
  "/organizer/[orgSlug]/venues/[venueId]/layout": {
    params: (w) => ({ ...inOrganization(w), venueId: w.venue.id }),
    admits: "managers",
    foreign: (w) => ({ ...inOrganization(w), venueId: w.foreign.venueId }),
  },
  "/organizer/[orgSlug]/tokens": { params: inOrganization, admits: "managers" },
  // Managers see who works there; only owners change it (the actions below).
  "/organizer/[orgSlug]/staff": { params: inOrganization, admits: "managers" },
  "/organizer/[orgSlug]/audit": { params: inOrganization, admits: "owners" },
  "/organizer/[orgSlug]/orders": { params: inOrganization, admits: "managers" },
  "/organizer/[orgSlug]/events/[eventId]/orders": {
    params: (w) => ({ ...inOrganization(w), eventId: w.order.eventId }),
    admits: "managers",
    foreign: (w) => ({ ...inOrganization(w), eventId: w.foreign.eventId }),
  },
  "/organizer/[orgSlug]/orders/[orderId]": {
    params: (w) => ({ ...inOrganization(w), orderId: w.order.orderId }),
    admits: "managers",
    foreign: (w) => ({ ...inOrganization(w), orderId: w.foreign.orderId }),
  },
};

function expectedOnPage(rule: PageRule, w: PageWorld, caller: Caller, pathname: string): Outcome {
  const exception = rule.except?.(w)[caller];
  if (exception) return exception;
  if (caller === "anonymous") return `redirect /signin?callbackUrl=${encodeURIComponent(pathname)}`;
  if (caller === "fan" || caller === "otherOrganizer") return "not found";
  if (caller === "checkIn" && rule.admits !== "members") return "redirect /forbidden";
  if (caller === "manager" && rule.admits === "owners") return "redirect /forbidden";
  return "renders";
}

type PageProps = { params: Promise<Record<string, string>>; searchParams: Promise<Record<string, string>> };
type Page = (props: PageProps) => Promise<unknown>;

const pagesOnDisk = () =>
  new Map(filesNamed(path.join(organizerApp, "organizer"), "page.tsx").map((f) => [routeOf(f), f]));

async function loadPage(route: string): Promise<Page> {
  const file = pagesOnDisk().get(route);
  if (!file) throw new Error(`no page.tsx for ${route}`);
  return (await import(/* @vite-ignore */ file)).default as Page;
}

/** Calls a page as Next.js does, as `caller`: what it returned (a React element) or where it sent them. */
async function openPage(w: PageWorld, page: Page, params: Record<string, string>, caller: Caller) {
  signInAs(w, caller);
  try {
    const element = await page({ params: Promise.resolve(params), searchParams: Promise.resolve({}) });
    return { outcome: isValidElement(element) ? "renders" : `returned ${String(element)}`, element };
  } catch (error) {
    const outcome = controlFlow(error);
    if (outcome) return { outcome, element: null };
    throw new Error(`${caller} could not open the page: ${String(error)}`, { cause: error });
  }
}

describe("access to every organizer page", () => {
  let w: PageWorld;
  beforeAll(async () => {
    w = await pageWorld();
  });

  it("has a rule for every page on disk, and no rule for a page that is gone", () => {
    const onDisk = [...pagesOnDisk().keys()].sort();
    const ruled = Object.keys(pages).sort();
    expect(
      onDisk.filter((p) => !ruled.includes(p)),
      "pages without an access rule",
    ).toEqual([]);
    expect(
      ruled.filter((p) => !onDisk.includes(p)),
      "rules for pages that do not exist",
    ).toEqual([]);
  });

  it.each(Object.entries(pages))(
    "%s: sign-in for visitors, not found to outsiders, then as its rule says by role",
    async (route, rule) => {
      const page = await loadPage(route);
      const params = rule.params(w);
      const pathname = pathOf(route, params);
      for (const caller of CALLERS) {
        expect((await openPage(w, page, params, caller)).outcome, caller).toBe(
          expectedOnPage(rule, w, caller, pathname),
        );
      }
    },
  );

  it.each(Object.entries(pages).filter(([, rule]) => rule.foreign))(
    "%s: another organization's ids are not found under this organization, even to its owner",
    async (route, rule) => {
      const page = await loadPage(route);
      expect((await openPage(w, page, rule.foreign!(w), "owner")).outcome).toBe("not found");
    },
  );

  it("shows check-in staff the overview read-only: events with their state and sales, each linking to its door", async () => {
    const page = await loadPage("/organizer/[orgSlug]");
    const params = inOrganization(w);
    const markup = async (caller: Caller) =>
      renderToStaticMarkup((await openPage(w, page, params, caller)).element as ReactElement);
    const links = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    const base = `/organizer/${w.organization.slug}`;

    const owner = await markup("owner");
    expect(links(owner)).toEqual(
      expect.arrayContaining([`${base}/events/new`, `${base}/events`, `${base}/events/${w.published.eventId}`]),
    );

    const staff = await markup("checkIn");
    expect(staff).toContain("Access check");
    expect(staff).toMatch(/On sale/i);
    expect(staff).toContain("0 / 10 sold");
    expect(staff).not.toContain("New event");
    expect(owner).toContain(">Draft<");
    expect(staff, "drafts are not the door's business").not.toContain(">Draft<");
    const staffLinks = links(staff);
    expect(staffLinks, "links on the check-in staff's overview").toContain(
      `${base}/events/${w.published.eventId}/check-in`,
    );
    for (const link of staffLinks) {
      expect(link, "every link on the check-in staff's overview leads to an event's door").toMatch(
        new RegExp(`^${base}/events/[^/]+/check-in$`),
      );
    }
  });

  it("shows each member the dashboard sections they may open, and no navigation to outsiders", async () => {
    const layout = (await import(/* @vite-ignore */ path.join(organizerApp, "organizer/[orgSlug]/layout.tsx")))
      .default as (props: { children: ReactNode; params: Promise<{ orgSlug: string }> }) => Promise<ReactElement>;
    const sectionsFor = async (caller: Caller) => {
      signInAs(w, caller);
      const tree = await layout({ children: null, params: Promise.resolve(inOrganization(w)) });
      const nav = findElement(tree, DashboardNav);
      return nav ? (nav.props as { sections: DashboardSection[] }).sections.map((s) => s.path) : null;
    };

    const all = (await sectionsFor("owner"))!;
    expect(all.length).toBeGreaterThan(1);
    const sectionRoute = (p: string) => `/organizer/[orgSlug]${p}`;
    expect(
      all.filter((p) => !pages[sectionRoute(p)]),
      "sections that are not pages",
    ).toEqual([]);
    for (const caller of CALLERS) {
      const opens = all.filter((p) => {
        const route = sectionRoute(p);
        return expectedOnPage(pages[route]!, w, caller, pathOf(route, inOrganization(w))) === "renders";
      });
      expect(await sectionsFor(caller), caller).toEqual(opens.length ? opens : null);
    }
  });
});

/** The first element of `type` in a tree of React elements (as a component returned it, not rendered). */
function findElement(node: ReactNode, type: unknown): ReactElement | null {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findElement(child as ReactNode, type);
      if (found) return found;
    }
    return null;
  }
  if (!isValidElement(node)) return null;
  if (node.type === type) return node;
  return findElement((node.props as { children?: ReactNode }).children, type);
}

// ---- Server actions ----------------------------------------------------------------------------

type Form = Record<string, string | Blob>;

type ActionRule = {
  /** A form against fresh data of the organization: made again for every caller, so one's success cannot change what the next one meets. */
  form: (w: OrganizationWithCallers) => Promise<Form>;
  /** What the action changes, read before and after each call: a refused call leaves it as it was, a successful one does not. */
  state: (w: OrganizationWithCallers, form: Form) => Promise<unknown>;
  /** Where a successful call redirects, for actions that open what they made; the others return ok. */
  redirects?: (w: OrganizationWithCallers) => RegExp;
  /** What a caller gets when it is not the usual (members who manage: ok; check-in: forbidden; others: not found). */
  except?: Partial<Record<Caller, Outcome>>;
};

const eventTitle = async (_: OrganizationWithCallers, form: Form) =>
  (await db.event.findUnique({ where: { id: String(form.eventId) }, select: { title: true } }))?.title;
const eventStatus = async (_: OrganizationWithCallers, form: Form) =>
  (await db.event.findUnique({ where: { id: String(form.eventId) }, select: { status: true } }))?.status;
const eventCount = (w: OrganizationWithCallers) => db.event.count({ where: { organizationId: w.organization.id } });
const venueCount = (w: OrganizationWithCallers) => db.venue.count({ where: { organizationId: w.organization.id } });
const eventDetails = (eventId: string) => ({
  eventId,
  title: "Changed by a form",
  description: "",
  performers: "",
  category: "COMEDY",
  tags: "",
  startsAt: inDays(11),
  endsAt: inDays(11.1),
  onSaleAt: inDays(-1),
  perOrderLimit: "8",
  holdMinutes: "10",
});
const venueFields = (overrides: Record<string, unknown> = {}) =>
  Object.fromEntries(Object.entries(venueBody(overrides)).map(([key, value]) => [key, String(value)]));
const png = () =>
  sharp({ create: { width: 16, height: 9, channels: 3, background: { r: 200, g: 40, b: 90 } } })
    .png()
    .toBuffer();

/** Every exported server action, by "<file under app/(organizer)/organizer> <export>". */
const actions: Record<string, ActionRule> = {
  "[orgSlug]/events/actions.ts createEventAction": {
    form: async (w) => ({
      orgSlug: w.organization.slug,
      organizationId: w.organization.id,
      venueId: w.venue.id,
      title: "Made by a form",
      category: "COMEDY",
      startsAt: inDays(9),
      endsAt: inDays(9.1),
      perOrderLimit: "8",
      holdMinutes: "10",
      gaName: "Seat",
      gaPrice: "10",
      gaCapacity: "10",
    }),
    state: eventCount,
    redirects: (w) => new RegExp(`^redirect /organizer/${w.organization.slug}/events/[^/?]+\\?created=1$`),
  },
  "[orgSlug]/events/actions.ts updateDetailsAction": {
    form: async (w) => eventDetails((await draftEvent(w)).eventId),
    state: eventTitle,
  },
  "[orgSlug]/events/actions.ts updateTicketTypeAction": {
    form: async (w) => ({
      ...(await draftEvent(w)),
      name: "Seat",
      price: "12",
      capacity: "10",
      minPerOrder: "1",
    }),
    state: async (_, form) =>
      (await db.ticketType.findUnique({ where: { id: String(form.ticketTypeId) }, select: { priceMinor: true } }))
        ?.priceMinor,
  },
  "[orgSlug]/events/actions.ts addTicketTypeAction": {
    form: async (w) => ({
      eventId: (await draftEvent(w)).eventId,
      name: "Balcony",
      price: "5",
      capacity: "5",
      minPerOrder: "1",
    }),
    state: (_, form) => db.ticketType.count({ where: { eventId: String(form.eventId) } }),
  },
  "[orgSlug]/events/actions.ts deleteTicketTypeAction": {
    form: async (w) => ({ ...(await draftEvent(w)) }),
    state: (_, form) => db.ticketType.count({ where: { id: String(form.ticketTypeId) } }),
  },
  "[orgSlug]/events/actions.ts publishAction": {
    form: async (w) => ({ eventId: (await draftEvent(w)).eventId }),
    state: eventStatus,
  },
  "[orgSlug]/events/actions.ts unpublishAction": {
    form: async (w) => ({ eventId: (await draftEvent(w, "PUBLISHED")).eventId }),
    state: eventStatus,
  },
  "[orgSlug]/events/actions.ts duplicateAction": {
    form: async (w) => ({ orgSlug: w.organization.slug, eventId: (await draftEvent(w)).eventId }),
    state: eventCount,
    redirects: (w) => new RegExp(`^redirect /organizer/${w.organization.slug}/events/[^/?]+\\?duplicated=1$`),
  },
  "[orgSlug]/events/actions.ts uploadImageAction": {
    form: async (w) => ({
      eventId: (await draftEvent(w)).eventId,
      image: new File([new Uint8Array(await png())], "poster.png", { type: "image/png" }),
    }),
    state: async (_, form) =>
      (await db.event.findUnique({ where: { id: String(form.eventId) }, select: { imagePath: true } }))?.imagePath,
  },
  "[orgSlug]/events/actions.ts cancelEventAction": {
    form: async (w) => ({ eventId: (await draftEvent(w, "PUBLISHED")).eventId, reason: "Access check" }),
    state: eventStatus,
  },
  "[orgSlug]/venues/actions.ts createVenueAction": {
    form: async (w) => ({ organizationId: w.organization.id, orgSlug: w.organization.slug, ...venueFields() }),
    state: venueCount,
    redirects: (w) => new RegExp(`^redirect /organizer/${w.organization.slug}/venues/[^/?]+\\?created=1$`),
  },
  "[orgSlug]/venues/actions.ts updateVenueAction": {
    form: async (w) => ({ venueId: (await createVenue(w.organization.id)).id, ...venueFields({ name: "Renamed" }) }),
    state: async (_, form) =>
      (await db.venue.findUnique({ where: { id: String(form.venueId) }, select: { name: true } }))?.name,
  },
  "[orgSlug]/venues/actions.ts saveLayoutAction": {
    form: async (w) => ({
      venueId: (await createVenue(w.organization.id)).id,
      document: JSON.stringify(smallLayout()),
    }),
    state: (_, form) => db.venueLayout.count({ where: { venueId: String(form.venueId) } }),
  },
  "[orgSlug]/orders/actions.ts refundOrderAction": {
    form: async (w) => ({
      orgSlug: w.organization.slug,
      orderId: (await paidOrder(w)).orderId,
      idempotencyKey: crypto.randomUUID(),
      currency: "USD",
      mode: "amount",
      amount: "2.50",
      reason: "Access check",
    }),
    state: (_, form) => db.refund.count({ where: { orderId: String(form.orderId) } }),
  },
  "[orgSlug]/orders/actions.ts addOrderNoteAction": {
    form: async (w) => ({
      orgSlug: w.organization.slug,
      orderId: (await paidOrder(w)).orderId,
      body: "Called the buyer",
    }),
    state: (_, form) => db.orderNote.count({ where: { orderId: String(form.orderId) } }),
  },
  "[orgSlug]/orders/actions.ts resendConfirmationAction": {
    form: async (w) => ({ orgSlug: w.organization.slug, orderId: (await paidOrder(w)).orderId }),
    state: (_, form) =>
      db.outboxMessage.count({ where: { payload: { path: ["orderId"], equals: String(form.orderId) } } }),
  },
  "[orgSlug]/tokens/actions.ts createTokenAction": {
    form: async (w) => ({ organizationId: w.organization.id, name: "Box office" }),
    state: (w) => db.apiToken.count({ where: { organizationId: w.organization.id } }),
  },
  "[orgSlug]/tokens/actions.ts revokeTokenAction": {
    // A token is its holder's alone: the form names one the owner made for the organization.
    form: async (w) => ({
      tokenId: (
        await issueApiToken(db, {
          userId: w.callers.owner.user.id,
          name: "Box office",
          organizationId: w.organization.id,
        })
      ).id,
    }),
    state: async (_, form) =>
      (await db.apiToken.findUnique({ where: { id: String(form.tokenId) }, select: { revokedAt: true } }))?.revokedAt,
    except: { checkIn: "refused: not found", manager: "refused: not found" },
  },
  // Staff: owners only; managers may look at the page but change nothing.
  "[orgSlug]/staff/actions.ts inviteAction": {
    form: async (w) => ({ organizationId: w.organization.id, email: uniqueEmail("invitee"), role: "CHECK_IN" }),
    state: (w) => db.invitation.count({ where: { organizationId: w.organization.id } }),
    except: { manager: "refused: forbidden" },
  },
  "[orgSlug]/staff/actions.ts revokeInvitationAction": {
    form: async (w) => ({
      organizationId: w.organization.id,
      invitationId: (
        await db.invitation.create({
          data: {
            organizationId: w.organization.id,
            email: uniqueEmail("invitee"),
            role: "MANAGER",
            tokenHash: crypto.randomUUID(),
            expiresAt: new Date(Date.now() + 3600_000),
          },
        })
      ).id,
    }),
    state: async (_, form) =>
      (await db.invitation.findUnique({ where: { id: String(form.invitationId) }, select: { revokedAt: true } }))
        ?.revokedAt,
    except: { manager: "refused: forbidden" },
  },
  "[orgSlug]/staff/actions.ts changeRoleAction": {
    form: async (w) => ({
      organizationId: w.organization.id,
      membershipId: await membershipOf(w.organization.id, (await addMember(w.organization.id, "MANAGER")).user.id),
      role: "CHECK_IN",
    }),
    state: async (_, form) =>
      (await db.membership.findUnique({ where: { id: String(form.membershipId) }, select: { role: true } }))?.role,
    except: { manager: "refused: forbidden" },
  },
  "[orgSlug]/staff/actions.ts removeMemberAction": {
    form: async (w) => ({
      organizationId: w.organization.id,
      membershipId: await membershipOf(w.organization.id, (await addMember(w.organization.id, "CHECK_IN")).user.id),
    }),
    state: (_, form) => db.membership.count({ where: { id: String(form.membershipId) } }),
    except: { manager: "refused: forbidden" },
  },
};

async function membershipOf(organizationId: string, userId: string) {
  const membership = await db.membership.findUniqueOrThrow({
    where: { userId_organizationId: { userId, organizationId } },
    select: { id: true },
  });
  return membership.id;
}

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** Every function exported by an actions.ts of the organizer pages (in a "use server" file, each is an action). */
async function actionsOnDisk(): Promise<Map<string, Action>> {
  const found = new Map<string, Action>();
  const dir = path.join(organizerApp, "organizer");
  for (const file of filesNamed(dir, "actions.ts")) {
    const exports = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value === "function") found.set(`${path.relative(dir, file)} ${name}`, value as Action);
    }
  }
  return found;
}

/** An action's refusal by its message (formAction turns the AppError into the form's state). */
function refusal(state: FormState): Outcome {
  const message = state.message ?? "";
  if (/^Sign in/.test(message)) return "refused: sign in";
  if (/^No such /.test(message)) return "refused: not found";
  if (/does not allow this/.test(message)) return "refused: forbidden";
  return `failed: ${message} ${JSON.stringify(state.fieldErrors ?? {})}`;
}

async function callAction(w: OrganizationWithCallers, action: Action, form: Form, caller: Caller): Promise<Outcome> {
  signInAs(w, caller);
  const formData = new FormData();
  for (const [key, value] of Object.entries(form)) formData.append(key, value);
  try {
    const state = await action({ ok: false }, formData);
    return state.ok ? "ok" : refusal(state);
  } catch (error) {
    const outcome = controlFlow(error);
    if (outcome) return outcome;
    throw error;
  }
}

function expectedOfAction(rule: ActionRule, w: OrganizationWithCallers, caller: Caller): Outcome | RegExp {
  const exception = rule.except?.[caller];
  if (exception) return exception;
  if (caller === "anonymous") return "refused: sign in";
  if (caller === "fan" || caller === "otherOrganizer") return "refused: not found";
  if (caller === "checkIn") return "refused: forbidden";
  return rule.redirects?.(w) ?? "ok";
}

describe("access to every organizer server action", () => {
  let onDisk: Map<string, Action>;
  beforeAll(async () => {
    onDisk = await actionsOnDisk();
  });

  it("has a rule for every exported action, and no rule for an action that is gone", () => {
    const found = [...onDisk.keys()].sort();
    const ruled = Object.keys(actions).sort();
    expect(
      found.filter((a) => !ruled.includes(a)),
      "actions without an access rule",
    ).toEqual([]);
    expect(
      ruled.filter((a) => !found.includes(a)),
      "rules for actions that do not exist",
    ).toEqual([]);
  });

  it.each(Object.entries(actions))(
    "%s: sign-in for visitors, not found to outsiders, then as its rule says by role; refusals change nothing",
    async (name, rule) => {
      const action = onDisk.get(name);
      if (!action) throw new Error(`no action ${name}`);
      const w = await organizationWithCallers();
      for (const caller of CALLERS) {
        const form = await rule.form(w);
        const before = await rule.state(w, form);
        const outcome = await callAction(w, action, form, caller);
        const expected = expectedOfAction(rule, w, caller);
        if (typeof expected === "string") expect(outcome, caller).toBe(expected);
        else expect(outcome, caller).toMatch(expected);
        const after = await rule.state(w, form);
        if (outcome.startsWith("refused")) expect(after, `${caller} was refused but changed it`).toEqual(before);
        else expect(after, `${caller} succeeded but changed nothing`).not.toEqual(before);
      }
    },
  );
});

import path from "node:path";
import { isValidElement } from "react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { FormState } from "@/lib/actions";
import { db } from "@/lib/db";
import { enqueueOutbox } from "@/lib/notifications/outbox";
import { submitApplication } from "@/lib/organizations/applications";
import { createUserWithToken, uniqueSlug } from "../support/factories";
import { controlFlow, filesNamed, pathOf, routeOf } from "../support/next-calls";
import { createOrganizerOrganization } from "../support/venue-fixtures";

// Who may open each /admin page and call each of its server actions, driven by the files themselves:
// a page.tsx or an exported action under app/(admin) that is not in the tables below fails the first
// tests. Only admins get in; everyone else is sent to sign in or told "not allowed", and a refused
// action changes nothing. Pages and actions are called directly, as Next.js calls them, against the
// real database; only the session is chosen (as in organizer-page-access.test.ts).

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/next-auth", () => ({
  auth: async () =>
    session.userId ? { user: { id: session.userId }, expires: new Date(Date.now() + 3600_000).toISOString() } : null,
}));
// revalidatePath needs the cache store of a Next.js request; the actions call it after their change.
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  revalidatePath: vi.fn(),
}));

const root = path.resolve(import.meta.dirname, "../..");
const adminApp = path.join(root, "app/(admin)");

/** Every caller but the admin is refused; a disabled admin's session no longer counts as one. */
const CALLERS = ["anonymous", "fan", "organizer", "disabledAdmin", "admin"] as const;
type Caller = (typeof CALLERS)[number];

async function callers(): Promise<Record<Exclude<Caller, "anonymous">, string>> {
  const disabled = (await createUserWithToken("ADMIN")).user;
  await db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
  return {
    fan: (await createUserWithToken("FAN")).user.id,
    organizer: (await createOrganizerOrganization()).owner.user.id,
    disabledAdmin: disabled.id,
    admin: (await createUserWithToken("ADMIN")).user.id,
  };
}
type Callers = Awaited<ReturnType<typeof callers>>;
const signInAs = (c: Callers, caller: Caller) => (session.userId = caller === "anonymous" ? null : c[caller]);

// ---- Pages ----------------------------------------------------------------------------------

type PageWorld = { userId: string; organizationId: string };
const pages: Record<string, (w: PageWorld) => Record<string, string>> = {
  "/admin": () => ({}),
  "/admin/users": () => ({}),
  "/admin/users/[userId]": (w) => ({ userId: w.userId }),
  "/admin/organizations": () => ({}),
  "/admin/organizations/[organizationId]": (w) => ({ organizationId: w.organizationId }),
  "/admin/applications": () => ({}),
  "/admin/orders": () => ({}),
  "/admin/audit": () => ({}),
  "/admin/outbox": () => ({}),
};

const pagesOnDisk = () => new Map(filesNamed(adminApp, "page.tsx").map((f) => [routeOf(adminApp, f), f]));

type Page = (props: { params: Promise<Record<string, string>>; searchParams: Promise<object> }) => Promise<unknown>;

function expectedOnPage(caller: Caller, pathname: string) {
  if (caller === "admin") return "renders";
  if (caller === "anonymous" || caller === "disabledAdmin")
    return `redirect /signin?callbackUrl=${encodeURIComponent(pathname)}`;
  return "redirect /forbidden";
}

describe("access to every /admin page", () => {
  let c: Callers;
  let w: PageWorld;
  beforeAll(async () => {
    c = await callers();
    const { organization, owner } = await createOrganizerOrganization();
    w = { userId: owner.user.id, organizationId: organization.id };
  });

  it("has a rule for every page on disk, and no rule for a page that is gone", () => {
    expect([...pagesOnDisk().keys()].sort()).toEqual(Object.keys(pages).sort());
  });

  it.each(Object.entries(pages))("%s: admins only", async (route, params) => {
    const page = (await import(/* @vite-ignore */ pagesOnDisk().get(route)!)).default as Page;
    const values = params(w);
    for (const caller of CALLERS) {
      signInAs(c, caller);
      let outcome: string;
      try {
        const element = await page({ params: Promise.resolve(values), searchParams: Promise.resolve({}) });
        outcome = isValidElement(element) ? "renders" : `returned ${String(element)}`;
      } catch (error) {
        outcome = controlFlow(error) ?? `threw ${String(error)}`;
      }
      expect(outcome, caller).toBe(expectedOnPage(caller, pathOf(route, values)));
    }
  });
});

// ---- Server actions ----------------------------------------------------------------------------

type Form = Record<string, string>;
type ActionRule = {
  /** A form against fresh data, made again for every caller. */
  form: () => Promise<Form>;
  /** What the action changes: a refused call leaves it as it was, the admin's changes it. */
  state: (form: Form) => Promise<unknown>;
  /** Where the admin's call redirects, for actions that open what they made. */
  redirects?: RegExp;
};

const freshUser = async () => (await createUserWithToken("FAN")).user;
const pendingApplication = async () => {
  const user = await freshUser();
  const actor = { userId: user.id, email: user.email, name: user.name, role: user.role, via: "session" as const };
  return submitApplication(db, actor, { organizationName: "Applied Co", website: null, about: "Folk evenings." });
};
const applicationStatus = async (form: Form) =>
  (await db.organizerApplication.findUnique({ where: { id: form.applicationId! } }))?.status;

/** Every exported server action, by "<file under app/(admin)/admin> <export>". */
const actions: Record<string, ActionRule> = {
  "users/actions.ts changeRoleAction": {
    form: async () => ({ userId: (await freshUser()).id, role: "ORGANIZER" }),
    state: async (form) => (await db.user.findUnique({ where: { id: form.userId! } }))?.role,
  },
  "users/actions.ts setDisabledAction": {
    form: async () => ({ userId: (await freshUser()).id, disabled: "true" }),
    state: async (form) => (await db.user.findUnique({ where: { id: form.userId! } }))?.disabledAt,
  },
  "organizations/actions.ts createOrganizationAction": {
    form: async () => ({
      name: "Made by admin",
      slug: uniqueSlug("admin-made"),
      ownerEmail: (await freshUser()).email,
    }),
    state: (form) => db.organization.count({ where: { slug: form.slug! } }),
    redirects: /^redirect \/admin\/organizations\/[^/?]+\?created=1$/,
  },
  "organizations/actions.ts setOwnerAction": {
    form: async () => ({
      organizationId: (await createOrganizerOrganization()).organization.id,
      ownerEmail: (await freshUser()).email,
      replace: "on",
    }),
    state: (form) =>
      db.membership.findMany({
        where: { organizationId: form.organizationId! },
        select: { userId: true, role: true },
        orderBy: { userId: "asc" },
      }),
  },
  "applications/actions.ts approveApplicationAction": {
    form: async () => ({ applicationId: (await pendingApplication()).id, slug: uniqueSlug("applied") }),
    state: applicationStatus,
  },
  "applications/actions.ts rejectApplicationAction": {
    form: async () => ({ applicationId: (await pendingApplication()).id, reason: "Not a real venue." }),
    state: applicationStatus,
  },
  "outbox/actions.ts retryOutboxAction": {
    form: async () => {
      const { id } = await enqueueOutbox(db, { topic: `test.${crypto.randomUUID()}`, payload: {} });
      await db.outboxMessage.update({ where: { id }, data: { status: "FAILED", attempts: 8 } });
      return { messageId: id };
    },
    state: async (form) => (await db.outboxMessage.findUnique({ where: { id: form.messageId! } }))?.status,
  },
};

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

async function actionsOnDisk(): Promise<Map<string, Action>> {
  const found = new Map<string, Action>();
  const dir = path.join(adminApp, "admin");
  for (const file of filesNamed(dir, "actions.ts")) {
    const exports = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value === "function") found.set(`${path.relative(dir, file)} ${name}`, value as Action);
    }
  }
  return found;
}

async function callAction(action: Action, form: Form): Promise<string> {
  const formData = new FormData();
  for (const [key, value] of Object.entries(form)) formData.append(key, value);
  try {
    const state = await action({ ok: false }, formData);
    if (state.ok) return "ok";
    if (/^Sign in/.test(state.message ?? "")) return "refused: sign in";
    if (/not allowed/.test(state.message ?? "")) return "refused: forbidden";
    return `failed: ${state.message} ${JSON.stringify(state.fieldErrors ?? {})}`;
  } catch (error) {
    const outcome = controlFlow(error);
    if (outcome) return outcome;
    throw error;
  }
}

describe("access to every /admin server action", () => {
  let onDisk: Map<string, Action>;
  let c: Callers;
  beforeAll(async () => {
    onDisk = await actionsOnDisk();
    c = await callers();
  });

  it("has a rule for every exported action, and no rule for an action that is gone", () => {
    expect([...onDisk.keys()].sort()).toEqual(Object.keys(actions).sort());
  });

  it.each(Object.entries(actions))("%s: admins only; refusals change nothing", async (name, rule) => {
    const action = onDisk.get(name)!;
    for (const caller of CALLERS) {
      signInAs(c, caller);
      const form = await rule.form();
      const before = await rule.state(form);
      const outcome = await callAction(action, form);
      const after = await rule.state(form);
      if (caller === "admin") {
        if (rule.redirects) expect(outcome, caller).toMatch(rule.redirects);
        else expect(outcome, caller).toBe("ok");
        expect(after, "the admin's call changed nothing").not.toEqual(before);
      } else {
        const refusal = caller === "anonymous" || caller === "disabledAdmin" ? "sign in" : "forbidden";
        expect(outcome, caller).toBe(`refused: ${refusal}`);
        expect(after, `${caller} was refused but changed it`).toEqual(before);
      }
    }
  });
});

// ---- "For organizers" ----------------------------------------------------------------------------

describe("the organizer application form", () => {
  it("is open to anyone, and only signed-in users may apply", async () => {
    const { applyAction } = await import("@/app/(shop)/for-organizers/actions");
    const page = (await import("@/app/(shop)/for-organizers/page")).default as () => Promise<unknown>;
    const c = await callers();
    const form = { organizationName: "Basement Shows", website: "", about: "Punk matinees on Sundays." };

    signInAs(c, "anonymous");
    expect(isValidElement(await page())).toBe(true);
    expect(await callAction(applyAction, form)).toBe("refused: sign in");

    signInAs(c, "fan");
    expect(await callAction(applyAction, form)).toBe("ok");
    expect(await db.organizerApplication.count({ where: { userId: c.fan, status: "PENDING" } })).toBe(1);
    expect(await callAction(applyAction, form)).toMatch(/^failed: You already have an application waiting/);
  });
});

import { isValidElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { FormState } from "@/lib/actions";
import { changeMemberRole, removeMember } from "@/lib/auth/memberships";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { devMailboxSender } from "@/lib/notifications/email/dev-mailbox";
import { drainOutbox } from "@/lib/notifications/outbox";
import { STAFF_INVITATION_TOPIC, invitationEmailHandler } from "@/lib/staff/invitation-email";
import { acceptInvitation, INVITATION_TTL_MS, inviteMember, revokeInvitation } from "@/lib/staff/invitations";
import { actorOf } from "../support/actors";
import { createUserWithToken, uniqueEmail } from "../support/factories";
import { addMember, createOrganizerOrganization } from "../support/venue-fixtures";

// Staff: invitations from the owner's form to the invitee's membership (through the e-mail the
// outbox sends to the dev mailbox), and the rule that an organization never loses its last owner.

const session = vi.hoisted(() => ({ userId: null as string | null }));
// The signed-in user of the invitation page and its action (as in organizer-page-access.test.ts).
vi.mock("@/lib/auth/next-auth", () => ({
  auth: async () =>
    session.userId ? { user: { id: session.userId }, expires: new Date(Date.now() + 3600_000).toISOString() } : null,
}));

const APP_URL = "http://marquee.test";

/** Delivers queued invitation e-mails into the dev mailbox, as the worker does. */
async function deliverInvitations() {
  await drainOutbox(db, { [STAFF_INVITATION_TOPIC]: invitationEmailHandler(devMailboxSender(db)) });
}

/** The link in the newest invitation e-mail to `to`, and its token. */
async function invitationLinkFor(to: string) {
  const mail = await db.devMail.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  const link = /http:\/\/marquee\.test\/invitations\/([\w-]+)/.exec(mail.text);
  if (!link) throw new Error(`no invitation link in: ${mail.text}`);
  return { mail, link: link[0], token: link[1]! };
}

async function userWithEmail(email: string) {
  const { user } = await createUserWithToken("FAN");
  return db.user.update({
    where: { id: user.id },
    data: { email },
    select: { id: true, email: true, name: true, role: true, createdAt: true },
  });
}

async function invite(role: "OWNER" | "MANAGER" | "CHECK_IN" = "CHECK_IN", now = new Date()) {
  const { organization, owner } = await createOrganizerOrganization();
  const email = uniqueEmail("invitee");
  await inviteMember(db, {
    actor: actorOf(owner.user),
    organizationId: organization.id,
    input: { email, role },
    appUrl: APP_URL,
    now,
  });
  await deliverInvitations();
  return { organization, owner, email, ...(await invitationLinkFor(email)) };
}

const auditActions = async (organizationId: string) =>
  (
    await db.auditLog.findMany({ where: { organizationId }, orderBy: { createdAt: "asc" }, select: { action: true } })
  ).map((e) => e.action);

describe("inviting staff", () => {
  it("e-mails a link; the invitee with that e-mail accepts and becomes a member with the role, once", async () => {
    const { organization, owner, email, mail, token } = await invite("CHECK_IN");
    expect(mail.subject).toContain(organization.name);
    expect(mail.text).toContain("check-in staff");
    const stored = await db.invitation.findFirstOrThrow({ where: { organizationId: organization.id } });
    expect(stored.tokenHash, "only the token's hash is stored").not.toContain(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(INVITATION_TTL_MS);

    const invitee = await userWithEmail(email);
    const joined = await acceptInvitation(db, { actor: actorOf(invitee), token, now: new Date() });
    expect(joined.organization.slug).toBe(organization.slug);
    const membership = await db.membership.findUniqueOrThrow({
      where: { userId_organizationId: { userId: invitee.id, organizationId: organization.id } },
    });
    expect(membership.role).toBe("CHECK_IN");
    expect(await db.invitation.findUniqueOrThrow({ where: { id: stored.id } })).toMatchObject({
      acceptedById: invitee.id,
      acceptedAt: expect.any(Date),
    });
    expect(await auditActions(organization.id)).toEqual(["invitation.sent", "invitation.accepted"]);
    const accepted = await db.auditLog.findFirstOrThrow({
      where: { action: "invitation.accepted", entityId: stored.id },
    });
    expect(accepted.actorId).toBe(invitee.id);

    // The same link again: used.
    await expect(acceptInvitation(db, { actor: actorOf(invitee), token, now: new Date() })).rejects.toThrowError(
      /already been used/,
    );
    expect(owner.user.id).not.toBe(invitee.id);
  });

  it("refuses another account, and changes nothing", async () => {
    const { organization, token } = await invite("MANAGER");
    const { user: someoneElse } = await createUserWithToken("FAN");
    await expect(acceptInvitation(db, { actor: actorOf(someoneElse), token, now: new Date() })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/was sent to .*Sign in with that e-mail/),
    });
    expect(await db.membership.count({ where: { organizationId: organization.id, userId: someoneElse.id } })).toBe(0);
    expect(await db.invitation.count({ where: { organizationId: organization.id, acceptedAt: { not: null } } })).toBe(
      0,
    );
    expect(await auditActions(organization.id)).toEqual(["invitation.sent"]);
  });

  it("refuses an expired link and a revoked one, and an unknown one", async () => {
    const sentLongAgo = new Date(Date.now() - INVITATION_TTL_MS - 60_000);
    const expired = await invite("MANAGER", sentLongAgo);
    const late = await userWithEmail(expired.email);
    await expect(
      acceptInvitation(db, { actor: actorOf(late), token: expired.token, now: new Date() }),
    ).rejects.toThrowError(/has expired/);

    const revoked = await invite("MANAGER");
    const invitation = await db.invitation.findFirstOrThrow({ where: { organizationId: revoked.organization.id } });
    await revokeInvitation(db, {
      actor: actorOf(revoked.owner.user),
      organizationId: revoked.organization.id,
      invitationId: invitation.id,
      now: new Date(),
    });
    const turnedAway = await userWithEmail(revoked.email);
    await expect(
      acceptInvitation(db, { actor: actorOf(turnedAway), token: revoked.token, now: new Date() }),
    ).rejects.toThrowError(/was revoked/);
    await expect(
      acceptInvitation(db, { actor: actorOf(turnedAway), token: "nope", now: new Date() }),
    ).rejects.toThrowError(new AppError("NOT_FOUND", "No such invitation."));
    expect(await db.membership.count({ where: { userId: { in: [late.id, turnedAway.id] } } })).toBe(0);
  });

  it("refuses to invite a member or an address already invited", async () => {
    const { organization, owner, email } = await invite("MANAGER");
    const again = () =>
      inviteMember(db, {
        actor: actorOf(owner.user),
        organizationId: organization.id,
        input: { email, role: "CHECK_IN" },
        appUrl: APP_URL,
        now: new Date(),
      });
    await expect(again()).rejects.toThrowError(/already been invited/);
    await expect(
      inviteMember(db, {
        actor: actorOf(owner.user),
        organizationId: organization.id,
        input: { email: owner.user.email, role: "CHECK_IN" },
        appUrl: APP_URL,
        now: new Date(),
      }),
    ).rejects.toThrowError(/already a member/);
  });

  it("the invitation page: sign-in with the way back for visitors, a clear refusal for the wrong account, accept for the right one", async () => {
    const { organization, email, token } = await invite("CHECK_IN");
    const page = (await import("@/app/(shop)/invitations/[token]/page")).default;
    const { acceptInvitationAction } = await import("@/app/(shop)/invitations/[token]/actions");
    const render = async () => {
      const element = await page({ params: Promise.resolve({ token }) });
      expect(isValidElement(element)).toBe(true);
      return renderToStaticMarkup(element as ReactElement);
    };
    const accept = async (): Promise<FormState | string> => {
      const form = new FormData();
      form.append("token", token);
      try {
        return await acceptInvitationAction({ ok: false }, form);
      } catch (error) {
        return String((error as { digest?: string }).digest);
      }
    };

    session.userId = null;
    const back = encodeURIComponent(`/invitations/${token}`);
    const signedOut = await render();
    expect(signedOut).toContain(`/signin?callbackUrl=${back}`);
    expect(signedOut).toContain(`/signup?callbackUrl=${back}`);
    expect(await accept()).toMatchObject({ ok: false, message: expect.stringMatching(/^Sign in/) });

    const { user: other } = await createUserWithToken("FAN");
    session.userId = other.id;
    expect(await render()).toContain("This invitation is for another account");
    expect(await accept()).toMatchObject({ ok: false, message: expect.stringContaining(`was sent to ${email}`) });

    session.userId = (await userWithEmail(email)).id;
    expect(await render()).toContain("Accept the invitation");
    expect(await accept()).toMatch(new RegExp(`^NEXT_REDIRECT;[a-z]+;/organizer/${organization.slug};`));
    expect(await render()).toContain("This invitation has already been used");
    session.userId = null;
  });
});

describe("the last owner", () => {
  it("cannot demote or remove themselves, nor be removed by an admin; with a second owner they can", async () => {
    const { organization, owner } = await createOrganizerOrganization();
    const ownMembership = await db.membership.findFirstOrThrow({
      where: { organizationId: organization.id, userId: owner.user.id },
    });
    const as = actorOf(owner.user);
    const ids = { organizationId: organization.id, membershipId: ownMembership.id };
    await expect(changeMemberRole(db, { actor: as, ...ids, role: "MANAGER" })).rejects.toThrowError(/last owner/);
    await expect(removeMember(db, { actor: as, ...ids })).rejects.toThrowError(/last owner/);
    const { user: admin } = await createUserWithToken("ADMIN");
    await expect(removeMember(db, { actor: actorOf(admin), ...ids })).rejects.toThrowError(/last owner/);
    expect(await auditActions(organization.id)).toEqual([]);

    const second = await addMember(organization.id, "OWNER");
    await changeMemberRole(db, { actor: as, ...ids, role: "MANAGER" });
    expect((await db.membership.findUniqueOrThrow({ where: { id: ownMembership.id } })).role).toBe("MANAGER");
    // Now a manager: no longer allowed to change staff.
    await expect(changeMemberRole(db, { actor: as, ...ids, role: "OWNER" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    // An admin may act in any organization.
    await removeMember(db, { actor: actorOf(admin), ...ids });
    expect(await db.membership.count({ where: { organizationId: organization.id } })).toBe(1);
    expect(await auditActions(organization.id)).toEqual(["membership.role_changed", "membership.removed"]);
    expect(second.user.id).toBeTruthy();
  });

  it("two owners demoting (or removing) each other at the same moment leave exactly one owner", async () => {
    for (const change of ["demote", "remove"] as const) {
      for (let round = 0; round < 5; round++) {
        const { organization, owner: a } = await createOrganizerOrganization();
        const b = await addMember(organization.id, "OWNER");
        const memberships = await db.membership.findMany({ where: { organizationId: organization.id } });
        const membershipOf = (userId: string) => memberships.find((m) => m.userId === userId)!.id;
        const act = (actor: typeof a, target: typeof a) => {
          const ids = {
            actor: actorOf(actor.user),
            organizationId: organization.id,
            membershipId: membershipOf(target.user.id),
          };
          return change === "demote" ? changeMemberRole(db, { ...ids, role: "CHECK_IN" }) : removeMember(db, ids);
        };
        const results = await Promise.allSettled([act(a, b), act(b, a)]);
        expect(
          results.filter((r) => r.status === "fulfilled"),
          `${change} round ${round}`,
        ).toHaveLength(1);
        expect(await db.membership.count({ where: { organizationId: organization.id, role: "OWNER" } })).toBe(1);
        expect(await db.auditLog.count({ where: { organizationId: organization.id } })).toBe(1);
      }
    }
  });
});

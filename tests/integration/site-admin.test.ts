import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { listAuditEntries } from "@/lib/audit/audit-log";
import type { Actor } from "@/lib/auth/actor";
import { organizationsOf } from "@/lib/auth/memberships";
import { db } from "@/lib/db";
import { devMailboxSender, listDevMail } from "@/lib/notifications/email/dev-mailbox";
import { drainOutbox, enqueueOutbox, listOutboxMessages, retryOutboxMessage } from "@/lib/notifications/outbox";
import { APPLICATION_EMAIL_TOPIC, applicationEmailHandler } from "@/lib/organizations/application-emails";
import {
  approveApplication,
  latestApplication,
  rejectApplication,
  submitApplication,
  applicationInput,
} from "@/lib/organizations/applications";
import { createOrganization, setOrganizationOwner } from "@/lib/auth/organization-admin";
import { lookUpOrders } from "@/lib/orders/order-lookup";
import { draftEvent, organizationWithCallers } from "../support/access-fixtures";
import { createUserWithToken, uniqueSlug } from "../support/factories";

const actorOf = (user: { id: string; email: string; name: string; role: Actor["role"] }): Actor => ({
  userId: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  via: "session",
});
const newActor = async (role: Actor["role"]) => actorOf((await createUserWithToken(role)).user);

const application = (name = `Club ${randomUUID().slice(0, 6)}`) =>
  applicationInput.parse({ organizationName: name, website: "club.example", about: "Jazz nights every Friday." });

/** Delivers the application e-mails queued so far (their topic only) to the dev mailbox. */
const deliverApplicationEmails = () =>
  drainOutbox(db, { [APPLICATION_EMAIL_TOPIC]: applicationEmailHandler(db, devMailboxSender(db), "http://test") });

describe("organizer applications", () => {
  it("approving makes the organization with the applicant as OWNER and an ORGANIZER, tells them, and cannot happen twice", async () => {
    const admin = await newActor("ADMIN");
    const fan = await newActor("FAN");
    const submitted = await submitApplication(db, fan, application());
    expect(submitted).toMatchObject({ status: "PENDING", website: "https://club.example" });
    const slug = uniqueSlug("club");

    const organization = await approveApplication(db, admin, { applicationId: submitted.id, slug });

    expect(organization).toMatchObject({ slug, name: submitted.organizationName });
    expect(await organizationsOf(db, { ...fan, role: "ORGANIZER" })).toEqual([
      { id: organization.id, slug, name: submitted.organizationName, role: "OWNER" },
    ]);
    expect((await db.user.findUniqueOrThrow({ where: { id: fan.userId } })).role).toBe("ORGANIZER");
    expect(await latestApplication(db, fan.userId)).toMatchObject({
      status: "APPROVED",
      organization: { slug },
    });
    const audit = await listAuditEntries(db, { organizationId: organization.id }, { limit: 10 });
    expect(audit.entries.map((e) => e.action).sort()).toEqual([
      "organization.created",
      "organizer_application.approved",
    ]);

    await expect(
      approveApplication(db, admin, { applicationId: submitted.id, slug: uniqueSlug("again") }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(rejectApplication(db, admin, { applicationId: submitted.id, reason: "late" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await db.membership.count({ where: { userId: fan.userId } })).toBe(1);

    await deliverApplicationEmails();
    const mail = (await listDevMail(db, { to: fan.email, limit: 5 }))[0];
    expect(mail?.subject).toContain("You're an organizer");
    expect(mail?.text).toContain(`http://test/organizer/${slug}`);
  });

  it("two admins approving at the same moment make one organization", async () => {
    const [first, second] = [await newActor("ADMIN"), await newActor("ADMIN")];
    const fan = await newActor("FAN");
    const { id } = await submitApplication(db, fan, application());
    const results = await Promise.allSettled([
      approveApplication(db, first, { applicationId: id, slug: uniqueSlug("race") }),
      approveApplication(db, second, { applicationId: id, slug: uniqueSlug("race") }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.membership.count({ where: { userId: fan.userId } })).toBe(1);
  });

  it("an approval whose slug is taken changes nothing: no organization, no role, still pending", async () => {
    const admin = await newActor("ADMIN");
    const fan = await newActor("FAN");
    const { id } = await submitApplication(db, fan, application());
    const { organization } = await organizationWithCallers();
    await expect(approveApplication(db, admin, { applicationId: id, slug: organization.slug })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { fields: { slug: expect.any(Array) } },
    });
    expect(await latestApplication(db, fan.userId)).toMatchObject({ status: "PENDING", organization: null });
    expect((await db.user.findUniqueOrThrow({ where: { id: fan.userId } })).role).toBe("FAN");
    expect(await db.membership.count({ where: { userId: fan.userId } })).toBe(0);
  });

  it("one open application per user; a rejection tells them why and lets them apply again", async () => {
    const admin = await newActor("ADMIN");
    const fan = await newActor("FAN");
    const { id } = await submitApplication(db, fan, application());
    await expect(submitApplication(db, fan, application())).rejects.toMatchObject({ code: "CONFLICT" });

    await rejectApplication(db, admin, { applicationId: id, reason: "We could not find your events." });
    expect(await latestApplication(db, fan.userId)).toMatchObject({
      status: "REJECTED",
      rejectionReason: "We could not find your events.",
    });
    const [entry] = (await listAuditEntries(db, { entityId: id }, { limit: 5 })).entries;
    expect(entry).toMatchObject({ action: "organizer_application.rejected", organizationId: null });
    await deliverApplicationEmails();
    const mail = (await listDevMail(db, { to: fan.email, limit: 5 }))[0];
    expect(mail?.text).toContain("We could not find your events.");

    expect((await submitApplication(db, fan, application())).status).toBe("PENDING");
  });
});

describe("organizations", () => {
  it("an admin creates one with an owner, then hands it to another owner; the first stays on as a manager", async () => {
    const admin = await newActor("ADMIN");
    const [first, second] = [await newActor("FAN"), await newActor("FAN")];
    const slug = uniqueSlug("made");
    const organization = await createOrganization(db, admin, { name: "Made Here", slug, ownerId: first.userId });
    await expect(createOrganization(db, admin, { name: "Twin", slug, ownerId: second.userId })).rejects.toMatchObject({
      code: "CONFLICT",
    });

    await setOrganizationOwner(db, admin, { organizationId: organization.id, ownerId: second.userId, replace: true });

    const roles = await db.membership.findMany({
      where: { organizationId: organization.id },
      select: { userId: true, role: true },
    });
    expect(Object.fromEntries(roles.map((m) => [m.userId, m.role]))).toEqual({
      [first.userId]: "MANAGER",
      [second.userId]: "OWNER",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: second.userId } })).role).toBe("ORGANIZER");
    const audit = await listAuditEntries(db, { organizationId: organization.id }, { limit: 5 });
    expect(audit.entries.map((e) => e.action)).toEqual(["organization.owner_changed", "organization.created"]);
    expect(audit.entries[0]!.data).toMatchObject({
      before: { ownerIds: [first.userId] },
      after: { ownerIds: [second.userId] },
    });
  });
});

describe("outbox retry", () => {
  it("sends a failed message again now, with fresh attempts, and refuses a delivered one", async () => {
    const admin = await newActor("ADMIN");
    const topic = `test.${randomUUID()}`;
    const now = new Date();
    const { id } = await enqueueOutbox(db, { topic, payload: {} });
    await db.outboxMessage.update({
      where: { id },
      data: {
        status: "FAILED",
        attempts: 8,
        lastError: "provider down",
        availableAt: new Date(now.getTime() + 60_000),
      },
    });
    const trouble = await listOutboxMessages(db, { view: "trouble", now, page: { limit: 500 } });
    expect(trouble.items.map((m) => m.id)).toContain(id);

    await retryOutboxMessage(db, { messageId: id, now, adminId: admin.userId });
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "PENDING",
      attempts: 0,
      availableAt: now,
      lastError: "provider down",
    });
    const delivered: string[] = [];
    await drainOutbox(db, { [topic]: async () => void delivered.push(id) }, { now });
    expect(delivered).toEqual([id]);
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id } })).status).toBe("DONE");

    await expect(retryOutboxMessage(db, { messageId: id, now, adminId: admin.userId })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const entries = (await listAuditEntries(db, { entityId: id }, { limit: 5 })).entries;
    expect(entries.map((e) => [e.action, e.organizationId])).toEqual([["outbox_message.retried", null]]);
  });

  it("lists a pending message long past due as needing attention, and a fresh one not", async () => {
    const topic = `test.${randomUUID()}`;
    const now = new Date();
    const stuck = await enqueueOutbox(db, { topic, payload: {}, availableAt: new Date(now.getTime() - 3600_000) });
    const fresh = await enqueueOutbox(db, { topic, payload: {}, availableAt: now });
    const ids = (await listOutboxMessages(db, { view: "trouble", now, page: { limit: 1000 } })).items.map((m) => m.id);
    expect(ids).toContain(stuck.id);
    expect(ids).not.toContain(fresh.id);
    await db.outboxMessage.updateMany({ where: { topic }, data: { status: "DONE" } });
  });
});

describe("order lookup across organizations", () => {
  it("finds an order by its id, a ticket code, and the buyer's e-mail in any case", async () => {
    const w = await organizationWithCallers();
    const { eventId, ticketTypeId } = await draftEvent(w, "PUBLISHED");
    const buyer = w.callers.fan.user;
    const order = await db.order.create({
      data: {
        userId: buyer.id,
        eventId,
        status: "PAID",
        email: buyer.email,
        currency: "USD",
        subtotalMinor: 1_000,
        feesMinor: 0,
        totalMinor: 1_000,
      },
    });
    const item = await db.orderItem.create({
      data: { orderId: order.id, ticketTypeId, quantity: 1, unitPriceMinor: 1_000, unitFeeMinor: 0 },
    });
    const code = `T-${randomUUID()}`;
    await db.ticket.create({ data: { code, orderId: order.id, orderItemId: item.id, eventId, ticketTypeId } });

    const found = async (query: string) =>
      (await lookUpOrders(db, { query, page: { limit: 10 } })).items.map((o) => o.id);
    expect(await found(order.id)).toEqual([order.id]);
    expect(await found(code)).toEqual([order.id]);
    expect(await found(`#${order.number}`)).toEqual([order.id]);
    expect(await found(String(order.number))).toEqual([order.id]);
    expect(await found(buyer.email.toUpperCase())).toEqual([order.id]);
    expect(await found(`  ${buyer.email} `)).toEqual([order.id]);
    expect(await found("nobody@example.test")).toEqual([]);
    expect(await found("")).toEqual([]);
    const [row] = (await lookUpOrders(db, { query: code, page: { limit: 1 } })).items;
    expect(row?.event.organization.slug).toBe(w.organization.slug);
  });
});

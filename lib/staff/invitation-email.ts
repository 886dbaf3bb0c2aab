import "server-only";
import { z } from "zod";
import type { DbOrTx } from "@/lib/db";
import type { EmailSender } from "@/lib/notifications/email/types";
import { enqueueOutbox, type OutboxHandler } from "@/lib/notifications/outbox";
import { escapeHtml } from "@/lib/notifications/email/html";

export const STAFF_INVITATION_TOPIC = "email.staff-invitation";

const ROLE_WORDS = { OWNER: "an owner", MANAGER: "a manager", CHECK_IN: "check-in staff" } as const;

const invitationEmailPayload = z.object({
  to: z.string(),
  organizationName: z.string(),
  inviterName: z.string(),
  role: z.enum(["OWNER", "MANAGER", "CHECK_IN"]),
  link: z.string(),
  expiresAt: z.string(),
});
export type InvitationEmail = z.infer<typeof invitationEmailPayload>;

/** Queues the invitation e-mail in the caller's transaction: no invitation without its e-mail, nor the reverse. */
export function enqueueInvitationEmail(db: DbOrTx, email: InvitationEmail) {
  return enqueueOutbox(db, { topic: STAFF_INVITATION_TOPIC, payload: email });
}

export function invitationEmailHandler(sender: EmailSender): OutboxHandler {
  return async (raw) => {
    const email = invitationEmailPayload.parse(raw);
    const expires = new Date(email.expiresAt).toUTCString();
    const invite = `${email.inviterName} invited you to join ${email.organizationName} on Marquee as ${ROLE_WORDS[email.role]}.`;
    const how = `Accept the invitation here (sign in or create an account with this e-mail address): ${email.link}`;
    const until = `The link works once and expires on ${expires}.`;
    await sender.send({
      to: email.to,
      subject: `Join ${email.organizationName} on Marquee`,
      text: [invite, how, until].join("\n\n"),
      html: `<p>${escapeHtml(invite)}</p><p><a href="${escapeHtml(email.link)}">Accept the invitation</a> (sign in or create an account with this e-mail address).</p><p>${escapeHtml(until)}</p>`,
    });
  };
}

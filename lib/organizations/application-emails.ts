import "server-only";
import { z } from "zod";
import type { Db, DbOrTx } from "@/lib/db";
import { escapeHtml } from "@/lib/notifications/email/html";
import type { EmailSender } from "@/lib/notifications/email/types";
import { enqueueOutbox, type OutboxHandler } from "@/lib/notifications/outbox";

/** The answer to an organizer application, approved or rejected: the handler reads which from the row. */
export const APPLICATION_EMAIL_TOPIC = "email.organizer_application";

const applicationEmailPayload = z.object({ applicationId: z.string() });

export function enqueueApplicationEmail(db: DbOrTx, payload: z.infer<typeof applicationEmailPayload>) {
  return enqueueOutbox(db, { topic: APPLICATION_EMAIL_TOPIC, payload });
}

export function applicationEmailHandler(db: Db, sender: EmailSender, appUrl: string): OutboxHandler {
  return async (raw) => {
    const { applicationId } = applicationEmailPayload.parse(raw);
    const application = await db.organizerApplication.findUniqueOrThrow({
      where: { id: applicationId },
      select: {
        organizationName: true,
        status: true,
        rejectionReason: true,
        user: { select: { email: true, name: true } },
        organization: { select: { slug: true } },
      },
    });
    const approved = application.status === "APPROVED";
    const link = approved ? `${appUrl}/organizer/${application.organization?.slug ?? ""}` : `${appUrl}/for-organizers`;
    const lines = approved
      ? [
          `Your application for ${application.organizationName} is approved: you can now sell tickets on Marquee.`,
          `Your organization's dashboard: ${link}`,
        ]
      : [
          `Your application for ${application.organizationName} was not approved.`,
          `The reason: ${application.rejectionReason ?? ""}`,
          `You may apply again: ${link}`,
        ];
    await sender.send({
      to: application.user.email,
      subject: approved
        ? `You're an organizer on Marquee: ${application.organizationName}`
        : `Your organizer application for ${application.organizationName}`,
      text: [`Hi ${application.user.name},`, "", ...lines, ""].join("\n"),
      html: [`<p>Hi ${escapeHtml(application.user.name)},</p>`, ...lines.map((l) => `<p>${escapeHtml(l)}</p>`)].join(
        "",
      ),
    });
  };
}

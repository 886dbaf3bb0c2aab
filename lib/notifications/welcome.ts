import "server-only";
import { z } from "zod";
import type { DbOrTx } from "@/lib/db";
import { enqueueOutbox, type OutboxHandler } from "./outbox";
import { escapeHtml } from "./email/html";
import type { EmailSender } from "./email/types";

export const WELCOME_TOPIC = "email.welcome";

const welcomePayload = z.object({ email: z.string(), name: z.string(), appUrl: z.string() });

export function enqueueWelcomeEmail(db: DbOrTx, payload: z.infer<typeof welcomePayload>) {
  return enqueueOutbox(db, { topic: WELCOME_TOPIC, payload });
}

export function welcomeEmailHandler(sender: EmailSender): OutboxHandler {
  return async (raw) => {
    const { email, name, appUrl } = welcomePayload.parse(raw);
    await sender.send({
      to: email,
      subject: "Welcome to Marquee",
      text: `Hi ${name},\n\nYour Marquee account is ready. Find your next night out at ${appUrl}.\n`,
      html: `<p>Hi ${escapeHtml(name)},</p><p>Your Marquee account is ready. <a href="${escapeHtml(appUrl)}">Find your next night out</a>.</p>`,
    });
  };
}

import "server-only";
import type { DbOrTx } from "@/lib/db";
import type { Email, EmailSender } from "./types";

/** The embedded default: e-mails are stored and shown at /dev/mailbox instead of sent. */
export function devMailboxSender(db: DbOrTx): EmailSender {
  return {
    name: "dev-mailbox",
    async send(email: Email) {
      await db.devMail.create({ data: email });
    },
  };
}

export function listDevMail(db: DbOrTx, options: { to?: string; limit: number }) {
  return db.devMail.findMany({
    where: options.to === undefined ? {} : { to: options.to },
    orderBy: { createdAt: "desc" },
    take: options.limit,
  });
}

import "server-only";
import type { Config } from "@/lib/config";
import type { DbOrTx } from "@/lib/db";
import { devMailboxSender } from "./dev-mailbox";
import { resendSender } from "./resend";
import type { EmailSender } from "./types";

export function emailSenderFor(config: Config, db: DbOrTx): EmailSender {
  return config.RESEND_API_KEY
    ? resendSender({ apiKey: config.RESEND_API_KEY, from: config.EMAIL_FROM })
    : devMailboxSender(db);
}

import "server-only";
import { Resend } from "resend";
import type { Email, EmailSender } from "./types";

export function resendSender(options: { apiKey: string; from: string; baseUrl?: string }): EmailSender {
  const client = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  return {
    name: "resend",
    async send(email: Email) {
      const { error } = await client.emails.send({ from: options.from, ...email });
      // Thrown so the outbox retries with back-off.
      if (error) throw new Error(`Resend refused the e-mail: ${error.name}: ${error.message}`);
    },
  };
}

export type Email = { to: string; subject: string; html: string; text: string };

export interface EmailSender {
  readonly name: "dev-mailbox" | "resend";
  send(email: Email): Promise<void>;
}

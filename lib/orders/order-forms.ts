import { z } from "zod";
import { majorToMinor } from "@/lib/events/event-schemas";
import { minorUnitDigits } from "@/lib/money";
import type { RefundRequest } from "./organizer-refund";

// The dashboard's order forms: strings in, the API's shapes out (lib/orders/organizer-refund.ts).

const orgSlug = z.string().regex(/^[a-z0-9-]{1,100}$/);
const id = z.string().min(1).max(200);

export const orderForm = z.object({ orgSlug, orderId: id });

export const orderNoteForm = orderForm.extend({ body: z.string().trim().min(1, "Write the note first.").max(2000) });

/**
 * The refund form: `mode` chooses tickets (checkboxes named `ticket-<id>`, so the form works
 * without JavaScript and FormData's one-value-per-name is no obstacle) or an amount in major
 * units of the order's currency. The idempotency key is rendered with the form, so a double
 * click or a resubmitted page sends the same key and refunds once.
 */
export const refundForm = z
  .looseObject({
    orgSlug,
    orderId: id,
    idempotencyKey: z.string().min(1).max(255),
    currency: z.string().regex(/^[A-Z]{3}$/),
    mode: z.enum(["tickets", "amount"]),
    amount: z.string().optional(),
    reason: z.string().trim().min(1, "Say why; the buyer sees it.").max(500),
    keepSeatsOffSale: z.string().optional(),
  })
  .transform((form, ctx) => {
    const ticketIds = Object.keys(form)
      .filter((key) => key.startsWith("ticket-"))
      .map((key) => key.slice("ticket-".length));
    const base = { reason: form.reason, keepSeatsOffSale: form.keepSeatsOffSale === "on" };
    let request: RefundRequest;
    if (form.mode === "tickets") {
      if (ticketIds.length === 0) {
        ctx.addIssue({ code: "custom", path: ["tickets"], message: "Tick the tickets to refund." });
        return z.NEVER;
      }
      request = { ...base, ticketIds };
    } else {
      const amountMinor = majorToMinor(form.amount ?? "", minorUnitDigits(form.currency));
      if (!amountMinor) {
        ctx.addIssue({ code: "custom", path: ["amount"], message: "Enter an amount, e.g. 12.50." });
        return z.NEVER;
      }
      request = { ...base, amountMinor };
    }
    return { orgSlug: form.orgSlug, orderId: form.orderId, idempotencyKey: form.idempotencyKey, request };
  });

import { json, route } from "@/lib/http";
import { paymentServices } from "@/lib/payments";
import { handleStripeWebhook } from "@/lib/payments/webhooks/handle";
import { readBodyText, WEBHOOK_BODY_LIMIT_BYTES } from "@/lib/request-body";

// Stripe signs the exact bytes it sent, so the body is read raw, never parsed first,
// and at most 1 MB of it (anyone can POST here before the signature is checked).
export const POST = route({ access: "public" }, async ({ request }) => {
  const rawBody = await readBodyText(request, WEBHOOK_BODY_LIMIT_BYTES);
  const outcome = await handleStripeWebhook(
    paymentServices().webhookDeps,
    rawBody,
    request.headers.get("stripe-signature"),
  );
  return json(outcome);
});

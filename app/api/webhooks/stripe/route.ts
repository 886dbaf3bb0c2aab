import { json, route } from "@/lib/http";
import { handleStripeWebhook } from "@/lib/orders/webhooks/handle";
import { readBodyText, WEBHOOK_BODY_LIMIT_BYTES } from "@/lib/request-body";
import { services } from "@/lib/services";

// Stripe signs the exact bytes it sent, so the body is read raw, never parsed first,
// and at most 1 MB of it (anyone can POST here before the signature is checked).
export const POST = route({ access: "public" }, async ({ request }) => {
  const rawBody = await readBodyText(request, WEBHOOK_BODY_LIMIT_BYTES);
  return json(await handleStripeWebhook(services(), rawBody, request.headers.get("stripe-signature")));
});

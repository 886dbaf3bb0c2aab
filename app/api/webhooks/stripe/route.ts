import { json, route } from "@/lib/http";
import { handleStripeWebhook } from "@/lib/orders/webhooks/handle";
import { services } from "@/lib/services";

// Stripe signs the exact bytes it sent, so the body is read raw, never parsed first.
export const POST = route({ access: "public" }, async ({ request }) => {
  const rawBody = await request.text();
  return json(await handleStripeWebhook(services(), rawBody, request.headers.get("stripe-signature")));
});

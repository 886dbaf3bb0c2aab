import { json, route } from "@/lib/http";
import { paymentServices } from "@/lib/payments";
import { handleStripeWebhook } from "@/lib/payments/webhooks/handle";

// Stripe signs the exact bytes it sent, so the body is read raw, never parsed first.
export const POST = route({ access: "public" }, async ({ request }) => {
  const rawBody = await request.text();
  const outcome = await handleStripeWebhook(
    paymentServices().webhookDeps,
    rawBody,
    request.headers.get("stripe-signature"),
  );
  return json(outcome);
});

import { json, route } from "@/lib/http";
import { requestEmailVerification } from "@/lib/auth/email-verification";
import { services } from "@/lib/services";

/** E-mails the caller a link confirming their address: 202 `{ sentTo }`, or 200 `{ alreadyVerified: true }`. */
export const POST = route({ access: "signed-in" }, async ({ actor }) => {
  const outcome = await requestEmailVerification(services(), { userId: actor.userId });
  return json(outcome, "alreadyVerified" in outcome ? 200 : 202);
});

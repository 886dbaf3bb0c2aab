import { listApiTokens, issueApiToken } from "@/lib/auth/tokens";
import { tokenRequestInput } from "@/lib/auth/schemas";
import { verifyCredentials } from "@/lib/auth/users";
import { AppError } from "@/lib/errors";
import { json, route } from "@/lib/http";
import { services } from "@/lib/services";

export const POST = route({ access: "public", body: tokenRequestInput }, async ({ body }) => {
  const user = await verifyCredentials(services().db, body);
  if (!user) throw new AppError("UNAUTHENTICATED", "The e-mail or password is wrong.");
  const token = await issueApiToken(services().db, { userId: user.id, name: body.name });
  return json(token, 201, { "cache-control": "no-store" });
});

export const GET = route({ access: "signed-in" }, async ({ actor }) => {
  return json({ items: await listApiTokens(services().db, actor.userId) });
});

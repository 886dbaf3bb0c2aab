import { tokenRequestInput } from "@/lib/auth/schemas";
import { exchangeCredentialsForToken } from "@/lib/auth/sign-in";
import { listApiTokens } from "@/lib/auth/tokens";
import { json, route } from "@/lib/http";
import { services } from "@/lib/services";

export const POST = route({ access: "public", body: tokenRequestInput }, async ({ body, clientIp }) => {
  const token = await exchangeCredentialsForToken(services(), { ...body, clientIp });
  return json(token, 201, { "cache-control": "no-store" });
});

export const GET = route({ access: "signed-in" }, async ({ actor }) => {
  return json({ items: await listApiTokens(services().db, actor.userId) });
});

import { idParams } from "@/lib/http-params";
import { revokeApiToken } from "@/lib/auth/tokens";
import { route } from "@/lib/http";
import { services } from "@/lib/services";

export const DELETE = route({ access: "signed-in", params: idParams("tokenId") }, async ({ actor, params }) => {
  await revokeApiToken(services().db, { userId: actor.userId, tokenId: params.tokenId });
  return new Response(null, { status: 204 });
});

import { z } from "zod";
import { revokeApiToken } from "@/lib/auth/tokens";
import { route } from "@/lib/http";
import { services } from "@/lib/services";

export const DELETE = route(
  { access: "signed-in", params: z.object({ tokenId: z.string().min(1).max(64) }) },
  async ({ actor, params }) => {
    await revokeApiToken(services().db, { userId: actor.userId, tokenId: params.tokenId });
    return new Response(null, { status: 204 });
  },
);

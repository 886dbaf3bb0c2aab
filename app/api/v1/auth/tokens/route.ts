import { listApiTokens, issueApiToken } from "@/lib/auth/tokens";
import { tokenRequestInput } from "@/lib/auth/schemas";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { json, route } from "@/lib/http";
import { rateLimiter } from "@/lib/rate-limit";

export const POST = route({ access: "public", body: tokenRequestInput }, async ({ body, clientIp }) => {
  const user = await signInWithPassword({ db, limiter: rateLimiter() }, { ...body, clientIp });
  if (!user) throw new AppError("UNAUTHENTICATED", "The e-mail or password is wrong.");
  const token = await issueApiToken(db, { userId: user.id, name: body.name });
  return json(token, 201, { "cache-control": "no-store" });
});

export const GET = route({ access: "signed-in" }, async ({ actor }) => {
  return json({ items: await listApiTokens(db, actor.userId) });
});

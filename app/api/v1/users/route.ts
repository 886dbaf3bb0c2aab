import { signUpInput } from "@/lib/auth/schemas";
import { signUp } from "@/lib/auth/sign-up";
import { db } from "@/lib/db";
import { json, route } from "@/lib/http";
import { rateLimiter } from "@/lib/rate-limit";

export const POST = route({ access: "public", body: signUpInput }, async ({ body, clientIp }) => {
  const user = await signUp({ db, limiter: rateLimiter() }, { ...body, clientIp });
  return json({ user }, 201, { location: `/api/v1/users/${user.id}` });
});

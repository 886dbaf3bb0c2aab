import { signUpInput } from "@/lib/auth/schemas";
import { signUp } from "@/lib/auth/sign-up";
import { json, route } from "@/lib/http";
import { services } from "@/lib/services";

export const POST = route({ access: "public", body: signUpInput }, async ({ body, clientIp }) => {
  const user = await signUp(services(), { ...body, clientIp });
  return json({ user }, 201, { location: `/api/v1/users/${user.id}` });
});

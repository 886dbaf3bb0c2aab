import { json, route } from "@/lib/http";

export const GET = route({ access: "signed-in" }, async ({ actor }) => {
  const { userId, email, name, role } = actor;
  return json({ user: { id: userId, email, name, role } });
});

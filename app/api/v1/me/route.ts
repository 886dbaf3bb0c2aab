import { hasDashboard } from "@/lib/auth/memberships";
import { json, route } from "@/lib/http";
import { services } from "@/lib/services";

export const GET = route({ access: "signed-in" }, async ({ actor }) => {
  const { userId, email, name, role } = actor;
  return json({ user: { id: userId, email, name, role, dashboard: await hasDashboard(services().db, actor) } });
});

import { json, route } from "@/lib/http";
import { services } from "@/lib/services";
import { suggestParamsInput } from "@/lib/search/schemas";

export const GET = route({ access: "public", query: suggestParamsInput }, async ({ query }) => {
  const items = await services().search.suggest(query.q, { limit: query.limit, now: services().clock() });
  return json({ items }, 200, { "cache-control": "public, max-age=30" });
});

import { json, route } from "@/lib/http";
import { searchEngine } from "@/lib/search";
import { suggestParamsInput } from "@/lib/search/schemas";

export const GET = route({ access: "public", query: suggestParamsInput }, async ({ query }) => {
  const items = await searchEngine().suggest(query.q, { limit: query.limit, now: new Date() });
  return json({ items }, 200, { "cache-control": "public, max-age=30" });
});

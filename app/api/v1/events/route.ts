import { json, route } from "@/lib/http";
import { services } from "@/lib/services";
import { searchParamsInput, toSearchQuery } from "@/lib/search/schemas";

export const GET = route({ access: "public", query: searchParamsInput }, async ({ query }) => {
  const result = await services().search.search(toSearchQuery(query, services().clock()));
  return json(result, 200, { "cache-control": "public, max-age=10, stale-while-revalidate=30" });
});

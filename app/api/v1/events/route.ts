import { json, route } from "@/lib/http";
import { searchEngine } from "@/lib/search";
import { searchParamsInput, toSearchQuery } from "@/lib/search/schemas";

export const GET = route({ access: "public", query: searchParamsInput }, async ({ query }) => {
  const result = await searchEngine().search(toSearchQuery(query, new Date()));
  return json(result, 200, { "cache-control": "public, max-age=10, stale-while-revalidate=30" });
});

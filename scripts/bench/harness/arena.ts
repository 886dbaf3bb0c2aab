// Finds the demo's arena shows through the public API, as a client would, and which of their seats are free.
import { HttpClient, jsonOf } from "./http";

export type ArenaEvent = { id: string; slug: string; perFanLimit: number; freeSeatIds: string[] };

const TITLE = "The Velvet Comets: World Tour";

async function getJson<T>(client: HttpClient, path: string): Promise<T> {
  const result = await client.request("GET", path);
  const body = jsonOf<T>(result);
  if (result.status !== 200 || !body)
    throw new Error(`GET ${path} → ${result.status} ${result.body.toString().slice(0, 200)}`);
  return body;
}

/** The two 5,660-seat arena shows, soonest first, with the seats that are neither sold nor held right now. */
export async function findArenaEvents(baseUrl: string): Promise<[ArenaEvent, ArenaEvent]> {
  const client = new HttpClient(baseUrl, 2);
  try {
    const search = await getJson<{ items: { id: string; slug: string; title: string; startsAt: string }[] }>(
      client,
      `/api/v1/events?${new URLSearchParams({ q: "Velvet Comets", sort: "date", pageSize: "50" })}`,
    );
    const shows = search.items.filter((e) => e.title === TITLE);
    if (shows.length < 2)
      throw new Error(`Expected two "${TITLE}" events in the demo catalogue, found ${shows.length}`);
    const events = await Promise.all(
      shows.slice(0, 2).map(async (show) => {
        const details = await getJson<{ perOrderLimit?: number }>(client, `/api/v1/events/${show.id}`);
        const seats = await getJson<{ seats: { id: string; status: string }[] }>(
          client,
          `/api/v1/events/${show.id}/seats`,
        );
        return {
          id: show.id,
          slug: show.slug,
          perFanLimit: details.perOrderLimit ?? 8,
          freeSeatIds: seats.seats.filter((s) => s.status === "AVAILABLE").map((s) => s.id),
        };
      }),
    );
    return [events[0]!, events[1]!];
  } finally {
    client.close();
  }
}

/** Splits seats into `parts` disjoint slices (round-robin), so that fans working on different slices never collide. */
export function partition<T>(items: readonly T[], parts: number): T[][] {
  const slices: T[][] = Array.from({ length: parts }, () => []);
  items.forEach((item, i) => slices[i % parts]!.push(item));
  return slices;
}

/** `count` distinct random items of `items` (all of them if there are fewer). */
export function pickRandom<T>(items: readonly T[], count: number, random = Math.random): T[] {
  const pool = [...items];
  const picked: T[] = [];
  while (picked.length < count && pool.length) picked.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return picked;
}

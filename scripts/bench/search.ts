// Event search at catalogue scale: the PostgreSQL engine, the HTTP endpoint and a naive ILIKE baseline, measured in
// one run against one throwaway database. How to read the output: docs/performance.md.
// Usage: npm run bench:search [-- --events 5000] [--keep] [--demo]
// --keep loads the catalogue, prints the database URL and waits for Ctrl-C (for EXPLAIN ANALYZE by hand).
// --demo measures GET /api/v1/events on the demo catalogue instead (throughput of one app process).
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import pg from "pg";
import type { SearchQuery } from "@/lib/search/engine";
import type { SearchParams } from "@/lib/search/schemas";
import { categoriesOf, categoryTags, organizations, performers as demoActs, tourWords } from "@/prisma/demo/catalog";
import type { Category } from "@/prisma/demo/catalog";
import { seededRandom, slugify } from "@/prisma/demo/random";
import { applyMigrations } from "@/scripts/support/migrations";
import { startThrowawayPostgres } from "@/tests/support/services";

const DAY = 86_400_000;
const BATCH_ROWS = 2_000;
const WARMUP = 20;
const ROUNDS = 3; // passes over the query mix in each measured run
const CONCURRENCY = 8;
const CAP_MS = { sequential: 90_000, concurrent: 45_000 };
const QUERY_MIX = { exact: 40, prefix: 40, typo: 40, filtered: 30, faceted: 25, near: 25 };

// name|country|time zone|latitude|longitude
const CITIES = `New York|US|America/New_York|40.71|-74.01;Los Angeles|US|America/Los_Angeles|34.05|-118.24
Chicago|US|America/Chicago|41.88|-87.63;Houston|US|America/Chicago|29.76|-95.37;Phoenix|US|America/Phoenix|33.45|-112.07
Philadelphia|US|America/New_York|39.95|-75.17;San Diego|US|America/Los_Angeles|32.72|-117.16
Dallas|US|America/Chicago|32.78|-96.8;Austin|US|America/Chicago|30.27|-97.74;Seattle|US|America/Los_Angeles|47.61|-122.33
Denver|US|America/Denver|39.74|-104.99;Nashville|US|America/Chicago|36.16|-86.78;Boston|US|America/New_York|42.36|-71.06
Portland|US|America/Los_Angeles|45.52|-122.68;Atlanta|US|America/New_York|33.75|-84.39;Miami|US|America/New_York|25.76|-80.19
Minneapolis|US|America/Chicago|44.98|-93.27;New Orleans|US|America/Chicago|29.95|-90.07;Detroit|US|America/Detroit|42.33|-83.05
Las Vegas|US|America/Los_Angeles|36.17|-115.14;San Francisco|US|America/Los_Angeles|37.77|-122.42
Toronto|CA|America/Toronto|43.65|-79.38;Montréal|CA|America/Toronto|45.5|-73.57;Québec|CA|America/Toronto|46.81|-71.21
Vancouver|CA|America/Vancouver|49.28|-123.12;Ciudad de México|MX|America/Mexico_City|19.43|-99.13
Guadalajara|MX|America/Mexico_City|20.66|-103.35;London|GB|Europe/London|51.51|-0.13;Paris|FR|Europe/Paris|48.86|2.35
Berlin|DE|Europe/Berlin|52.52|13.41;München|DE|Europe/Berlin|48.14|11.58;Köln|DE|Europe/Berlin|50.94|6.96
Zürich|CH|Europe/Zurich|47.38|8.54;Wien|AT|Europe/Vienna|48.21|16.37;Kraków|PL|Europe/Warsaw|50.06|19.95
Sevilla|ES|Europe/Madrid|37.39|-5.98;São Paulo|BR|America/Sao_Paulo|-23.55|-46.63;Bogotá|CO|America/Bogota|4.71|-74.07
Reykjavík|IS|Atlantic/Reykjavik|64.15|-21.94;Malmö|SE|Europe/Stockholm|55.61|13`
  .split(/[;\n]/)
  .map((line) => line.split("|"))
  .map((f) => ({ name: f[0]!, country: f[1]!, timeZone: f[2]!, lat: Number(f[3]), lng: Number(f[4]) }));

// Word pools, combined pairwise into a few thousand performer names and ~300 venue names.
const POOL_TEXT = {
  first: `Luna Kai Mira Oskar Rosa Priya Dev Maggie Tomás José Zoë Chloé Renée Inés Björn Amélie Noah Ava Leo Isla Omar
    Yara Felix Nina Hugo Clara Mateo Elena Jonas Ingrid Rafael Sofia Marcus Aaliyah Theo Lena Diego Maya Arjun Keiko Samir
    Olivia Ezra Freya Milo Ruby Caleb Iris Jasper Hazel Nico Sienna Idris Camila Emeka`,
  last: `Marquez Okafor Lind Chen Delgado Raman Castellanos O'Connell Rivera Núñez Müller Gómez Sánchez Dubois Laurent
    Novak Kowalski Andersson Petrov Tanaka Nakamura Haddad Mensah Fitzgerald Whitaker Calloway Ashford Brennan Moreau Rossi
    Bianchi Costa Silva Santos Ferreira Lindqvist Hartmann Vogel Becker Ibarra Quintero Abernathy Holloway Pemberton
    Sinclair Vance Okoro Adeyemi Kimura Park`,
  adjective: `Velvet Neon Static Copper Glass Midnight Paper Saffron Brass Electric Silver Crimson Hollow Wild Golden
    Lunar Violet Rusty Northern Quiet Broken Crystal Scarlet Amber Cosmic Frozen Wandering Restless Emerald Hidden`,
  band: `Comets Pines Harbors Owls Ferries Skies Kites Lanterns Wolves Rivers Tides Echoes Foxes Canyons Sparrows
    Machines Satellites Shadows Horizons Orchards Ghosts Violets Giants Ravens Bandits`,
  mascot: `Harbormen Comets Armadillos Nighthawks Peaks Rollers Stingrays Grizzlies Falcons Mariners Thunder Wolves`,
  play: `Keeper Orchard Garden Tram Letter Mirror Crown Tempest Dream Waltz Mountain Bridge`,
  place: `Midnight Verona Saint-Malo Elsinore Montmartre Avalon Sevastopol Cádiz Lisboa Innisfree Arcadia Tiflis`,
  kids: `Dinosaurs Bubbles Puppets Pirates Robots Dragons Mermaids Magicians Acrobats Astronauts`,
  show: `Live Adventure Show Spectacular`,
  venueWord: `Hudson Lantern Emerald Copper Riverside Harbor Golden Summit Velvet Crystal Magnolia Cedar Orchard Liberty
    Union Majestic Paramount Orpheum Lyric Beacon Aurora Meridian Sterling Château Café Élysée Royal Bluebird Phoenix Grand`,
  venueKind: `Arena Hall Theatre Ballroom Pavilion Amphitheater Stage Club Fieldhouse Playhouse Garden Stadium Lounge`,
};
const POOLS = Object.fromEntries(
  Object.entries(POOL_TEXT).map(([key, text]) => [key, text.trim().split(/\s+/)]),
) as Record<keyof typeof POOL_TEXT, string[]>;
const BLURBS =
  `A night of new songs and old favourites. | Expect a packed house and a late finish. | Special guests to be
  announced. | Accessible seating is available on request. | Recorded live for an upcoming album. | Limited merchandise
  available at the venue. | Bag policy applies; arrive early for security checks.`.split(/\s*\|\s*/);

const COLUMNS = {
  organizations: "id slug name updatedAt",
  venues: "id organizationId slug name address city country timeZone latitude longitude updatedAt",
  events: `id organizationId venueId slug title description performers category tags status
    startsAt endsAt onSaleAt cancelledAt updatedAt`,
  ticket_types: "id eventId name kind priceMinor feeMinor currency capacity sold sortOrder updatedAt",
};

type QueryClass = keyof typeof QUERY_MIX;
type Spec = { cls: QueryClass; params: Record<string, string>; parsed: SearchParams };
type Sample = { spec: Spec; ms: number; hits: number };
type Run = { samples: Sample[]; seconds: number; capped: boolean };
type Call = (spec: Spec) => Promise<number>;
const TARGETS = ["engine", "http", "baseline"] as const;
type Target = (typeof TARGETS)[number];
type Catalogue = ReturnType<typeof buildCatalogue>;

const iso = (date: Date) => date.toISOString();
const dateOnly = (date: Date) => iso(date).slice(0, 10);
const later = (date: Date, days: number) => new Date(date.getTime() + days * DAY);

/** Venues, events and ticket types as rows ready to insert, plus what the query mix is drawn from. Same seed, same data. */
function buildCatalogue(count: number, today: Date) {
  const { next, int, pick } = seededRandom(20261124);
  const shuffled = (items: string[]) => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = int(0, i);
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  };
  const combos = (a: string[], b: string[], join: (x: string, y: string) => string, take: number) =>
    shuffled(a.flatMap((x) => b.map((y) => join(x, y)))).slice(0, take);
  const people = combos(POOLS.first, POOLS.last, (first, last) => `${first} ${last}`, 1_800);
  const bands = combos(POOLS.adjective, POOLS.band, (a, n) => (next() < 0.6 ? `The ${a} ${n}` : `${a} ${n}`), 1_000);
  const cities = CITIES.map((c) => c.name);
  const pool: Record<Category, string[]> = {
    CONCERT: [...demoActs.CONCERT, ...people.slice(0, 1_500), ...bands],
    COMEDY: [...demoActs.COMEDY, ...people.slice(1_500)],
    SPORTS: [...demoActs.SPORTS, ...combos(cities, POOLS.mascot, (city, team) => `${city} ${team}`, 240)],
    THEATRE: [...demoActs.THEATRE, ...combos(POOLS.play, POOLS.place, (p, at) => `The ${p} of ${at}`, 120)],
    FAMILY: [
      ...demoActs.FAMILY,
      ...combos(POOLS.adjective, POOLS.kids, (a, k) => `${a} ${k} ${pick(POOLS.show)}`, 200),
    ],
  };
  // Popularity is skewed, as in a real catalogue: a few acts play often, most rarely.
  const popular = (items: string[]) => items[Math.floor(next() ** 2 * items.length)]!;
  const venues = Array.from({ length: 300 }, (_, i) => {
    const city = CITIES[i % CITIES.length]!;
    const kind = pick(POOLS.venueKind);
    const name = next() < 0.2 ? `${city.name} ${kind}` : `${pick(POOLS.venueWord)} ${kind}`;
    return { id: `bench-venue-${i}`, org: (i % 3) as 0 | 1 | 2, name, city };
  });
  const venueRows = venues.map(({ id, org, name, city }, i) => [
    ...[id, `bench-org-${org}`, `${slugify(`${name} ${city.name}`)}-${i}`, name, `${i + 1} Main St`, city.name],
    ...[city.country, city.timeZone, city.lat + (next() - 0.5) * 0.1, city.lng + (next() - 0.5) * 0.1, iso(today)],
  ]);
  const events: { venue: (typeof venues)[number]; category: Category; acts: string[]; startsAt: Date }[] = [];
  const eventRows: unknown[][] = [];
  const ticketRows: unknown[][] = [];
  for (let i = 0; i < count; i++) {
    const venue = pick(venues);
    const category = pick(categoriesOf[venue.org]);
    const acts = [popular(pool[category])];
    if (category === "SPORTS" || (category === "CONCERT" && next() < 0.3)) acts.push(popular(pool[category]));
    const lineup = [...new Set(acts)];
    const headline = category === "SPORTS" ? lineup.join(" vs ") : lineup[0]!;
    const suffix = pick(tourWords[category]);
    const title = suffix ? `${headline}: ${suffix}` : headline;
    const day = later(today, next() < 0.08 ? -int(1, 120) : int(0, 364));
    const startsAt = new Date(day.getTime() + int(17, 23) * 3_600_000);
    const status = i % 37 === 5 ? "DRAFT" : i % 53 === 11 ? "CANCELLED" : "PUBLISHED";
    const verb = category === "SPORTS" ? "take the field" : "come";
    const description = `${lineup.join(" and ")} ${verb} to ${venue.name} in ${venue.city.name}. ${pick(BLURBS)}`;
    const tags = [...new Set([pick(categoryTags[category]), pick(categoryTags[category])])];
    const [id, ends] = [`bench-event-${i}`, new Date(startsAt.getTime() + int(2, 3) * 3_600_000)];
    if (status === "PUBLISHED") events.push({ venue, category, acts: lineup, startsAt });
    eventRows.push([id, `bench-org-${venue.org}`, venue.id, `${slugify(title)}-${i}`, title, description, lineup]);
    eventRows[i]!.push(category, tags, status, iso(startsAt), iso(ends), iso(later(startsAt, -60)));
    eventRows[i]!.push(status === "CANCELLED" ? iso(today) : null, iso(today));
    const base = int(2, 30) * 500 - 100; // $9 … $149
    const soldOut = next() < 0.05;
    ["General Admission", "Balcony", "VIP"].slice(0, int(1, 3)).forEach((name, order) => {
      const [price, capacity] = [[base, base + 1_000, base * 3][order]!, int(4, 40) * 25];
      const fee = Math.round((price * 0.12) / 50) * 50;
      const sold = soldOut ? capacity : int(0, capacity);
      ticketRows.push([`${id}-${order}`, id, name, "GENERAL_ADMISSION", price, fee, "USD", capacity, sold, order]);
      ticketRows[ticketRows.length - 1]!.push(iso(today));
    });
  }
  return { pool, venues, venueRows, events, eventRows, ticketRows };
}

/** Multi-row INSERTs of BATCH_ROWS rows: the search triggers run for every row, as they do in production. */
async function insertRows(client: pg.Client, table: keyof typeof COLUMNS, rows: unknown[][]) {
  const columns = COLUMNS[table].trim().split(/\s+/);
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const values: unknown[] = [];
    const tuples = rows.slice(start, start + BATCH_ROWS).map((row) => row.map((v) => `$${values.push(v)}`).join(", "));
    const names = columns.map((c) => `"${c}"`).join(", ");
    await client.query(`INSERT INTO ${table} (${names}) VALUES (${tuples.join("), (")})`, values);
  }
}

async function loadCatalogue(client: pg.Client, catalogue: Catalogue, today: Date) {
  const orgs = organizations.map((o, i) => [`bench-org-${i}`, `${o.slug}-bench`, o.name, iso(today)]);
  await insertRows(client, "organizations", orgs);
  await insertRows(client, "venues", catalogue.venueRows);
  await insertRows(client, "events", catalogue.eventRows);
  await insertRows(client, "ticket_types", catalogue.ticketRows);
  await client.query("ANALYZE");
  const { rows } = await client.query<{ n: number; version: string }>(
    "SELECT (SELECT count(*)::int FROM search_terms) AS n, current_setting('server_version') AS version",
  );
  return rows[0]!;
}

type City = { name: string; lat: number; lng: number };
type QuerySource = {
  events: { venue: { name: string; city: City }; category: string; acts: string[]; startsAt: Date }[];
  pool: Record<string, string[]>;
  venues: { name: string; city: City }[];
  cities: City[];
};

/** The query mix, interleaved by class so that a time cap cuts every class alike. Same seed, same queries. */
function buildQueries({ events, pool, venues, cities }: QuerySource, today: Date, mix = QUERY_MIX) {
  const { next, int, pick } = seededRandom(7);
  const upcoming = events.filter((e) => e.startsAt.getTime() > later(today, 1).getTime());
  const wordsOf = (text: string, min: number) => text.split(/[^A-Za-z]+/).filter((w) => w.length >= min);
  const texts = [...Object.values(pool).flat(), ...venues.map((v) => `${v.name} ${v.city.name}`), ...BLURBS];
  const vocabulary = new Set(texts.flatMap((text) => wordsOf(text.toLowerCase(), 1)));
  const maybe = (items: string[]) => (items.length > 0 ? pick(items) : undefined);
  const draw = (make: () => string | undefined) => {
    for (let attempt = 0; attempt < 1_000; attempt++) {
      const made = make();
      if (made) return made;
    }
    throw new Error("could not draw a query from the catalogue");
  };
  // One edit: two neighbouring letters swapped, never the first (as people type), never a real word.
  const swapped = (word: string) => {
    const at = int(1, word.length - 3);
    const typo = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    return typo !== word && !vocabulary.has(typo) ? typo : undefined;
  };
  const act = () => pick(upcoming).acts[0]!;
  const make: Record<QueryClass, () => Record<string, string>> = {
    exact: () => ({ q: next() < 0.5 ? act() : draw(() => maybe(wordsOf(act(), 5))) }),
    prefix: () => ({ q: draw(() => maybe(wordsOf(act(), 5))?.slice(0, int(3, 5)).toLowerCase()) }),
    typo: () => ({
      q: draw(() => {
        const event = pick(upcoming);
        const word = maybe(wordsOf((next() < 0.7 ? event.acts[0]! : event.venue.name).toLowerCase(), 6));
        return word && swapped(word);
      }),
    }),
    filtered: () => {
      const event = pick(upcoming);
      const from = dateOnly(new Date(Math.max(today.getTime(), later(event.startsAt, -int(0, 30)).getTime())));
      const to = dateOnly(later(event.startsAt, int(1, 30)));
      const q = maybe(wordsOf(event.acts[0]!, 5)) ?? event.acts[0]!;
      return { q, city: event.venue.city.name, category: event.category, from, to };
    },
    faceted: () => {
      const [city, from, to] = [pick(cities).name, dateOnly(today), dateOnly(later(today, 30))];
      return { city, from, to, ...(next() < 0.5 ? { category: pick(Object.keys(categoryTags)) } : {}) };
    },
    near: () => {
      const { lat, lng } = pick(cities);
      const near = `${(lat + (next() - 0.5) * 0.2).toFixed(4)},${(lng + (next() - 0.5) * 0.2).toFixed(4)}`;
      return { near, radiusKm: pick(["10", "25", "50"]), ...(next() < 0.3 ? { category: "CONCERT" } : {}) };
    },
  };
  const byClass = (Object.entries(mix) as [QueryClass, number][]).map(([cls, n]) =>
    Array.from({ length: n }, () => ({ cls, params: make[cls]() })),
  );
  return Array.from({ length: Math.max(...Object.values(mix)) }, (_, i) => byClass.flatMap((c) => c[i] ?? []));
}

/** The search a first version would ship: ILIKE on three columns (no index can serve it), plus its count. */
function baseline(pool: pg.Pool) {
  return async (query: SearchQuery) => {
    const values: unknown[] = [];
    const p = (value: unknown) => `$${values.push(value)}`;
    const where = [`e.status = 'PUBLISHED'`, `e."startsAt" >= (now() AT TIME ZONE 'UTC')`];
    const term = query.q ? p(`%${query.q}%`) : null;
    if (term)
      where.push(`(e.title ILIKE ${term} OR v.name ILIKE ${term} OR array_to_string(e.performers, ' ') ILIKE ${term})`);
    if (query.city) where.push(`v.city = ${p(query.city)}`);
    if (query.category) where.push(`e.category = ${p(query.category)}::event_category`);
    if (query.from) where.push(`e."startsAt" >= ${p(iso(query.from))}`);
    if (query.to) where.push(`e."startsAt" < ${p(iso(query.to))}`);
    if (query.near) {
      const [lat, lng, km] = [p(query.near.lat), p(query.near.lng), p(query.near.radiusKm)];
      where.push(`6371 * 2 * asin(sqrt(power(sin(radians(v.latitude - ${lat}) / 2), 2) + cos(radians(${lat}))
        * cos(radians(v.latitude)) * power(sin(radians(v.longitude - ${lng}) / 2), 2))) <= ${km}`);
    }
    const from = `FROM events e JOIN venues v ON v.id = e."venueId" WHERE ${where.join(" AND ")}`;
    const [, count] = await Promise.all([
      pool.query(
        `SELECT e.id, e.slug, e.title, e."startsAt", v.name, v.city ${from} ORDER BY e."startsAt" LIMIT 20`,
        values,
      ),
      pool.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, values),
    ]);
    return count.rows[0]!.n;
  };
}

/** Serves GET /api/v1/events on loopback, handing the route a Request as Next.js would. */
async function serveEvents(handler: (request: Request) => Promise<Response>) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.method !== "GET" || url.pathname !== "/api/v1/events") return void res.writeHead(404).end();
    const response = await handler(new Request(url));
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const close = () => {
    server.closeAllConnections(); // fetch's keep-alive sockets would hold close() open
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/events`, close };
}

/** Warms up, then runs the mix `rounds` times with `concurrency` clients, stopping early at the time cap. */
async function measure(call: Call, specs: Spec[], concurrency: number, capMs: number, rounds = ROUNDS): Promise<Run> {
  for (const spec of specs.slice(0, WARMUP)) await call(spec);
  const jobs = Array.from({ length: rounds }, () => specs).flat();
  const samples: Sample[] = [];
  const start = performance.now();
  let next = 0;
  const client = async () => {
    while (next < jobs.length && performance.now() - start < capMs) {
      const spec = jobs[next++]!;
      const began = performance.now();
      const hits = await call(spec);
      samples.push({ spec, ms: performance.now() - began, hits });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return { samples, seconds: (performance.now() - start) / 1_000, capped: samples.length < jobs.length };
}

function percentile(samples: Sample[], p: number) {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const row = (cells: (string | number)[], width = 8) =>
  cells.map((cell, i) => (i === 0 ? String(cell).padEnd(9) : String(cell).padStart(width))).join(" ");

function report(specs: Spec[], seq: Record<Target, Run>, conc: Record<Target, Run>) {
  const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
  const pcts = (samples: Sample[]) => [50, 95, 99].map((p) => ms(percentile(samples, p)));
  // Counted per distinct query: every round of a query returns the same total.
  const found = (samples: Sample[]) => new Set(samples.filter((s) => s.hits > 0).map((s) => s.spec)).size;
  const head = ["eng", "http", "base"].flatMap((t) => ["p50", "p95", "p99"].map((p) => `${t} ${p}`));
  console.log(`\nSequential latency (ms); x = baseline / engine; hits = queries with at least one result`);
  console.log(row(["class", "n", ...head, "x p50", "x p95", "eng hits", "base hits"]));
  for (const cls of [...Object.keys(QUERY_MIX), "all"]) {
    const of = (run: Run) => run.samples.filter((s) => cls === "all" || s.spec.cls === cls);
    const [engine, base] = [of(seq.engine), of(seq.baseline)];
    const n = specs.filter((s) => cls === "all" || s.cls === cls).length;
    const ratios = [50, 95].map((p) => `${(percentile(base, p) / percentile(engine, p)).toFixed(1)}x`);
    const hits = [`${found(engine)}/${n}`, `${found(base)}/${n}`];
    console.log(row([cls, n, ...pcts(engine), ...pcts(of(seq.http)), ...pcts(base), ...ratios, ...hits]));
  }
  const typos = (run: Run) => `${found(run.samples.filter((s) => s.spec.cls === "typo"))}/${QUERY_MIX.typo}`;
  console.log(`Misspelled queries with results: engine ${typos(seq.engine)}, baseline ${typos(seq.baseline)}.`);
  console.log(
    `\nThroughput (queries/s), sequential and with ${CONCURRENCY} concurrent clients; latency (ms) under load`,
  );
  console.log(row(["target", "seq q/s", `c${CONCURRENCY} q/s`, "c p50", "c p95", "c p99", "calls"], 9));
  for (const target of TARGETS) {
    const rate = (run: Run) => (run.samples.length / run.seconds).toFixed(1) + (run.capped ? "*" : "");
    const calls = `${seq[target].samples.length}+${conc[target].samples.length}`;
    console.log(row([target, rate(seq[target]), rate(conc[target]), ...pcts(conc[target].samples), calls], 9));
  }
  const caps = `${CAP_MS.sequential / 1_000} s sequential, ${CAP_MS.concurrent / 1_000} s concurrent`;
  console.log(
    `(* = stopped at the time cap: ${caps}. calls = sequential + concurrent, after ${WARMUP} warm-ups each.)`,
  );
}

const DEMO_MIX = { exact: 20, prefix: 20, typo: 20, filtered: 15, faceted: 15, near: 10 };
const DEMO_ROUNDS = 10;

/**
 * --demo: the demo catalogue (`npm run dev`'s 264 events) and GET /api/v1/events, in-process (the route
 * handler called with a Request, as Next.js calls it) and through node:http on loopback, sequential and
 * with 8 and 16 concurrent clients. What a single app process can serve, not counting Next.js itself.
 */
async function demoRun(url: string, closers: (() => Promise<unknown>)[]) {
  const [{ createPrismaClient }, { seedDemoDataIfEmpty }, { searchParamsInput }, { GET }, app] = await Promise.all([
    import("@/lib/db-client"),
    import("@/prisma/demo/seed-data"),
    import("@/lib/search/schemas"),
    import("@/app/api/v1/events/route"),
    import("@/lib/db"),
  ]);
  const seeder = createPrismaClient(url, 2);
  await seedDemoDataIfEmpty(seeder);
  await seeder.$disconnect();
  closers.push(() => app.db.$disconnect());
  const reader = new pg.Client({ connectionString: url });
  await reader.connect();
  const { rows } = await reader.query<{
    category: string;
    performers: string[];
    startsAt: Date;
    venue: string;
    city: string;
    lat: number;
    lng: number;
  }>(`SELECT e.category, e.performers, e."startsAt", v.name AS venue, v.city, v.latitude AS lat, v.longitude AS lng
      FROM events e JOIN venues v ON v.id = e."venueId" WHERE e.status = 'PUBLISHED' AND e."startsAt" > now()
      ORDER BY e.slug`);
  await reader.end();
  const cityOf = (row: (typeof rows)[number]): City => ({ name: row.city, lat: row.lat, lng: row.lng });
  const events = rows.map((row) => ({
    venue: { name: row.venue, city: cityOf(row) },
    category: row.category,
    acts: row.performers,
    startsAt: row.startsAt,
  }));
  const cities = [...new Map(rows.map((row) => [row.city, cityOf(row)])).values()];
  const venues = [...new Map(events.map((e) => [e.venue.name, e.venue])).values()];
  const now = new Date();
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const specs = buildQueries({ events, pool: { all: events.flatMap((e) => e.acts) }, venues, cities }, today, DEMO_MIX)
    .flat()
    .map((spec) => ({ ...spec, parsed: searchParamsInput.parse(spec.params) }));
  console.log(
    `Demo catalogue: ${rows.length} public upcoming events in ${cities.length} cities; ${specs.length} queries`,
  );

  const server = await serveEvents((request) => GET(request));
  closers.push(server.close);
  const targets: Record<string, Call> = {
    handler: async (spec) => {
      const response = await GET(new Request(`http://127.0.0.1/api/v1/events?${new URLSearchParams(spec.params)}`));
      return ((await response.json()) as { total: number }).total;
    },
    http: async (spec) => {
      const response = await fetch(`${server.url}?${new URLSearchParams(spec.params)}`);
      if (!response.ok) throw new Error(`GET ${response.url}: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { total: number }).total;
    },
  };
  const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
  console.log(`\nGET /api/v1/events on the demo catalogue: ${DEMO_ROUNDS} passes over the mix per run; latency (ms)`);
  console.log(row(["target", "clients", "q/s", "p50", "p95", "p99", "calls"], 9));
  for (const [name, call] of Object.entries(targets)) {
    for (const clients of [1, 8, 16]) {
      const run = await measure(call, specs, clients, CAP_MS.concurrent, DEMO_ROUNDS);
      const rate = (run.samples.length / run.seconds).toFixed(1) + (run.capped ? "*" : "");
      const pcts = [50, 95, 99].map((p) => ms(percentile(run.samples, p)));
      console.log(row([name, clients, rate, ...pcts, run.samples.length], 9));
    }
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      events: { type: "string", default: "100000" },
      keep: { type: "boolean", default: false },
      demo: { type: "boolean", default: false },
    },
  });
  const count = Number(values.events);
  if (!Number.isInteger(count) || count < 1_000) throw new Error("--events expects an integer of at least 1000");
  const closers: (() => Promise<unknown>)[] = [];
  const cleanup = async () => {
    for (const close of closers.splice(0).reverse()) await close().catch((error) => console.error("cleanup:", error));
  };
  process.once("SIGINT", () => void cleanup().finally(() => process.exit(130)));
  try {
    const database = await startThrowawayPostgres("marquee_bench");
    closers.push(database.stop);
    await applyMigrations(database.url);
    // lib/config reads these once, on the first import of an app module below.
    const secret = "bench-only-secret-not-for-production";
    Object.assign(process.env, { DATABASE_URL: database.url, AUTH_SECRET: secret, LOG_LEVEL: "silent" });
    if (values.demo) return await demoRun(database.url, closers);

    const now = new Date();
    const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    let started = performance.now();
    const catalogue = buildCatalogue(count, today);
    const generated = (performance.now() - started) / 1_000;
    const loader = new pg.Client({ connectionString: database.url });
    closers.push(() => loader.end());
    loader.on("error", () => undefined); // PostgreSQL stopping under --keep's Ctrl-C
    await loader.connect();
    started = performance.now();
    const loaded = await loadCatalogue(loader, catalogue, today);
    const seconds = (performance.now() - started) / 1_000;
    console.log(`PostgreSQL ${loaded.version}, Node ${process.version}, ${os.cpus().length} CPUs`);
    console.log(
      `${count} events, ${catalogue.ticketRows.length} ticket types, ${catalogue.venues.length} venues in ` +
        `${CITIES.length} cities, ${loaded.n} search terms: generated in ${generated.toFixed(1)} s, inserted ` +
        `through the search triggers and analysed in ${seconds.toFixed(1)} s (${Math.round(count / seconds)} events/s)`,
    );
    // The worker's prune-search-terms job reads the whole public catalogue (docs/architecture.md, "Search").
    started = performance.now();
    const pruned = await loader.query<{ removed: number }>(
      "SELECT marquee_prune_search_terms((now() AT TIME ZONE 'UTC')::timestamp) AS removed",
    );
    const pruneMs = (performance.now() - started).toFixed(0);
    console.log(`Search-term prune: ${pruned.rows[0]!.removed} stale terms removed in ${pruneMs} ms`);
    if (values.keep) {
      console.log(`--keep: the catalogue is at ${database.url}; Ctrl-C removes it.`);
      await new Promise<never>(() => undefined);
    }

    const [{ postgresSearch }, { createPrismaClient }, { searchParamsInput, toSearchQuery }, { GET }, app] =
      await Promise.all([
        import("@/lib/search/postgres"),
        import("@/lib/db-client"),
        import("@/lib/search/schemas"),
        import("@/app/api/v1/events/route"),
        import("@/lib/db"),
      ]);
    const engineDb = createPrismaClient(database.url, 10);
    const basePool = new pg.Pool({ connectionString: database.url, max: 10 });
    // end() resolves before its sockets close; PostgreSQL's shutdown must not then crash us through an idle client.
    basePool.on("error", () => undefined);
    closers.push(
      () => engineDb.$disconnect(),
      () => app.db.$disconnect(),
      () => basePool.end(),
    );
    const server = await serveEvents((request) => GET(request));
    closers.push(server.close);

    const specs = buildQueries({ ...catalogue, cities: CITIES }, today)
      .flat()
      .map((spec) => ({ ...spec, parsed: searchParamsInput.parse(spec.params) }));
    const engine = postgresSearch(engineDb);
    const naive = baseline(basePool);
    const calls: Record<Target, Call> = {
      engine: async (spec) => (await engine.search(toSearchQuery(spec.parsed, new Date()))).total,
      http: async (spec) => {
        const response = await fetch(`${server.url}?${new URLSearchParams(spec.params)}`);
        if (!response.ok) throw new Error(`GET ${response.url}: ${response.status} ${await response.text()}`);
        return ((await response.json()) as { total: number }).total;
      },
      baseline: (spec) => naive(toSearchQuery(spec.parsed, new Date())),
    };
    console.log(`Query mix: ${specs.length} queries, ${ROUNDS} rounds per run`);
    const seq = {} as Record<Target, Run>;
    const conc = {} as Record<Target, Run>;
    for (const target of TARGETS) {
      process.stdout.write(`measuring ${target}… `);
      seq[target] = await measure(calls[target], specs, 1, CAP_MS.sequential);
      conc[target] = await measure(calls[target], specs, CONCURRENCY, CAP_MS.concurrent);
      console.log(`${(seq[target].seconds + conc[target].seconds).toFixed(1)} s`);
    }
    report(specs, seq, conc);
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

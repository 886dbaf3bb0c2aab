import { randomUUID } from "node:crypto";
import { request, type APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";

// Two `next start` processes on one database, as behind a load balancer (scripts/support/e2e-server.ts starts
// the second on the next port). Fans race for the same seats through both: whatever either process keeps in
// memory (caches, limiters), a seat is held by one fan and sold once.

const FANS = 24;
const SEATS = 12;

type Fan = { api: APIRequestContext; token: string };

async function instance(baseURL: string) {
  const api = await request.newContext({ baseURL });
  await expect.poll(async () => (await api.get("/api/health")).status(), { timeout: 60_000 }).toBe(200);
  return api;
}

async function newFan(api: APIRequestContext, n: number): Promise<Fan> {
  const email = `racer-${randomUUID()}@example.test`;
  // Each fan from an address of their own, as a load balancer would report them (sign-ups are limited per address).
  const headers = { "x-forwarded-for": `198.18.${n}.${1 + Math.floor(Math.random() * 250)}` };
  const created = await api.post("/api/v1/users", {
    data: { email, password: "a-long-password", name: "Racer" },
    headers,
  });
  expect(created.status()).toBe(201);
  const issued = await api.post("/api/v1/auth/tokens", { data: { email, password: "a-long-password" }, headers });
  expect(issued.status()).toBe(201);
  return { api, token: (await issued.json()).token };
}

test("fans racing through two app instances never share a seat, and each seat is sold once", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const second = new URL(baseURL!);
  second.port = String(Number(second.port) + 1);
  const instances = [await instance(baseURL!), await instance(second.origin)];

  // The second arena show, upper bowl section 209: seats no other spec buys.
  const found = await (await instances[0]!.get("/api/v1/events?q=Velvet%20Comets&sort=date")).json();
  const eventId = found.items[1].id as string;
  const map = await (await instances[1]!.get(`/api/v1/events/${eventId}/seats`)).json();
  type Seat = { id: string; section: string; row: string; number: string; status: string };
  const free = (map.seats as Seat[]).filter((s) => s.section === "209" && s.status === "AVAILABLE").slice(0, SEATS);
  const seats = free.map((s) => s.id);
  const label = (s: Omit<Seat, "id" | "status">) => `${s.section}/${s.row}/${s.number}`;
  expect(seats).toHaveLength(SEATS);

  const fans = await Promise.all(Array.from({ length: FANS }, (_, i) => newFan(instances[i % 2]!, i)));
  // Fan i wants seats i and i + 1 (wrapping), so every seat is wanted by four fans through both instances.
  const wanted = fans.map((_, i) => [seats[i % SEATS]!, seats[(i + 1) % SEATS]!]);
  const answers = await Promise.all(
    fans.map((fan, i) =>
      fan.api.post(`/api/v1/events/${eventId}/holds`, {
        headers: { authorization: `Bearer ${fan.token}` },
        data: { seatIds: wanted[i] },
      }),
    ),
  );
  const statuses = answers.map((a) => a.status());
  expect(
    statuses.filter((s) => s !== 201 && s !== 409),
    `statuses: ${statuses}`,
  ).toEqual([]);
  const winners = fans.flatMap((fan, i) => (statuses[i] === 201 ? [{ fan, i, answer: answers[i]! }] : []));
  expect(winners.length).toBeGreaterThan(0);
  const heldSeats = winners.flatMap((w) => wanted[w.i]!);
  expect(new Set(heldSeats).size, "a seat held twice").toBe(heldSeats.length);

  // Each winner pays through the other instance; every held seat becomes exactly one ticket.
  const tickets: string[] = [];
  for (const { fan, i, answer } of winners) {
    const other = instances[(i + 1) % 2]!;
    const auth = { authorization: `Bearer ${fan.token}` };
    const holdId = (await answer.json()).holdId as string;
    const started = await other.post(`/api/v1/holds/${holdId}/checkout`, { headers: auth });
    expect(started.status()).toBe(201);
    const { orderId, checkoutUrl } = await started.json();
    const paid = await fan.api.post(new URL(checkoutUrl).pathname + "/pay");
    expect(paid.status()).toBe(200);
    const order = await (await other.get(`/api/v1/orders/${orderId}`, { headers: auth })).json();
    expect(order.status).toBe("PAID");
    tickets.push(...(order.tickets as { seat: Seat }[]).map((t) => label(t.seat)));
  }
  const heldLabels = heldSeats.map((id) => label(free.find((s) => s.id === id)!));
  expect(tickets.sort()).toEqual(heldLabels.sort());
  await expect
    .poll(async () => {
      const now = await (await instances[0]!.get(`/api/v1/events/${eventId}/seats?statusOnly=1`)).json();
      return heldSeats.filter((id) => now.unavailable[id] === "SOLD").length;
    })
    .toBe(heldSeats.length);
  for (const api of instances) await api.dispose();
});

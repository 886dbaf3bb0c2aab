import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as undoRoute, POST as checkInRoute } from "@/app/api/v1/tickets/[code]/check-in/route";
import { GET as statsRoute } from "@/app/api/v1/events/[eventId]/check-in/stats/route";
import { listAuditEntries } from "@/lib/audit/audit-log";
import { db } from "@/lib/db";
import { startAppServer } from "../support/app-server";
import { createUserWithToken } from "../support/factories";
import { bearer, call } from "../support/http";
import { createSaleEvent, type SaleEvent } from "../support/inventory-fixtures";
import { buy } from "../support/purchase";
import { addMember } from "../support/venue-fixtures";

// The door: one answer per scan, exactly one VALID per ticket however many devices scan it at once,
// retries that never change their answer, undo, and offline scans that sync late (first scan wins).

type Door = SaleEvent & { staff: { token: string; user: { id: string; name: string } }; codes: string[] };

/** A published event with `tickets` GA tickets sold to a fan, and a CHECK_IN member of its organization. */
async function doorWithTickets(tickets = 3): Promise<Door> {
  const sale = await createSaleEvent({ gaCapacity: 10 });
  const fan = await createUserWithToken("FAN");
  const { orderId } = await buy(fan.token, sale.event.id, { ticketTypeId: sale.ga.id, quantity: tickets });
  const codes = (
    await db.ticket.findMany({ where: { orderId }, select: { code: true }, orderBy: { code: "asc" } })
  ).map((t) => t.code);
  const staff = await addMember(sale.event.organizationId, "CHECK_IN");
  return { ...sale, staff, codes };
}

function scan(token: string, code: string, body: Record<string, unknown>) {
  return call(checkInRoute, { method: "POST", headers: bearer(token), params: { code }, body });
}

function undo(token: string, code: string) {
  return call(undoRoute, { method: "DELETE", headers: bearer(token), params: { code }, path: "/?deviceId=door-1" });
}

const ticketRow = (code: string) =>
  db.ticket.findUniqueOrThrow({
    where: { code },
    select: { checkedInAt: true, checkIns: { select: { deviceId: true, undoneAt: true, supersededAt: true } } },
  });

describe("check-in race over HTTP", () => {
  let server: Awaited<ReturnType<typeof startAppServer>>;
  beforeAll(async () => {
    server = await startAppServer();
  });
  afterAll(() => server.close());

  it(
    "20 devices scanning one ticket at the same moment: one VALID, 19 ALREADY_CHECKED_IN naming the winner",
    {
      timeout: 60_000,
    },
    async () => {
      const door = await doorWithTickets(1);
      const code = door.codes[0]!;
      const tokens = [door.staff.token, door.organizerToken];
      const answers = await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          const response = await fetch(`${server.url}/api/v1/tickets/${code}/check-in`, {
            method: "POST",
            headers: { ...bearer(tokens[i % 2]!), "content-type": "application/json" },
            body: JSON.stringify({ eventId: door.event.id, deviceId: `device-${i}`, scanId: `scan-${i}` }),
          });
          expect(response.status).toBe(200);
          return (await response.json()) as { result: string; checkIn?: { deviceId: string; at: string } };
        }),
      );
      const valid = answers.filter((a) => a.result === "VALID");
      const already = answers.filter((a) => a.result === "ALREADY_CHECKED_IN");
      expect(valid).toHaveLength(1);
      expect(already).toHaveLength(19);
      const winner = valid[0]!.checkIn!;
      for (const a of already) expect(a.checkIn).toEqual(winner);

      const row = await ticketRow(code);
      expect(row.checkIns).toEqual([{ deviceId: winner.deviceId, undoneAt: null, supersededAt: null }]);
      expect(row.checkedInAt?.toISOString()).toBe(winner.at);
      const ticket = await db.ticket.findUniqueOrThrow({ where: { code }, select: { id: true } });
      const entries = await listAuditEntries(db, { entityId: ticket.id }, { limit: 50 });
      expect(entries.entries.map((e) => e.action)).toEqual(["ticket.checked_in"]);
    },
  );
});

describe("scanning a ticket", () => {
  it("answers the same scan retried with its first answer, never ALREADY_CHECKED_IN to the device that let the ticket in", async () => {
    const door = await doorWithTickets(2);
    const [code, twin] = door.codes as [string, string];
    const body = { eventId: door.event.id, deviceId: "gate-a", scanId: "scan-1" };
    const first = await scan(door.staff.token, code, body);
    expect(first.json).toMatchObject({ result: "VALID", replayed: false, checkIn: { deviceId: "gate-a" } });
    expect(first.json.checkIn.by).toBe(door.staff.user.name);

    const other = await scan(door.organizerToken, code, { eventId: door.event.id, deviceId: "gate-b" });
    expect(other.json).toMatchObject({ result: "ALREADY_CHECKED_IN", checkIn: first.json.checkIn });

    const retried = await scan(door.staff.token, code, body);
    expect(retried.json).toEqual({ ...first.json, replayed: true });

    // The same scan sent five times at once (a flaky network's retries): one check-in, five VALIDs.
    const copies = await Promise.all(
      Array.from({ length: 5 }, () =>
        scan(door.staff.token, twin, { eventId: door.event.id, deviceId: "gate-a", scanId: "scan-2" }),
      ),
    );
    expect(copies.map((c) => c.json.result)).toEqual(Array(5).fill("VALID"));
    expect((await ticketRow(twin)).checkIns).toHaveLength(1);
  });

  it("reads codes as typed at the door: any case, without the prefix or dashes, O for 0", async () => {
    const door = await doorWithTickets(1);
    const code = door.codes[0]!;
    const typed = code.slice(3).replace(/-/g, " ").replace(/0/g, "o").toLowerCase();
    const answer = await scan(door.staff.token, typed, { eventId: door.event.id, deviceId: "gate-a" });
    expect(answer.json).toMatchObject({ result: "VALID", ticket: { code, ticketType: "Standing", seat: null } });
  });

  it("says VOID for a voided ticket, WRONG_EVENT for another event's, NOT_FOUND for codes that are not the organization's", async () => {
    const door = await doorWithTickets(2);
    const [voided, good] = door.codes as [string, string];
    // A refund voids the order's tickets (lib/orders voidIssuedTickets); here only the ticket's state matters.
    await db.ticket.update({ where: { code: voided }, data: { status: "VOIDED" } });
    const asStaff = (code: string, eventId = door.event.id) =>
      scan(door.staff.token, code, { eventId, deviceId: "gate-a" }).then((r) => r.json);

    expect(await asStaff(voided)).toMatchObject({ result: "VOID", ticket: { code: voided } });

    const tomorrow = await db.event.create({
      data: {
        organizationId: door.event.organizationId,
        venueId: door.event.venueId,
        slug: `tomorrow-${crypto.randomUUID().slice(0, 8)}`,
        title: "Tomorrow's show",
        description: "",
        performers: [],
        category: "CONCERT",
        tags: [],
        status: "PUBLISHED",
        startsAt: new Date(Date.now() + 86_400_000),
        endsAt: new Date(Date.now() + 90_000_000),
        onSaleAt: new Date(),
      },
    });
    expect(await asStaff(good, tomorrow.id)).toMatchObject({
      result: "WRONG_EVENT",
      event: { title: door.event.title },
    });
    expect((await ticketRow(good)).checkedInAt, "a wrong-event scan checks nothing in").toBeNull();

    const elsewhere = await doorWithTickets(1);
    expect(await asStaff(elsewhere.codes[0]!)).toEqual({ result: "NOT_FOUND", code: elsewhere.codes[0] });
    expect(await asStaff("not a ticket")).toEqual({ result: "NOT_FOUND", code: "not a ticket" });
  });

  it("undoes a mistaken check-in, after which the ticket scans VALID again; undoing twice is a 409", async () => {
    const door = await doorWithTickets(1);
    const code = door.codes[0]!;
    const body = { eventId: door.event.id, deviceId: "gate-a" };
    expect((await scan(door.staff.token, code, body)).json.result).toBe("VALID");

    const undone = await undo(door.staff.token, code);
    expect(undone.status).toBe(200);
    expect(undone.json).toMatchObject({ ticket: { code }, undone: { deviceId: "gate-a" } });
    expect((await undo(door.staff.token, code)).status).toBe(409);

    expect((await scan(door.staff.token, code, { ...body, deviceId: "gate-b" })).json).toMatchObject({
      result: "VALID",
      checkIn: { deviceId: "gate-b" },
    });
    const row = await ticketRow(code);
    expect(row.checkIns.filter((c) => c.undoneAt === null)).toEqual([
      { deviceId: "gate-b", undoneAt: null, supersededAt: null },
    ]);
    const ticket = await db.ticket.findUniqueOrThrow({ where: { code }, select: { id: true } });
    const log = await listAuditEntries(db, { entityId: ticket.id }, { limit: 10 });
    // Newest first.
    expect(log.entries.map((e) => e.action)).toEqual([
      "ticket.checked_in",
      "ticket.check_in_undone",
      "ticket.checked_in",
    ]);
    expect(log.entries[1]!.actor?.id).toBe(door.staff.user.id);
  });

  it("lets an offline scan that reaches the server late win when it was made first (earliest scannedAt)", async () => {
    const door = await doorWithTickets(1);
    const code = door.codes[0]!;
    const live = await scan(door.staff.token, code, { eventId: door.event.id, deviceId: "online", scanId: "b" });
    expect(live.json.result).toBe("VALID");

    const fiveMinutesAgo = new Date(Date.now() - 5 * 60_000).toISOString();
    const offline = await scan(door.staff.token, code, {
      eventId: door.event.id,
      deviceId: "offline",
      scanId: "a",
      scannedAt: fiveMinutesAgo,
    });
    expect(offline.json).toMatchObject({ result: "VALID", checkIn: { deviceId: "offline", at: fiveMinutesAgo } });

    // A third scan, queued later than the offline one was made, loses to it.
    const later = await scan(door.staff.token, code, {
      eventId: door.event.id,
      deviceId: "second-offline",
      scanId: "c",
      scannedAt: new Date(Date.now() - 2 * 60_000).toISOString(),
    });
    expect(later.json).toMatchObject({
      result: "ALREADY_CHECKED_IN",
      checkIn: { deviceId: "offline", at: fiveMinutesAgo },
    });

    const row = await ticketRow(code);
    expect(row.checkedInAt?.toISOString()).toBe(fiveMinutesAgo);
    expect(row.checkIns.find((c) => c.deviceId === "online")?.supersededAt).not.toBeNull();
    expect(row.checkIns.filter((c) => !c.supersededAt && !c.undoneAt).map((c) => c.deviceId)).toEqual(["offline"]);
    // The device that made the live scan still hears VALID for it.
    const retried = await scan(door.staff.token, code, { eventId: door.event.id, deviceId: "online", scanId: "b" });
    expect(retried.json).toMatchObject({ result: "VALID", replayed: true });
  });

  it("counts arrivals against tickets sold", async () => {
    const door = await doorWithTickets(3);
    const stats = () =>
      call(statsRoute, { headers: bearer(door.staff.token), params: { eventId: door.event.id } }).then((r) => r.json);
    expect(await stats()).toEqual({ eventId: door.event.id, checkedIn: 0, sold: 3 });
    await scan(door.staff.token, door.codes[0]!, { eventId: door.event.id, deviceId: "gate-a" });
    await scan(door.staff.token, door.codes[1]!, { eventId: door.event.id, deviceId: "gate-a" });
    await db.ticket.update({ where: { code: door.codes[1]! }, data: { status: "VOIDED" } });
    expect(await stats()).toEqual({ eventId: door.event.id, checkedIn: 1, sold: 2 });
  });
});

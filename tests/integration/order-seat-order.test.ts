import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ORDER_EMAIL_TOPIC, orderEmailHandler } from "@/lib/orders/emails";
import { orderForViewer, ticketsOfFan } from "@/lib/orders/queries";
import { services } from "@/lib/services";
import { actorOf } from "../support/actors";
import { createUserWithToken } from "../support/factories";
import { createSaleEvent } from "../support/inventory-fixtures";
import { buy } from "../support/purchase";

// Seats 1–10 of row 1, section A: bought as 10, 2 and 9, they must read 2, 9, 10 (not "10, 2, 9" as text sorts).
describe("a fan's tickets in seat order, with the order number people quote", () => {
  it("on the order, in My tickets (one entry per event) and in the confirmation e-mail", async () => {
    const sale = await createSaleEvent({ seatCount: 10 });
    const fan = await createUserWithToken("FAN");
    const byNumber = (n: string) => sale.seats.find((s) => s.number === n)!.id;
    const first = await buy(fan.token, sale.event.id, { seatIds: [byNumber("10"), byNumber("2"), byNumber("9")] });
    const second = await buy(fan.token, sale.event.id, { seatIds: [byNumber("5")] });
    expect([first.paid.status, second.paid.status]).toEqual([200, 200]);

    const order = await orderForViewer(db, { orderId: first.orderId, actor: actorOf(fan.user) });
    expect(order.tickets.map((t) => t.seat!.number)).toEqual(["2", "9", "10"]);
    expect(order.items.map((i) => i.seat!.number)).toEqual(["2", "9", "10"]);

    const { upcoming } = await ticketsOfFan(db, fan.user.id);
    expect(upcoming).toHaveLength(1);
    expect(upcoming[0]!.ticketCount).toBe(4);
    expect(upcoming[0]!.orders.map((o) => o.tickets.map((t) => t.seat!.number))).toEqual([["2", "9", "10"], ["5"]]);

    const message = await db.outboxMessage.findFirstOrThrow({
      where: { topic: ORDER_EMAIL_TOPIC, payload: { path: ["orderId"], equals: first.orderId } },
    });
    const { email, appUrl } = services();
    await orderEmailHandler(db, email, appUrl)(message.payload);
    const mail = await db.devMail.findFirstOrThrow({ where: { to: fan.user.email }, orderBy: { createdAt: "desc" } });
    expect(mail.text).toContain(`Order #${order.number}: 3 tickets`);
    const seatLines = mail.text.split("\n").filter((line) => line.startsWith("• "));
    expect(mail.html).toContain("<p>• Section A, Row 1, Seat 2<br>• Section A, Row 1, Seat 9<br>");
    expect(seatLines).toEqual([
      "• Section A, Row 1, Seat 2",
      "• Section A, Row 1, Seat 9",
      "• Section A, Row 1, Seat 10",
    ]);
  });
});

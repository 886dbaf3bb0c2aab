import { describe, expect, it } from "vitest";
import { GET as orderRoute } from "@/app/api/v1/orders/[orderId]/route";
import { db } from "@/lib/db";
import type { MembershipRole } from "@/lib/generated/prisma/enums";
import { createUserWithToken } from "../support/factories";
import { createSaleEvent } from "../support/inventory-fixtures";
import { bearer, call } from "../support/http";
import { buy } from "../support/purchase";

async function memberOf(organizationId: string, role: MembershipRole) {
  const member = await createUserWithToken("ORGANIZER");
  await db.membership.create({ data: { userId: member.user.id, organizationId, role } });
  return member;
}

describe("GET /api/v1/orders/{id}: who may read an order and its buyer's e-mail", () => {
  it("the buyer, the organization's owners and managers, and admins; not check-in staff or outsiders", async () => {
    const event = await createSaleEvent();
    const buyer = await createUserWithToken("FAN");
    const { orderId } = await buy(buyer.token, event.event.id, { seatIds: [event.seats[0]!.id] });
    const organizationId = event.event.organizationId;
    const read = async (token: string) => call(orderRoute, { headers: bearer(token), params: { orderId } });

    const allowed = [
      buyer,
      await memberOf(organizationId, "OWNER"),
      await memberOf(organizationId, "MANAGER"),
      await createUserWithToken("ADMIN"),
    ];
    for (const reader of allowed) {
      const response = await read(reader.token);
      expect(response.status).toBe(200);
      expect(response.json.email).toBe(buyer.user.email);
    }

    const refused = [
      await memberOf(organizationId, "CHECK_IN"),
      await createUserWithToken("ORGANIZER"),
      await createUserWithToken("FAN"),
    ];
    for (const reader of refused) {
      const response = await read(reader.token);
      // "Not found", not "forbidden": order ids cannot be probed.
      expect(response.status).toBe(404);
      expect(response.json.error.code).toBe("NOT_FOUND");
      expect(JSON.stringify(response.json)).not.toContain(buyer.user.email);
    }
  });
});

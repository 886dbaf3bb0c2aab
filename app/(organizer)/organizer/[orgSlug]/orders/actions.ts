"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions";
import { formatMoney } from "@/lib/format";
import { addOrderNote } from "@/lib/orders/notes";
import { orderForm, orderNoteForm, refundForm } from "@/lib/orders/order-forms";
import { refundOrder } from "@/lib/orders/organizer-refund";
import { resendConfirmation } from "@/lib/orders/resend-confirmation";
import { services } from "@/lib/services";

// The order page's server actions: parse, one domain call (which authorizes, as the API's does), a message.

const orderPath = (orgSlug: string, orderId: string) => `/organizer/${orgSlug}/orders/${encodeURIComponent(orderId)}`;

export const refundOrderAction = formAction(
  { access: "signed-in", schema: refundForm, echo: ["amount", "reason"] },
  async ({ orgSlug, orderId, idempotencyKey, request }, actor) => {
    const { refund, replayed } = await refundOrder(services(), { actor, orderId, request, idempotencyKey });
    revalidatePath(orderPath(orgSlug, orderId));
    const amount = formatMoney(refund.amountMinor, refund.currency);
    return { ok: true, message: replayed ? `Already refunded: ${amount}.` : `Refund of ${amount} made.` };
  },
);

export const addOrderNoteAction = formAction(
  { access: "signed-in", schema: orderNoteForm },
  async ({ orgSlug, orderId, body }, actor) => {
    await addOrderNote(services().db, { actor, orderId, body });
    revalidatePath(orderPath(orgSlug, orderId));
    return { ok: true, message: "Note added." };
  },
);

export const resendConfirmationAction = formAction(
  { access: "signed-in", schema: orderForm },
  async ({ orgSlug, orderId }, actor) => {
    await resendConfirmation(services().db, { actor, orderId });
    revalidatePath(orderPath(orgSlug, orderId));
    return { ok: true, message: "The confirmation e-mail is on its way again." };
  },
);

import { AppError } from "@/lib/errors";
import { json, route, validationError } from "@/lib/http";
import { idParams } from "@/lib/http-params";
import { idempotencyKey, refundOrder, refundRequest } from "@/lib/orders/organizer-refund";
import { services } from "@/lib/services";

/**
 * Refunds an order, in full or in part, as its organizer. The Idempotency-Key header is required:
 * the same key and body give back the same refund (200), a different body under it is refused (422).
 */
export const POST = route(
  { access: "signed-in", params: idParams("orderId"), body: refundRequest },
  async ({ actor, params, body, request }) => {
    const header = request.headers.get("idempotency-key");
    if (header === null) {
      throw new AppError("BAD_REQUEST", "Send an Idempotency-Key header, so a retried refund is made only once.");
    }
    const key = idempotencyKey.safeParse(header);
    if (!key.success) throw validationError(key.error.issues, "Idempotency-Key header");
    const { refund, replayed } = await refundOrder(services(), {
      actor,
      orderId: params.orderId,
      request: body,
      idempotencyKey: key.data,
    });
    return json(refund, replayed ? 200 : 201);
  },
);

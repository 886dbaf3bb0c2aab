import { z } from "zod";

const id = z.string().min(1).max(64);

export const holdRequestInput = z.union([
  z.strictObject({
    seatIds: z
      .array(id)
      .min(1, "pick at least one seat")
      .max(50)
      .refine((ids) => new Set(ids).size === ids.length, "must not repeat a seat"),
  }),
  z.strictObject({ ticketTypeId: id, quantity: z.number().int().min(1).max(50) }),
]);
export type HoldRequestInput = z.infer<typeof holdRequestInput>;

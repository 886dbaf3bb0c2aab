import "server-only";
import { AppError } from "@/lib/errors";
import { paymentServices } from "./index";

/** The simulator, which exists only while Stripe is not configured. */
export function simulatorOrNotFound() {
  const { simulator } = paymentServices();
  if (!simulator)
    throw new AppError("NOT_FOUND", "The payment simulator is off: this site takes payments through Stripe.");
  return simulator;
}

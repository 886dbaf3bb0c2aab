import "server-only";
import { AppError } from "@/lib/errors";
import type { Simulator } from "./simulator";

/** The simulator, which exists only while Stripe is not configured; "not found" otherwise. */
export function simulatorOrNotFound(simulator: Simulator | null): Simulator {
  if (!simulator)
    throw new AppError("NOT_FOUND", "The payment simulator is off: this site takes payments through Stripe.");
  return simulator;
}

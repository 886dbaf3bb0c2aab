import { availableParallelism } from "node:os";
import {
  hash as argon2Hash,
  parseOptions,
  verify as argon2Verify,
  type Algorithm,
  type Options,
} from "@node-rs/argon2";
import { verify as bcryptVerify } from "@node-rs/bcrypt";

// No "server-only" here: the demo seed (a plain tsx script) hashes too, and this module holds no secret.
//
// Both libraries are native and asynchronous: the work runs on libuv's thread pool, never on the
// event loop, so a burst of sign-ups or sign-ins cannot stall other requests or make database
// transactions time out (which bcryptjs, pure JavaScript on the main thread, did).

/**
 * argon2id with OWASP's first recommended setting (19 MiB, 2 passes, 1 lane). Each hash in
 * flight holds `memoryCost` KiB, so the pool below also bounds memory (~19 MiB × slots).
 * Changing these makes existing hashes "need a rehash", and they are upgraded at next sign-in.
 */
const ARGON2: Options & Required<Pick<Options, "memoryCost" | "timeCost" | "parallelism">> = {
  algorithm: 2 satisfies Algorithm.Argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

// libuv's pool (4 threads by default) also serves DNS lookups and file reads; queueing a thousand
// hashes there would make a database reconnect wait behind all of them. Hashes beyond one per core
// wait here instead, in JavaScript, leaving pool threads for everything else.
const slots = Math.max(1, availableParallelism());
let busy = 0;
const waiting: (() => void)[] = [];

async function inSlot<T>(work: () => Promise<T>): Promise<T> {
  if (busy >= slots) await new Promise<void>((resolve) => waiting.push(resolve));
  else busy++;
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next waiter (busy stays the same), or free it.
    const next = waiting.shift();
    if (next) next();
    else busy--;
  }
}

const LEGACY_BCRYPT = /^\$2[abxy]\$\d\d\$/;

export function hashPassword(password: string): Promise<string> {
  return inSlot(() => argon2Hash(password, ARGON2));
}

/**
 * Checks a password against an argon2id hash, or a bcrypt hash from before argon2id
 * (`$2a$`/`$2b$`, still verified natively and off the event loop). A malformed or
 * unknown hash never matches; it does not throw.
 */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  try {
    if (LEGACY_BCRYPT.test(hash)) return await inSlot(() => bcryptVerify(password, hash));
    if (hash.startsWith("$argon2")) return await inSlot(() => argon2Verify(hash, password));
  } catch {
    // A corrupt stored hash is a wrong password, not a 500.
  }
  return false;
}

/** True for hashes made by another algorithm or other parameters than hashPassword uses now. */
export function needsRehash(hash: string): boolean {
  if (!hash.startsWith("$argon2id$")) return true;
  try {
    const used = parseOptions(hash);
    return (
      used.memoryCost !== ARGON2.memoryCost ||
      used.timeCost !== ARGON2.timeCost ||
      used.parallelism !== ARGON2.parallelism
    );
  } catch {
    return true;
  }
}

/**
 * Verified against when the e-mail is unknown, so a wrong e-mail costs as long as a wrong
 * password. It must use the current parameters (a unit test checks `needsRehash` is false);
 * the password behind it is random and was thrown away.
 */
export const TIMING_DECOY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$dQJe1OF6PDU90t4jRhHdDw$UtRHn3Jsw0jaPTp6kAfV2koGD8yBlsaqHQEvrj0+eNU";

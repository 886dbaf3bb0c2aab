import bcrypt from "bcryptjs";

const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Compared against when the e-mail is unknown, so a wrong e-mail takes as long as a wrong password.
export const TIMING_DECOY_HASH = "$2b$11$DF/40ytMD9tyRGqH2QR0oOjkWCg4SlYtxv1ERKSaK8ENNro2gnjhK";

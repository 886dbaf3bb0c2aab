import { hash as bcryptHash } from "@node-rs/bcrypt";
import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, TIMING_DECOY_HASH, verifyPassword } from "@/lib/auth/passwords";

describe("passwords", () => {
  it("hashes with argon2id and the current parameters, salted, and verifies", async () => {
    const [a, b] = await Promise.all([hashPassword("a-long-password"), hashPassword("a-long-password")]);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(needsRehash(a)).toBe(false);
    expect(await verifyPassword("a-long-password", a)).toBe(true);
    expect(await verifyPassword("a-long-passwore", a)).toBe(false);
  });

  it("still verifies bcrypt hashes from before argon2id ($2a$ and $2b$), and marks them for rehashing", async () => {
    for (const version of ["2a", "2b"] as const) {
      const legacy = (await bcryptHash("a-long-password", 4)).replace(/^\$2b\$/, `$${version}$`);
      expect(legacy.startsWith(`$${version}$04$`)).toBe(true);
      expect(await verifyPassword("a-long-password", legacy)).toBe(true);
      expect(await verifyPassword("not-the-password", legacy)).toBe(false);
      expect(needsRehash(legacy)).toBe(true);
    }
  });

  it("marks argon2 hashes made with other parameters or variants for rehashing", () => {
    expect(needsRehash("$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA")).toBe(
      true,
    );
    expect(needsRehash("$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA")).toBe(
      true,
    );
  });

  it("never matches, nor throws on, a malformed or unknown hash", async () => {
    for (const stored of ["", "plain-text", "$argon2id$v=19$m=19456,t=2,p=1$broken", "$2b$11$short", "$1$md5$x"]) {
      expect(await verifyPassword("plain-text", stored)).toBe(false);
    }
  });

  it("keeps the timing decoy an argon2id hash with the current parameters, so unknown e-mails cost the same", async () => {
    expect(TIMING_DECOY_HASH).toMatch(/^\$argon2id\$/);
    expect(needsRehash(TIMING_DECOY_HASH)).toBe(false);
    expect(await verifyPassword("a-long-password", TIMING_DECOY_HASH)).toBe(false);
  });
});

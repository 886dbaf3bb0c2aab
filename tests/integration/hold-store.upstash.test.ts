import { describe, expect, it } from "vitest";
import { redisHoldStore } from "@/lib/inventory/redis-hold-store";
import { upstashConnection } from "@/lib/redis/client";
import { upstashForThisFile } from "../support/upstash-connection";
import { holdStoreContract } from "./hold-store.contract";

const bridge = upstashForThisFile();
const upstash = () => bridge.connection();

describe("Upstash REST bridge", () => {
  it("serves the client's commands, and refuses a wrong token", async () => {
    const live = upstash();
    expect(await live.ping()).toBe("PONG");
    expect(await live.eval("return {ARGV[1], tonumber(ARGV[2])}", [], ["héllo", "7"])).toEqual(["héllo", 7]);
    await expect(upstashConnection(bridge.url(), "wrong-token").ping()).rejects.toThrow(/Unauthorized/);
  });
});

holdStoreContract("Redis (Upstash REST)", () => redisHoldStore(upstash()));

import { describe, expect, it } from "vitest";
import { addressBlock, clientIp, normalizeIp, parseTrustedProxies } from "@/lib/client-ip";

const xff = (value?: string) => new Headers(value === undefined ? {} : { "x-forwarded-for": value });
const trusted = (list: string) => parseTrustedProxies(list).entries;

describe("clientIp", () => {
  it("takes the rightmost entry when no proxy is trusted (what next start or the one proxy wrote)", () => {
    expect(clientIp(xff("203.0.113.7"), [])).toBe("203.0.113.7");
    // A client-supplied entry to the left of what our proxy appended is ignored.
    expect(clientIp(xff("6.6.6.6, 203.0.113.7"), [])).toBe("203.0.113.7");
  });

  it("skips trusted proxies from the right; the first untrusted entry is the client", () => {
    const proxies = trusted("10.0.0.0/8, 192.0.2.10");
    expect(clientIp(xff("203.0.113.7, 10.1.2.3"), proxies)).toBe("203.0.113.7");
    expect(clientIp(xff("6.6.6.6, 203.0.113.7, 192.0.2.10, 10.9.9.9"), proxies)).toBe("203.0.113.7");
    // A forged "trusted" entry further left changes nothing: the walk stopped at the client.
    expect(clientIp(xff("10.0.0.1, 203.0.113.7, 10.1.2.3"), proxies)).toBe("203.0.113.7");
  });

  it("returns the leftmost entry when every hop is a trusted proxy (the proxy itself is calling)", () => {
    expect(clientIp(xff("10.0.0.2, 10.0.0.1"), trusted("10.0.0.0/8"))).toBe("10.0.0.2");
  });

  it("is null without a header, and where trust ends at something that is not an address", () => {
    expect(clientIp(xff(), [])).toBeNull();
    expect(clientIp(xff(" , "), [])).toBeNull();
    expect(clientIp(xff("203.0.113.7, unknown"), [])).toBeNull();
    expect(clientIp(xff("nonsense, 10.0.0.1"), trusted("10.0.0.1"))).toBeNull();
  });

  it("matches IPv6 proxies and IPv4-mapped addresses", () => {
    expect(clientIp(xff("2001:db8::7, fd00::1"), trusted("fd00::/8"))).toBe("2001:db8::7");
    expect(clientIp(xff("203.0.113.7, ::ffff:10.0.0.1"), trusted("10.0.0.0/8"))).toBe("203.0.113.7");
  });
});

describe("normalizeIp", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [" 203.0.113.7:51234 ", "203.0.113.7"],
    ["[2001:DB8:0:0::1]:443", "2001:db8::1"],
    ["2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    ["fe80::1%eth0", "fe80::1"],
    ["::ffff:198.51.100.4", "198.51.100.4"],
    ["::ffff:c633:6404", "198.51.100.4"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeIp(input)).toBe(expected);
  });

  it.each(["", "unknown", "_hidden", "203.0.113", "01.2.3.4", "1.2.3.4.5", "2001:db8::g", "[::1"])(
    "refuses %j",
    (input) => {
      expect(normalizeIp(input)).toBeNull();
    },
  );
});

describe("addressBlock", () => {
  it("is the address for IPv4 and the /64 for IPv6", () => {
    expect(addressBlock("203.0.113.7")).toBe("203.0.113.7");
    expect(addressBlock("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(addressBlock("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressBlock("2001:db8:1:2::")).toBe("2001:db8:1:2::/64");
    expect(addressBlock("::1")).toBe("0:0:0:0::/64");
  });
});

describe("parseTrustedProxies", () => {
  it("accepts addresses and CIDR blocks, comma-separated, and nothing for an empty list", () => {
    expect(parseTrustedProxies("")).toEqual({ entries: [], problems: [] });
    expect(parseTrustedProxies(" 10.0.0.5 , 10.1.0.0/16,fd00::/8,, ::1 ")).toEqual({
      entries: ["10.0.0.5", "10.1.0.0/16", "fd00::/8", "::1"],
      problems: [],
    });
  });

  it("names each bad entry", () => {
    expect(parseTrustedProxies("10.0.0.0/33, proxy.internal, 10.0.0.1/8/1, fd00::/129").problems).toEqual([
      '"10.0.0.0/33" has a prefix length outside 0–32',
      '"proxy.internal" is not an IP address or CIDR block',
      '"10.0.0.1/8/1" is not an IP address or CIDR block',
      '"fd00::/129" has a prefix length outside 0–128',
    ]);
  });
});

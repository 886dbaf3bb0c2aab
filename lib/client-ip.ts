import { BlockList, isIP } from "node:net";

// Who is calling, as far as the network can tell: pure functions, no I/O, unit-tested.
//
// Route handlers get a `Request`, never the socket. What they do get is X-Forwarded-For: `next start`
// sets it to the socket's peer address **only when the request arrived without one**
// (`x-forwarded-for ??= socket.remoteAddress` in Next 16's base server); it never appends. So:
//   - behind a proxy that appends the address it saw (nginx `$proxy_add_x_forwarded_for`, most load
//     balancers), the rightmost entry is that address, written by the proxy: trustworthy;
//   - with several proxies, each appends its peer: skip the entries written about our own proxies
//     (TRUSTED_PROXIES) from the right, and the first other entry is the client;
//   - with Next exposed directly, a client that sends its own X-Forwarded-For chooses the rightmost
//     entry. Nothing in a route handler can tell, so per-IP limits are only as good as the proxy in
//     front; per-account limits do not depend on the address at all (docs/security.md).

/** Parses TRUSTED_PROXIES: comma-separated addresses or CIDR blocks. Returns the entries or what is wrong. */
export function parseTrustedProxies(list: string): { entries: string[]; problems: string[] } {
  const entries: string[] = [];
  const problems: string[] = [];
  for (const raw of list.split(",")) {
    const entry = raw.trim();
    if (entry === "") continue;
    const [address = "", prefix, ...rest] = entry.split("/");
    const ip = normalizeIp(address);
    const bits = ip === null ? 0 : isIP(ip) === 4 ? 32 : 128;
    if (ip === null || rest.length > 0) problems.push(`"${entry}" is not an IP address or CIDR block`);
    else if (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits)) {
      problems.push(`"${entry}" has a prefix length outside 0–${bits}`);
    } else entries.push(prefix === undefined ? ip : `${ip}/${Number(prefix)}`);
  }
  return { entries, problems };
}

const matchers = new WeakMap<readonly string[], BlockList>();

function matcher(trusted: readonly string[]): BlockList {
  let list = matchers.get(trusted);
  if (!list) {
    list = new BlockList();
    for (const entry of trusted) {
      const [ip = "", prefix] = entry.split("/");
      const type = isIP(ip) === 4 ? "ipv4" : "ipv6";
      if (prefix === undefined) list.addAddress(ip, type);
      else list.addSubnet(ip, Number(prefix), type);
    }
    matchers.set(trusted, list);
  }
  return list;
}

/**
 * The client's address: X-Forwarded-For walked from the right, skipping entries that are trusted
 * proxies; the first other entry is the client. Null when there is no usable header, or when the
 * entry where trust ends is not an address (nothing trustworthy can be said then).
 */
export function clientIp(headers: Headers, trustedProxies: readonly string[]): string | null {
  const entries = (headers.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim());
  if (entries.every((entry) => entry === "")) return null;
  const trusted = matcher(trustedProxies);
  let ip: string | null = null;
  for (let i = entries.length - 1; i >= 0; i--) {
    ip = normalizeIp(entries[i]!);
    if (ip === null || !trusted.check(ip, isIP(ip) === 4 ? "ipv4" : "ipv6")) return ip;
  }
  // Every hop is one of our proxies: the request came from a proxy itself (a health check, say).
  return ip;
}

/**
 * The block of addresses one subscriber controls, for per-address limits: the address itself for
 * IPv4, its /64 for IPv6 (ISPs hand each customer at least a /64, so single addresses are free).
 */
export function addressBlock(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  const [head = "", tail] = ip.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return `${groups.slice(0, 4).join(":")}::/64`;
}

/**
 * One canonical spelling per address, or null: strips ports ("1.2.3.4:80", "[::1]:443"), brackets and
 * IPv6 zones, lower-cases and compresses IPv6, and turns IPv4-mapped IPv6 into IPv4.
 */
export function normalizeIp(entry: string): string | null {
  let value = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = value.split("%")[0]!;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped) value = mapped[1]!;
  const version = isIP(value);
  if (version === 4) return value;
  if (version !== 6) return null;
  const canonical = new URL(`http://[${value}]`).hostname.slice(1, -1);
  const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!mappedHex) return canonical;
  const [high, low] = [parseInt(mappedHex[1]!, 16), parseInt(mappedHex[2]!, 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

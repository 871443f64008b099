/**
 * SSRF guard for webhook targets: classifies IP addresses (IPv4, IPv6, IPv4-mapped and other
 * IPv4-embedding IPv6 forms) and refuses anything that is not a public unicast address.
 * Runtime-neutral: name resolution is injected (see `resolveHost` of the push sender, and
 * `createNodePushSender` in `@agentmesh/a2a-server/node`, which checks at connect time).
 */

/** Parses a dotted-quad IPv4 address into 4 bytes; `undefined` when not one. */
export function parseIPv4(text: string): number[] | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    bytes.push(n);
  }
  return bytes;
}

/** Parses an IPv6 address (with optional zone and dotted IPv4 tail) into 16 bytes. */
export function parseIPv6(input: string): number[] | undefined {
  let text = input.startsWith("[") && input.endsWith("]") ? input.slice(1, -1) : input;
  const zone = text.indexOf("%");
  if (zone >= 0) text = text.slice(0, zone);
  if (!text.includes(":")) return undefined;
  let tail: number[] = [];
  const lastColon = text.lastIndexOf(":");
  const last = text.slice(lastColon + 1);
  if (last.includes(".")) {
    const v4 = parseIPv4(last);
    if (!v4) return undefined;
    tail = v4;
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const group = (s: string) => (s === "" ? [] : s.split(":"));
  const head = group(halves[0]!);
  const rest = halves.length === 2 ? group(halves[1]!) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const words = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  const bytes: number[] = [];
  for (const w of words) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(w)) return undefined;
    const n = Number.parseInt(w, 16);
    bytes.push(n >> 8, n & 0xff);
  }
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}

const V4_BLOCKS: [number[], number, string][] = [
  [[0, 0, 0, 0], 8, "'this network' (0.0.0.0/8)"],
  [[10, 0, 0, 0], 8, "private (10.0.0.0/8)"],
  [[100, 64, 0, 0], 10, "carrier-grade NAT (100.64.0.0/10)"],
  [[127, 0, 0, 0], 8, "loopback (127.0.0.0/8)"],
  [[169, 254, 0, 0], 16, "link-local / cloud metadata (169.254.0.0/16)"],
  [[172, 16, 0, 0], 12, "private (172.16.0.0/12)"],
  [[192, 0, 0, 0], 24, "IETF protocol assignments (192.0.0.0/24)"],
  [[192, 0, 2, 0], 24, "documentation (192.0.2.0/24)"],
  [[192, 88, 99, 0], 24, "6to4 relay (192.88.99.0/24)"],
  [[192, 168, 0, 0], 16, "private (192.168.0.0/16)"],
  [[198, 18, 0, 0], 15, "benchmarking (198.18.0.0/15)"],
  [[198, 51, 100, 0], 24, "documentation (198.51.100.0/24)"],
  [[203, 0, 113, 0], 24, "documentation (203.0.113.0/24)"],
  [[168, 63, 129, 16], 32, "cloud metadata (168.63.129.16)"],
  [[224, 0, 0, 0], 4, "multicast (224.0.0.0/4)"],
  [[240, 0, 0, 0], 4, "reserved / broadcast (240.0.0.0/4)"],
];

function inPrefix(bytes: readonly number[], prefix: readonly number[], bits: number): boolean {
  for (let i = 0; i < prefix.length && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((bytes[i] ?? 0) & mask) !== ((prefix[i] ?? 0) & mask)) return false;
  }
  return true;
}

function v4Reason(b: readonly number[]): string | undefined {
  for (const [prefix, bits, reason] of V4_BLOCKS) if (inPrefix(b, prefix, bits)) return reason;
  return undefined;
}

function v6Reason(b: readonly number[]): string | undefined {
  const zeros = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  if (zeros(0, 16)) return "unspecified address (::)";
  if (zeros(0, 15) && b[15] === 1) return "loopback (::1)";
  // IPv4-mapped ::ffff:a.b.c.d and IPv4-compatible ::a.b.c.d
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return wrap("IPv4-mapped", b.slice(12));
  if (zeros(0, 12)) return wrap("IPv4-compatible", b.slice(12));
  // NAT64 64:ff9b::/96 and 64:ff9b:1::/48
  if (inPrefix(b, [0, 0x64, 0xff, 0x9b], 32))
    return wrap("NAT64", b.slice(12)) ?? "NAT64 (64:ff9b::/32)";
  if (inPrefix(b, [0x20, 0x02], 16)) return wrap("6to4", b.slice(2, 6)) ?? undefined;
  if (inPrefix(b, [0x20, 0x01, 0, 0], 32)) return "Teredo (2001::/32)";
  if (inPrefix(b, [0x20, 0x01, 0x0d, 0xb8], 32)) return "documentation (2001:db8::/32)";
  if (inPrefix(b, [0x01, 0, 0, 0, 0, 0, 0, 0], 64)) return "discard (100::/64)";
  if (inPrefix(b, [0xfc], 7)) return "unique local / cloud metadata (fc00::/7)";
  if (inPrefix(b, [0xfe, 0x80], 10)) return "link-local (fe80::/10)";
  if (inPrefix(b, [0xfe, 0xc0], 10)) return "site-local (fec0::/10)";
  if (inPrefix(b, [0xff], 8)) return "multicast (ff00::/8)";
  return undefined;
}

function wrap(kind: string, v4: readonly number[]): string | undefined {
  const reason = v4Reason(v4);
  return reason === undefined ? undefined : `${kind} ${v4.join(".")}: ${reason}`;
}

/**
 * Why an IP address may not be a webhook target, or `undefined` when it is a public unicast
 * address. Non-IP input returns `undefined` (check names with {@link blockedHostnameReason}).
 */
export function blockedAddressReason(address: string): string | undefined {
  const v4 = parseIPv4(address);
  if (v4) return v4Reason(v4);
  const v6 = parseIPv6(address);
  if (v6) return v6Reason(v6);
  return undefined;
}

/** True when `host` is an IP literal (IPv4, or IPv6 with or without brackets). */
export function isIpLiteral(host: string): boolean {
  return parseIPv4(host) !== undefined || parseIPv6(host) !== undefined;
}

/** Names refused without resolving them (they always mean this machine or a metadata service). */
export function blockedHostnameReason(hostname: string): string | undefined {
  const h = hostname.toLowerCase().replace(/\.$/, "");
  if (h === "localhost" || h.endsWith(".localhost")) return "localhost";
  if (h === "metadata.google.internal" || h === "metadata" || h === "instance-data") {
    return "cloud metadata service";
  }
  return undefined;
}

/** Thrown when a webhook target is refused by the SSRF guard. */
export class WebhookTargetRefusedError extends Error {
  override readonly name = "WebhookTargetRefusedError";
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(
      `Refusing to send a push notification to ${url}: ${reason}. Webhooks must be public addresses; ` +
        "set allowPrivateNetworks: true on the push sender only for tests or trusted networks.",
    );
  }
}

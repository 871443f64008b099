/** Loopback host names and addresses, for the snippets' network guard. */
import { isIPv4 } from "node:net";

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "::1", "[::1]", "0:0:0:0:0:0:0:1"]);

/** True for `localhost`, 127.0.0.0/8 and ::1 (IPv4-mapped too). */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, "");
  if (LOOPBACK_NAMES.has(h)) return true;
  const v4 = h.replace(/^(::ffff:|\[::ffff:)/, "").replace(/]$/, "");
  return isIPv4(v4) && v4.startsWith("127.");
}

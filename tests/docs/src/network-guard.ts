/**
 * Preloaded (`node --import`) into every README snippet the docs test runs: refuses
 * connections and DNS lookups to anything but loopback, so a snippet can never reach the
 * network. A refused snippet fails with a message that says what to change.
 */
import dns from "node:dns";
import net from "node:net";
import { isLoopbackHost } from "./loopback.js";

function refusal(host: string): Error {
  return new Error(
    `README snippet tried to reach ${host}: snippets must only talk to servers they start on 127.0.0.1 (port 0). Mark the block \`\`\`ts no-run if it is not meant to run.`,
  );
}

/** The host a `Socket#connect` call targets, or undefined for IPC paths. */
function targetHost(args: unknown[]): string | undefined {
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (typeof first === "object" && first !== null) {
    const o = first as { host?: unknown; path?: unknown };
    if (typeof o.path === "string" && o.host === undefined) return undefined;
    return typeof o.host === "string" ? o.host : "localhost";
  }
  if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
    return typeof args[1] === "string" ? args[1] : "localhost";
  }
  return undefined; // a path: IPC
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const host = targetHost(args);
  if (host !== undefined && !isLoopbackHost(host)) throw refusal(host);
  return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof connect;

const lookup = dns.lookup;
dns.lookup = function guardedLookup(hostname: string, ...rest: unknown[]) {
  if (!isLoopbackHost(hostname)) throw refusal(hostname);
  return (lookup as (...a: unknown[]) => void).call(dns, hostname, ...rest);
} as typeof lookup;

const lookupPromise = dns.promises.lookup;
dns.promises.lookup = function guardedLookupPromise(hostname: string, ...rest: unknown[]) {
  if (!isLoopbackHost(hostname)) return Promise.reject(refusal(hostname));
  return (lookupPromise as (...a: unknown[]) => Promise<unknown>).call(
    dns.promises,
    hostname,
    ...rest,
  );
} as typeof lookupPromise;

import type { LookupAddress, LookupOptions } from "node:dns";
import { lookup as dnsLookupAsync } from "node:dns/promises";
import * as http from "node:http";
import * as https from "node:https";
import type { LookupFunction } from "node:net";
import {
  createPushSender,
  type PushSender,
  type PushSenderOptions,
  type WebhookPost,
} from "../push/push-sender.js";
import { blockedAddressReason, WebhookTargetRefusedError } from "../push/ssrf.js";

/** Options of {@link createNodePushSender}: those of `createPushSender` minus the transport. */
export type NodePushSenderOptions = Omit<PushSenderOptions, "post" | "resolveHost"> & {
  /** DNS lookup, for tests (e.g. a name that resolves to 10.0.0.1). Default `dns.lookup`. */
  lookup?: (hostname: string) => Promise<LookupAddress[]>;
};

/**
 * The push sender for Node: `createPushSender` over `node:http`/`node:https`, with the SSRF
 * guard applied to the address the socket actually connects to (a custom `lookup` refuses
 * blocked addresses at connect time), so a DNS answer that changes between the check and the
 * connection (DNS rebinding) cannot reach a private address.
 */
export function createNodePushSender(options: NodePushSenderOptions = {}): PushSender {
  const resolve =
    options.lookup ?? ((host: string) => dnsLookupAsync(host, { all: true, verbatim: true }));
  const guarded = !options.allowPrivateNetworks;
  const { lookup: _l, ...rest } = options;
  return createPushSender({
    ...rest,
    resolveHost: async (host) => (await resolve(host)).map((a) => a.address),
    post: nodePost(guarded ? guardedLookup(resolve) : undefined),
  });
}

/** A `net` lookup that resolves with `resolve` and refuses blocked addresses. */
export function guardedLookup(
  resolve: (hostname: string) => Promise<LookupAddress[]>,
): LookupFunction {
  return ((hostname: string, options: LookupOptions, callback: (...args: unknown[]) => void) => {
    resolve(hostname).then(
      (all) => {
        const family = typeof options.family === "number" ? options.family : 0;
        const usable = all.filter((a) => family === 0 || a.family === family);
        for (const a of usable) {
          const reason = blockedAddressReason(a.address);
          if (reason) {
            callback(
              new WebhookTargetRefusedError(
                hostname,
                `${hostname} resolves to ${a.address}, ${reason}`,
              ),
            );
            return;
          }
        }
        const first = usable[0];
        if (!first) {
          callback(Object.assign(new Error(`${hostname} does not resolve`), { code: "ENOTFOUND" }));
        } else if (options.all) {
          callback(null, usable);
        } else {
          callback(null, first.address, first.family);
        }
      },
      (error) => callback(error),
    );
  }) as LookupFunction;
}

function nodePost(lookup: LookupFunction | undefined): WebhookPost {
  return (url, init) =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      const request = (target.protocol === "https:" ? https : http).request(
        target,
        {
          method: "POST",
          headers: { ...init.headers, "content-length": String(Buffer.byteLength(init.body)) },
          signal: init.signal,
          ...(lookup ? { lookup } : {}),
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
          res.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(init.body);
    });
}

import { type IncomingHttpHeaders, createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** One push notification received by {@link startWebhookReceiver}. */
export interface ReceivedPush {
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** A webhook on 127.0.0.1 (port from 0) that records every POST it gets and answers 200. */
export async function startWebhookReceiver(): Promise<{
  url: string;
  received: ReceivedPush[];
  /** Resolves with the first body matching `match` (already received or arriving later). */
  waitFor(match: (body: unknown) => boolean): Promise<unknown>;
  close(): Promise<void>;
}> {
  const received: ReceivedPush[] = [];
  const waiters: { match: (body: unknown) => boolean; resolve: (b: unknown) => void }[] = [];
  const server = createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => {
      raw += c;
    });
    req.on("end", () => {
      let body: unknown = raw;
      try {
        body = JSON.parse(raw);
      } catch {
        // keep the raw text: the test will show it
      }
      received.push({ headers: req.headers, body });
      for (const w of [...waiters]) {
        if (w.match(body)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(body);
        }
      }
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    received,
    waitFor(match) {
      const hit = received.find((r) => match(r.body));
      if (hit) return Promise.resolve(hit.body);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

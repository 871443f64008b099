import type { A2AHandler, ServerBinding, ServerBindingOptions } from "@agentmesh/a2a-transport";
import { createCallContext } from "@agentmesh/a2a-transport";

/** A minimal binding: POST {path} with a SendMessageRequest JSON → SendMessageResponse JSON. */
export function fakeBinding(
  opts: { path?: string; protocolBinding?: ServerBinding["protocolBinding"]; http2?: boolean } = {},
): ServerBinding & { seen: ServerBindingOptions[] } {
  const seen: ServerBindingOptions[] = [];
  const path = opts.path ?? "/a2a/fake";
  const binding: ServerBinding & { seen: ServerBindingOptions[] } = {
    seen,
    protocolBinding: opts.protocolBinding ?? "JSONRPC",
    path,
    createFetchHandler(options) {
      seen.push(options);
      return async (request) => {
        const res = await call(options.handler, await request.json());
        return new Response(JSON.stringify(res), {
          headers: { "content-type": "application/json" },
        });
      };
    },
    interfaceUrl: ({ httpBaseUrl, grpcAddress }) =>
      opts.http2 && grpcAddress ? grpcAddress : `${httpBaseUrl}${path}`,
  };
  if (opts.http2) {
    binding.createHttp2Handler = (options) => (_req, res) => {
      const r = res as {
        writeHead(s: number, h: Record<string, string>): void;
        end(b: string): void;
      };
      r.writeHead(200, { "content-type": "text/plain" });
      r.end(`h2 ok ${typeof options.handler.sendMessage}`);
    };
  }
  return binding;
}

function call(handler: A2AHandler, body: unknown) {
  return handler.sendMessage(
    body as never,
    createCallContext({ method: "SendMessage", binding: "JSONRPC" }),
  );
}

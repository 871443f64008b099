import { type AgentCard, AgentCardSchema, toJsonString } from "@agentmesh/a2a-types";

/** Paths where the public agent card is served. */
export const AGENT_CARD_PATHS = [
  "/.well-known/agent-card.json",
  "/.well-known/agent.json",
] as const;

/** Options of {@link createAgentCardHandler}. */
export interface AgentCardHandlerOptions {
  /** Produces the card for a request (already modified by the card modifier). */
  card: (request: Request) => AgentCard | Promise<AgentCard>;
  /** `Cache-Control: public, max-age=<n>`. Default `300`. */
  maxAgeSeconds?: number;
}

/**
 * Serves the public agent card at `/.well-known/agent-card.json` and the legacy
 * `/.well-known/agent.json` with `Cache-Control`, a strong `ETag` (SHA-256 of the body),
 * `Last-Modified` (when the card's content last changed) and conditional GET (`If-None-Match`,
 * then `If-Modified-Since`, answered with 304). Returns `undefined` for other paths.
 */
export function createAgentCardHandler(
  options: AgentCardHandlerOptions,
): (request: Request) => Promise<Response | undefined> {
  const maxAge = options.maxAgeSeconds ?? 300;
  let last: { body: string; etag: string; modified: string } | undefined;

  return async (request) => {
    const path = new URL(request.url).pathname;
    if (!(AGENT_CARD_PATHS as readonly string[]).includes(path)) return undefined;
    if (request.method === "OPTIONS") {
      return new Response(null, { status: 204, headers: corsHeaders() });
    }
    if (request.method !== "GET" && request.method !== "HEAD") {
      return new Response("Method Not Allowed: the agent card is read with GET", {
        status: 405,
        headers: { allow: "GET, HEAD, OPTIONS", "content-type": "text/plain; charset=utf-8" },
      });
    }
    const body = toJsonString(AgentCardSchema, await options.card(request));
    if (!last || last.body !== body) {
      last = { body, etag: await etagOf(body), modified: httpDate(new Date()) };
    }
    const headers: Record<string, string> = {
      "cache-control": `public, max-age=${maxAge}`,
      etag: last.etag,
      "last-modified": last.modified,
      vary: "A2A-Version",
      ...corsHeaders(),
    };
    if (notModified(request, last.etag, last.modified)) {
      return new Response(null, { status: 304, headers });
    }
    headers["content-type"] = "application/json";
    return new Response(request.method === "HEAD" ? null : last.body, { status: 200, headers });
  };
}

function corsHeaders(): Record<string, string> {
  return {
    "access-control-allow-origin": "*",
    "access-control-allow-methods": "GET, HEAD, OPTIONS",
    "access-control-allow-headers": "A2A-Version, If-None-Match, If-Modified-Since",
    "access-control-expose-headers": "ETag, Last-Modified",
  };
}

function notModified(request: Request, etag: string, modified: string): boolean {
  const inm = request.headers.get("if-none-match");
  if (inm !== null) {
    if (inm.trim() === "*") return true;
    return inm.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
  }
  const ims = request.headers.get("if-modified-since");
  if (ims !== null) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Date.parse(modified) <= since;
  }
  return false;
}

async function etagOf(body: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body));
  let bin = "";
  for (const b of new Uint8Array(digest).subarray(0, 18)) bin += String.fromCharCode(b);
  return `"${btoa(bin).replace(/\+/g, "-").replace(/\//g, "_")}"`;
}

function httpDate(date: Date): string {
  // HTTP dates have second precision
  return new Date(Math.floor(date.getTime() / 1000) * 1000).toUTCString();
}

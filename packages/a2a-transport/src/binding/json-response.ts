/**
 * Where a binding attaches the exact body of a buffered `Response` (string or bytes); the Node
 * adapter then writes it directly instead of draining the web stream. Private, no semver.
 */
export const RAW_BODY = Symbol.for("@agentmesh/a2a-transport/raw-body");

/**
 * Where a response built by {@link jsonResponse} for the Node adapter keeps its status and
 * plain header record, as long as nobody asked for `response.headers` (the adapter then
 * writes them as they are). Private, no semver.
 */
export const RAW_HEAD = Symbol.for("@agentmesh/a2a-transport/raw-head");

/**
 * Set by the Node adapter on the `Request`s it builds: the response goes straight back to
 * the adapter, which reads {@link RAW_BODY} / {@link RAW_HEAD}. Private, no semver.
 */
export const FROM_NODE_ADAPTER = Symbol.for("@agentmesh/a2a-transport/from-node-adapter");

/** The plain head of a {@link jsonResponse}: status and header record. */
export interface RawHead {
  readonly status: number;
  readonly headers: Record<string, string>;
}

const encoder = new TextEncoder();

/**
 * A `Response` for the Node adapter whose body and headers are built only when someone asks
 * for them: the adapter writes {@link RAW_BODY} and {@link RAW_HEAD} without ever building
 * the web body stream or `Headers`. Everything a caller can read through the `Response` API
 * (headers, body, text(), json(), clone(), …) gives the same values as a plain `Response`.
 * Only built when the request came from the Node adapter (on other runtimes the platform
 * would read the internal body, which is empty here).
 */
class NodeJsonResponse extends Response {
  readonly #text: string;
  readonly #head: Record<string, string>;
  #headers: Headers | undefined;
  #body: ReadableStream<Uint8Array<ArrayBuffer>> | undefined;
  #used = false;

  constructor(text: string, status: number, headers: Record<string, string>) {
    super(null, { status });
    this.#text = text;
    this.#head = headers;
  }

  /** The head when nobody has read (and maybe changed) `headers`; `undefined` otherwise. */
  get [RAW_HEAD](): RawHead | undefined {
    return this.#headers === undefined ? { status: this.status, headers: this.#head } : undefined;
  }

  /** The body text while nobody has read the body. */
  get [RAW_BODY](): string | undefined {
    return this.#used || this.#body !== undefined ? undefined : this.#text;
  }

  override get headers(): Headers {
    this.#headers ??= new Headers(this.#head);
    return this.#headers;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> {
    if (this.#body === undefined) {
      const bytes = encoder.encode(this.#text) as Uint8Array<ArrayBuffer>;
      // highWaterMark 0: pull runs on the first read only, which is when the body is used.
      this.#body = new ReadableStream<Uint8Array<ArrayBuffer>>(
        {
          pull: (c) => {
            this.#used = true;
            c.enqueue(bytes);
            c.close();
          },
        },
        { highWaterMark: 0 },
      );
    }
    return this.#body;
  }

  override get bodyUsed(): boolean {
    return this.#used || this.#body?.locked === true;
  }

  #take(): string {
    if (this.#used || this.#body?.locked) {
      throw new TypeError("Body is unusable: Body has already been read");
    }
    this.#used = true;
    return this.#text;
  }

  override async text(): Promise<string> {
    return this.#take();
  }

  override async json(): Promise<unknown> {
    return JSON.parse(this.#take());
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    return encoder.encode(this.#take()).buffer as ArrayBuffer;
  }

  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return encoder.encode(this.#take()) as Uint8Array<ArrayBuffer>;
  }

  override async blob(): Promise<Blob> {
    return new Blob([this.#take()], { type: this.headers.get("content-type") ?? "" });
  }

  override clone(): Response {
    if (this.bodyUsed) throw new TypeError("Response.clone: Body has already been consumed.");
    const head: Record<string, string> = {};
    for (const [k, v] of this.headers) head[k] = v;
    return new Response(this.#text, { status: this.status, headers: head });
  }
}

/**
 * A JSON `Response` (`text` already serialized). When `request` came from the Node adapter,
 * a lazy response the adapter writes without building web body streams or `Headers`;
 * otherwise a plain `Response` carrying {@link RAW_BODY}.
 */
export function jsonResponse(
  request: Request,
  text: string,
  status: number,
  headers: Record<string, string>,
): Response {
  if ((request as Request & { [FROM_NODE_ADAPTER]?: boolean })[FROM_NODE_ADAPTER] === true) {
    return new NodeJsonResponse(text, status, headers);
  }
  const res = new Response(text, { status, headers });
  (res as Response & { [RAW_BODY]?: string })[RAW_BODY] = text;
  return res;
}

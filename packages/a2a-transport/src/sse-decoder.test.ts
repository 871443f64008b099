import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { A2AClientError, A2AClientErrorCode } from "./a2a-client-error.js";
import { decodeSse } from "./sse-decoder.js";
import { type SseEvent, encodeSseComment, encodeSseEvent } from "./sse-encoder.js";

const enc = new TextEncoder();

function streamOf(chunks: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(c) {
        const next = chunks[i++];
        if (next === undefined) c.close();
        else c.enqueue(next);
      },
    },
    { highWaterMark: 0 },
  );
}

async function collect(
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
  maxEventBytes?: number,
): Promise<SseEvent[]> {
  const out: SseEvent[] = [];
  for await (const ev of decodeSse(body, maxEventBytes === undefined ? {} : { maxEventBytes }))
    out.push(ev);
  return out;
}

function splitAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let prev = 0;
  for (const p of points) {
    out.push(bytes.slice(prev, p));
    prev = p;
  }
  out.push(bytes.slice(prev));
  return out;
}

describe("decodeSse basics", () => {
  it("decodes A2A-style events", async () => {
    const text = 'data: {"task":{"id":"t-1"}}\n\ndata: {"statusUpdate":{}}\n\n';
    expect(await collect(streamOf([enc.encode(text)]))).toEqual([
      { data: '{"task":{"id":"t-1"}}' },
      { data: '{"statusUpdate":{}}' },
    ]);
  });

  it("handles CRLF, CR, comments, multi-line data, fields without space, unknown fields", async () => {
    const text =
      ": hello\r\n:\r\nevent: error\r\nid: 7\r\nretry: 1500\r\ndata: a\r\ndata:b\r\nfoo: bar\r\n\r\n" +
      "data\rdata: x\r\r" +
      "retry: soon\ndata: y\n\n";
    expect(await collect(streamOf([enc.encode(text)]))).toEqual([
      { event: "error", id: "7", retry: 1500, data: "a\nb" },
      { data: "\nx" },
      { data: "y" },
    ]);
  });

  it("skips blocks without data, a leading BOM, and an unfinished last event", async () => {
    const text = "\uFEFFevent: ping\n\n: keep-alive\n\ndata: ok\n\ndata: cut off";
    expect(await collect(streamOf([enc.encode(text)]))).toEqual([{ data: "ok" }]);
  });

  it("keeps a BOM that is not at the start of the stream", async () => {
    const text = "data: a\n\n\uFEFFdata: b\n\n";
    expect(await collect(streamOf([enc.encode(text)]))).toEqual([{ data: "a" }]);
  });

  it("ignores an id containing NUL", async () => {
    expect(await collect(streamOf([enc.encode("id: a\0b\ndata: x\n\n")]))).toEqual([{ data: "x" }]);
  });

  it("splits CRLF across chunks as one line break", async () => {
    const chunks = [
      enc.encode("data: a\r"),
      enc.encode("\ndata: b\r"),
      enc.encode("\n\r"),
      enc.encode("\n"),
    ];
    expect(await collect(streamOf(chunks))).toEqual([{ data: "a\nb" }]);
  });

  it("joins a multi-byte character split across chunks", async () => {
    const bytes = enc.encode("data: 😀é中\n\n");
    const events = await collect(streamOf([...bytes].map((b) => Uint8Array.of(b))));
    expect(events).toEqual([{ data: "😀é中" }]);
  });

  it("reads an AsyncIterable<Uint8Array> (e.g. a Node stream)", async () => {
    async function* chunks() {
      yield enc.encode("data: 1\n");
      yield new Uint8Array(0);
      yield enc.encode("\ndata: 2\n\n");
    }
    expect(await collect(chunks())).toEqual([{ data: "1" }, { data: "2" }]);
  });
});

// What decodeSse must produce for events encoded by encodeSseEvent.
function expectedOf(ev: SseEvent): SseEvent {
  const out: SseEvent = { data: ev.data.replace(/\r\n|\r/g, "\n") };
  if (ev.event !== undefined && ev.event !== "") out.event = ev.event;
  if (ev.id !== undefined) out.id = ev.id;
  if (ev.retry !== undefined) out.retry = ev.retry;
  return out;
}

const textUnit = fc.constantFrom("a", "Z", " ", ":", "é", "中", "😀", "\n", "\r", "\r\n", "{", '"');
const lineUnit = fc.constantFrom("a", "Z", " ", ":", "é", "中", "😀", "{", '"');
const eventArb: fc.Arbitrary<SseEvent> = fc
  .record(
    {
      data: fc.oneof(fc.string({ unit: textUnit }), fc.string({ unit: "grapheme" })),
      event: fc.string({ unit: lineUnit, minLength: 1 }),
      id: fc.string({ unit: lineUnit }),
      retry: fc.nat(),
    },
    { requiredKeys: ["data"] },
  )
  .map((r) => r as SseEvent);

describe("decodeSse properties", () => {
  it("decodes what encodeSseEvent wrote, for any chunking and line-end style", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(eventArb, fc.option(fc.string({ unit: lineUnit }))), { maxLength: 8 }),
        fc.constantFrom("\n", "\r\n", "\r"),
        fc.array(fc.nat(), { maxLength: 12 }),
        async (items, eol, cuts) => {
          let text = "";
          for (const [ev, comment] of items) {
            if (comment !== null) text += encodeSseComment(comment);
            text += encodeSseEvent(ev);
          }
          text = text.replace(/\n/g, eol);
          const chunks = splitAt(enc.encode(text), cuts);
          expect(await collect(streamOf(chunks))).toEqual(items.map(([ev]) => expectedOf(ev)));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("decodeSse limits, laziness and cancellation", () => {
  it("refuses an event larger than maxEventBytes", async () => {
    const big = `data: ${"x".repeat(100)}\ndata: ${"y".repeat(100)}\n\n`;
    const err = await collect(streamOf([enc.encode(big)]), 150).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(A2AClientError);
    expect((err as A2AClientError).code).toBe(A2AClientErrorCode.InvalidResponse);
    expect(await collect(streamOf([enc.encode(big)]), 300)).toHaveLength(1);
  });

  it("refuses an endless line split over many chunks", async () => {
    const chunks = Array.from({ length: 50 }, () => enc.encode("z".repeat(10)));
    const err = await collect(streamOf([enc.encode("data: "), ...chunks]), 100).catch(
      (e: unknown) => e,
    );
    expect((err as A2AClientError).code).toBe(A2AClientErrorCode.InvalidResponse);
  });

  it("does not count comments between events against the limit", async () => {
    const text = `data: a\n\n: ${"k".repeat(80)}\n: ${"k".repeat(80)}\ndata: b\n\n`;
    expect(await collect(streamOf([enc.encode(text)]), 100)).toEqual([
      { data: "a" },
      { data: "b" },
    ]);
  });

  it("reads a chunk only when the consumer asks for an event", async () => {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(c) {
          pulls++;
          c.enqueue(enc.encode(`data: ${pulls}\n\n`));
        },
      },
      { highWaterMark: 0 },
    );
    const it = decodeSse(body)[Symbol.asyncIterator]();
    expect((await it.next()).value).toEqual({ data: "1" });
    await new Promise((r) => setTimeout(r, 10));
    expect(pulls).toBe(1);
    expect((await it.next()).value).toEqual({ data: "2" });
    expect(pulls).toBe(2);
    await it.return?.();
  });

  it("cancels the body when the consumer stops", async () => {
    let cancelled: unknown = "not cancelled";
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        c.enqueue(enc.encode("data: x\n\n"));
      },
      cancel(reason) {
        cancelled = reason;
      },
    });
    for await (const _ of decodeSse(body)) break;
    expect(cancelled).toBeUndefined();
    expect(body.locked).toBe(false);
  });

  it("calls return() of an async-iterable body when the consumer stops", async () => {
    let finished = false;
    async function* chunks() {
      try {
        while (true) yield enc.encode("data: x\n\n");
      } finally {
        finished = true;
      }
    }
    for await (const _ of decodeSse(chunks())) break;
    expect(finished).toBe(true);
  });

  it("stops a pending read on abort and throws the signal's reason", async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(enc.encode("data: first\n\n"));
      },
      cancel() {
        cancelled = true;
      },
    });
    const ac = new AbortController();
    const it = decodeSse(body, { signal: ac.signal })[Symbol.asyncIterator]();
    expect((await it.next()).value).toEqual({ data: "first" });
    const pending = it.next();
    ac.abort(new Error("stop now"));
    await expect(pending).rejects.toThrow("stop now");
    expect(cancelled).toBe(true);
  });

  it("throws at once when the signal is already aborted", async () => {
    const ac = new AbortController();
    ac.abort(new DOMException("gone", "AbortError"));
    await expect(collect(streamOf([]))).resolves.toEqual([]);
    const it = decodeSse(streamOf([enc.encode("data: a\n\n")]), { signal: ac.signal });
    await expect(it.next()).rejects.toMatchObject({ name: "AbortError" });
  });
});

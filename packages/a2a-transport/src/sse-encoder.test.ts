import { describe, expect, it } from "vitest";
import { decodeSse } from "./sse-decoder.js";
import {
  type SseEvent,
  encodeSseComment,
  encodeSseEvent,
  sseResponseStream,
} from "./sse-encoder.js";

const dec = new TextDecoder();

describe("encodeSseEvent", () => {
  it("writes one data line and a blank line for A2A events", () => {
    expect(encodeSseEvent({ data: '{"task":{}}' })).toBe('data: {"task":{}}\n\n');
    expect(encodeSseEvent({ data: "" })).toBe("data: \n\n");
  });

  it("writes event, id and retry before the data, splitting multi-line data", () => {
    expect(encodeSseEvent({ event: "error", id: "9", retry: 0, data: "a\r\nb\rc\nd" })).toBe(
      "event: error\nid: 9\nretry: 0\ndata: a\ndata: b\ndata: c\ndata: d\n\n",
    );
  });

  it("refuses fields that cannot be represented", () => {
    expect(() => encodeSseEvent({ data: "x", event: "a\nb" })).toThrow(TypeError);
    expect(() => encodeSseEvent({ data: "x", id: "a\rb" })).toThrow(TypeError);
    expect(() => encodeSseEvent({ data: "x", id: "a\0b" })).toThrow(TypeError);
    expect(() => encodeSseEvent({ data: "x", retry: -1 })).toThrow(TypeError);
    expect(() => encodeSseEvent({ data: "x", retry: 1.5 })).toThrow(TypeError);
  });

  it("writes comments", () => {
    expect(encodeSseComment()).toBe(":\n\n");
    expect(encodeSseComment("keep-alive")).toBe(": keep-alive\n\n");
    expect(encodeSseComment("a\nb")).toBe(": a\n: b\n\n");
  });
});

async function readText(stream: ReadableStream<Uint8Array>): Promise<string> {
  let text = "";
  const reader = stream.getReader();
  while (true) {
    const r = await reader.read();
    if (r.done) return text;
    text += dec.decode(r.value, { stream: true });
  }
}

function deferred<T = void>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("sseResponseStream", () => {
  it("encodes every event and closes at the end", async () => {
    async function* events(): AsyncGenerator<SseEvent> {
      yield { data: "1" };
      yield { data: "2", event: "error" };
    }
    expect(await readText(sseResponseStream(events()))).toBe(
      "data: 1\n\nevent: error\ndata: 2\n\n",
    );
  });

  it("round-trips through decodeSse", async () => {
    const sent: SseEvent[] = [
      { data: '{"message":{"parts":[{"text":"héllo 😀"}]}}' },
      { data: "multi\nline" },
      { data: "{}", event: "error", id: "3" },
    ];
    async function* events() {
      yield* sent;
    }
    const got: SseEvent[] = [];
    for await (const ev of decodeSse(sseResponseStream(events()))) got.push(ev);
    expect(got).toEqual(sent);
  });

  it("never pulls the producer ahead of a slow consumer", async () => {
    let produced = 0;
    async function* events(): AsyncGenerator<SseEvent> {
      while (true) {
        produced++;
        yield { data: String(produced) };
      }
    }
    const reader = sseResponseStream(events()).getReader();
    await tick();
    expect(produced).toBe(0);
    expect(dec.decode((await reader.read()).value)).toBe("data: 1\n\n");
    await tick();
    await tick();
    expect(produced).toBe(1);
    await reader.read();
    await tick();
    expect(produced).toBe(2);
    await reader.cancel();
  });

  it("calls return() on cancel, and finally blocks run", async () => {
    let cleaned = false;
    async function* events(): AsyncGenerator<SseEvent> {
      try {
        yield { data: "1" };
        yield { data: "2" };
      } finally {
        cleaned = true;
      }
    }
    const reader = sseResponseStream(events()).getReader();
    await reader.read();
    await reader.cancel();
    expect(cleaned).toBe(true);
  });

  it("does not hang on cancel while the producer is waiting", async () => {
    const gate = deferred();
    let cleaned = false;
    async function* events(): AsyncGenerator<SseEvent> {
      try {
        yield { data: "1" };
        await gate.promise;
        yield { data: "2" };
      } finally {
        cleaned = true;
      }
    }
    const reader = sseResponseStream(events()).getReader();
    await reader.read();
    const pendingRead = reader.read();
    await tick();
    await reader.cancel();
    expect(await pendingRead).toEqual({ done: true, value: undefined });
    gate.resolve();
    await tick();
    expect(cleaned).toBe(true);
  });

  it("closes cleanly when the signal aborts and stops the producer", async () => {
    const ac = new AbortController();
    const gate = deferred();
    let cleaned = false;
    async function* events(): AsyncGenerator<SseEvent> {
      try {
        yield { data: "1" };
        await gate.promise;
        yield { data: "never" };
      } finally {
        cleaned = true;
      }
    }
    const text = readText(sseResponseStream(events(), { signal: ac.signal }));
    await tick();
    ac.abort();
    expect(await text).toBe("data: 1\n\n");
    gate.resolve();
    await tick();
    expect(cleaned).toBe(true);
  });

  it("stops the producer on abort even while nobody reads", async () => {
    const ac = new AbortController();
    let cleaned = false;
    async function* events(): AsyncGenerator<SseEvent> {
      try {
        while (true) yield { data: "x" };
      } finally {
        cleaned = true;
      }
    }
    const reader = sseResponseStream(events(), { signal: ac.signal }).getReader();
    await reader.read();
    ac.abort();
    await tick();
    expect(cleaned).toBe(true);
    expect(await reader.read()).toEqual({ done: true, value: undefined });
  });

  it("is closed at once for an already-aborted signal, and the producer never runs", async () => {
    let started = false;
    async function* events(): AsyncGenerator<SseEvent> {
      started = true;
      yield { data: "x" };
    }
    const text = await readText(sseResponseStream(events(), { signal: AbortSignal.abort() }));
    expect(text).toBe("");
    expect(started).toBe(false);
  });

  it("honours an abort that lands while an event is being delivered", async () => {
    const ac = new AbortController();
    let produced = 0;
    async function* events(): AsyncGenerator<SseEvent> {
      while (true) {
        produced++;
        if (produced === 2) ac.abort();
        yield { data: String(produced) };
      }
    }
    const text = await readText(sseResponseStream(events(), { signal: ac.signal }));
    expect(text.startsWith("data: 1\n\n")).toBe(true);
    expect(produced).toBeLessThanOrEqual(2);
  });

  it("sends keep-alive comments while the producer is quiet", async () => {
    const gate = deferred();
    async function* events(): AsyncGenerator<SseEvent> {
      await gate.promise;
      yield { data: "late" };
    }
    const reader = sseResponseStream(events(), { keepAliveMs: 5 }).getReader();
    expect(dec.decode((await reader.read()).value)).toBe(": keep-alive\n\n");
    gate.resolve();
    let text = "";
    while (true) {
      const r = await reader.read();
      if (r.done) break;
      text += dec.decode(r.value);
    }
    expect(text.replaceAll(": keep-alive\n\n", "")).toBe("data: late\n\n");
  });

  it("shares one keep-alive ticker between streams and stops it when they end", async () => {
    const gates = [deferred(), deferred()];
    const make = (i: number) =>
      (async function* (): AsyncGenerator<SseEvent> {
        await gates[i]!.promise;
        yield { data: `e${i}` };
      })();
    const readers = [0, 1].map((i) => sseResponseStream(make(i), { keepAliveMs: 7 }).getReader());
    for (const r of readers) expect(dec.decode((await r.read()).value)).toBe(": keep-alive\n\n");
    for (const g of gates) g.resolve();
    for (const [i, r] of readers.entries()) {
      let text = "";
      for (;;) {
        const x = await r.read();
        if (x.done) break;
        text += dec.decode(x.value);
      }
      expect(text.replaceAll(": keep-alive\n\n", "")).toBe(`data: e${i}\n\n`);
    }
    // both streams ended: a stream created now starts its own ticker again and still works
    const gate = deferred();
    const r = sseResponseStream(
      (async function* (): AsyncGenerator<SseEvent> {
        await gate.promise;
        yield { data: "x" };
      })(),
      { keepAliveMs: 7 },
    ).getReader();
    expect(dec.decode((await r.read()).value)).toBe(": keep-alive\n\n");
    await r.cancel();
    gate.resolve();
  });

  it("errors the stream when the producer throws", async () => {
    async function* events(): AsyncGenerator<SseEvent> {
      yield { data: "1" };
      throw new Error("producer failed");
    }
    await expect(readText(sseResponseStream(events()))).rejects.toThrow("producer failed");
  });

  it("errors the stream on an event that cannot be encoded, and stops the producer", async () => {
    let cleaned = false;
    async function* events(): AsyncGenerator<SseEvent> {
      try {
        yield { data: "x", id: "bad\nid" };
      } finally {
        cleaned = true;
      }
    }
    await expect(readText(sseResponseStream(events()))).rejects.toThrow(TypeError);
    expect(cleaned).toBe(true);
  });
});

import { A2AClientError, A2AClientErrorCode } from "./a2a-client-error.js";
import type { SseEvent } from "./sse-encoder.js";

const LF = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;

/**
 * The incremental `text/event-stream` parser behind `decodeSse` (WHATWG HTML §9.2.6).
 * Lines are split on bytes (CR, LF and CRLF never occur inside a UTF-8 sequence), so a
 * chunk boundary anywhere — inside a CRLF pair or a multi-byte character — is harmless;
 * each complete line is then decoded as UTF-8.
 */
export class SseParser {
  readonly #maxEventBytes: number;
  readonly #decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  #partial: Uint8Array[] = [];
  #partialBytes = 0;
  #skipLF = false;
  #firstLine = true;
  #data: string[] = [];
  #event = "";
  #id: string | undefined;
  #retry: number | undefined;
  #eventBytes = 0;

  /** @param maxEventBytes - the largest event (and line) accepted, in bytes. */
  constructor(maxEventBytes: number) {
    this.#maxEventBytes = maxEventBytes;
  }

  /**
   * Feeds one chunk; returns the events it completed.
   * @throws A2AClientError `INVALID_RESPONSE` when an event grows beyond `maxEventBytes`.
   */
  push(chunk: Uint8Array): SseEvent[] {
    const out: SseEvent[] = [];
    let pos = 0;
    if (this.#skipLF) {
      this.#skipLF = false;
      if (chunk[0] === LF) pos = 1;
    }
    let nextLF = -2;
    let nextCR = -2;
    while (pos < chunk.length) {
      if (nextLF !== -1 && nextLF < pos) nextLF = chunk.indexOf(LF, pos);
      if (nextCR !== -1 && nextCR < pos) nextCR = chunk.indexOf(CR, pos);
      const end = nextLF === -1 ? nextCR : nextCR === -1 ? nextLF : Math.min(nextLF, nextCR);
      if (end === -1) {
        this.#partial.push(chunk.slice(pos));
        this.#partialBytes += chunk.length - pos;
        this.#checkSize(0);
        break;
      }
      this.#line(this.#takeLine(chunk.subarray(pos, end)), out);
      if (chunk[end] === CR) {
        if (end + 1 < chunk.length) {
          if (chunk[end + 1] === LF) {
            pos = end + 2;
            continue;
          }
        } else {
          this.#skipLF = true;
        }
      }
      pos = end + 1;
    }
    return out;
  }

  #takeLine(tail: Uint8Array): Uint8Array {
    if (this.#partial.length === 0) return tail;
    const line = new Uint8Array(this.#partialBytes + tail.length);
    let at = 0;
    for (const p of this.#partial) {
      line.set(p, at);
      at += p.length;
    }
    line.set(tail, at);
    this.#partial = [];
    this.#partialBytes = 0;
    return line;
  }

  #checkSize(lineBytes: number): void {
    if (this.#eventBytes + this.#partialBytes + lineBytes > this.#maxEventBytes) {
      throw new A2AClientError(
        A2AClientErrorCode.InvalidResponse,
        `server-sent event larger than ${this.#maxEventBytes} bytes; raise maxEventBytes if such events are expected`,
      );
    }
  }

  #line(bytes: Uint8Array, out: SseEvent[]): void {
    let line = bytes;
    if (this.#firstLine) {
      this.#firstLine = false;
      if (line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf) line = line.subarray(3);
    }
    if (line.length === 0) {
      this.#dispatch(out);
      return;
    }
    if (line[0] === COLON) return; // comment / keep-alive
    this.#checkSize(line.length);
    this.#eventBytes += line.length;
    const text = this.#decoder.decode(line);
    const colon = text.indexOf(":");
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? "" : text.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    switch (field) {
      case "data":
        this.#data.push(value);
        break;
      case "event":
        this.#event = value;
        break;
      case "id":
        if (!value.includes("\0")) this.#id = value;
        break;
      case "retry":
        if (/^\d+$/.test(value)) this.#retry = Number(value);
        break;
      default:
        break; // unknown fields are ignored
    }
  }

  #dispatch(out: SseEvent[]): void {
    if (this.#data.length > 0) {
      const ev: SseEvent = { data: this.#data.join("\n") };
      if (this.#event !== "") ev.event = this.#event;
      if (this.#id !== undefined) ev.id = this.#id;
      if (this.#retry !== undefined) ev.retry = this.#retry;
      out.push(ev);
    }
    this.#data = [];
    this.#event = "";
    this.#id = undefined;
    this.#retry = undefined;
    this.#eventBytes = 0;
  }
}

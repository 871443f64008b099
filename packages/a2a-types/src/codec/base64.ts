/**
 * Base64 for `bytes` fields, with no runtime dependency (no Buffer, no atob).
 * Input: standard or URL-safe alphabet, padded or not. Output: standard with padding.
 */

const STD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
// char code → 6-bit value, or -1 for characters outside both alphabets
const DECODE = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) DECODE[STD.charCodeAt(i)] = i;
DECODE["-".charCodeAt(0)] = 62;
DECODE["_".charCodeAt(0)] = 63;

/**
 * Normalises base64 text to standard padded base64 (the canonical form).
 * Returns undefined when the text is not base64.
 */
export function normalizeBase64(s: string): string | undefined {
  let end = s.length;
  if (end > 0 && s.charCodeAt(end - 1) === 61 /* = */) end--;
  if (end > 0 && s.charCodeAt(end - 1) === 61) end--;
  const rem = end % 4;
  if (rem === 1) return undefined;
  // padding, if given, may only complete the last group
  const pad = s.length - end;
  if (pad > 0 && (rem === 0 || pad > 4 - rem)) return undefined;
  let clean = true;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || DECODE[c] === -1) return undefined;
    if (c === 45 /* - */ || c === 95 /* _ */) clean = false;
  }
  // the unused low bits of the last character must be zero (as re-encoding would give)
  if (rem !== 0) {
    const last = DECODE[s.charCodeAt(end - 1)] as number;
    const mask = rem === 2 ? 0x0f : 0x03;
    if ((last & mask) !== 0) {
      const fixed = STD.charAt(last & ~mask);
      return normalizeChars(s.slice(0, end - 1), clean) + fixed + (rem === 2 ? "==" : "=");
    }
  }
  const body = normalizeChars(end === s.length ? s : s.slice(0, end), clean);
  return rem === 0 ? body : body + (rem === 2 ? "==" : "=");
}

function normalizeChars(s: string, clean: boolean): string {
  return clean ? s : s.replace(/-/g, "+").replace(/_/g, "/");
}

/** Encodes bytes as standard padded base64. */
export function base64Encode(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n =
      ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out +=
      STD.charAt(n >> 18) +
      STD.charAt((n >> 12) & 63) +
      STD.charAt((n >> 6) & 63) +
      STD.charAt(n & 63);
  }
  const left = bytes.length - i;
  if (left === 1) {
    const n = (bytes[i] as number) << 16;
    out += STD.charAt(n >> 18) + STD.charAt((n >> 12) & 63) + "==";
  } else if (left === 2) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8);
    out += STD.charAt(n >> 18) + STD.charAt((n >> 12) & 63) + STD.charAt((n >> 6) & 63) + "=";
  }
  return out;
}

/** Decodes standard or URL-safe base64 (padded or not); throws on bad input. */
export function base64Decode(s: string): Uint8Array {
  const norm = normalizeBase64(s);
  if (norm === undefined) throw new TypeError("invalid base64 string");
  let end = norm.length;
  while (end > 0 && norm.charCodeAt(end - 1) === 61) end--;
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < end; i++) {
    acc = (acc << 6) | (DECODE[norm.charCodeAt(i)] as number);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

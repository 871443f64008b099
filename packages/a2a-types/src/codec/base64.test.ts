import { describe, expect, it } from "vitest";
import { base64Decode, base64Encode, normalizeBase64 } from "./base64.js";

describe("normalizeBase64", () => {
  it.each([
    ["", ""],
    ["QQ==", "QQ=="],
    ["QQ", "QQ=="],
    ["QQ=", "QQ=="],
    ["QUI=", "QUI="],
    ["QUI", "QUI="],
    ["QUJD", "QUJD"],
    ["-_8", "+/8="],
    ["-_-_", "+/+/"],
    ["+/8=", "+/8="],
  ])("%j → %j", (input, want) => {
    expect(normalizeBase64(input)).toBe(want);
  });

  it("zeroes unused trailing bits, as decoding and re-encoding would", () => {
    expect(normalizeBase64("QR==")).toBe("QQ==");
    expect(normalizeBase64("QUJ")).toBe("QUI=");
    expect(normalizeBase64("-_9")).toBe("+/8=");
  });

  it.each(["Q", "QQQQQ", "QQ===", "QUJD=", "QUI==", "Q=Q=", "QQ ==", "QQ\n==", "QQ!=", "é"])(
    "rejects %j",
    (input) => {
      expect(normalizeBase64(input)).toBeUndefined();
    },
  );
});

describe("base64Encode / base64Decode", () => {
  it("round-trips every length up to 10 and all byte values", () => {
    for (let n = 0; n <= 10; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 0xff);
      expect(base64Decode(base64Encode(bytes))).toEqual(bytes);
    }
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(base64Decode(base64Encode(all))).toEqual(all);
  });

  it("matches known encodings", () => {
    expect(base64Encode(new TextEncoder().encode("hello world"))).toBe("aGVsbG8gd29ybGQ=");
    expect(base64Encode(new Uint8Array([0xfb, 0xff]))).toBe("+/8=");
    expect(new TextDecoder().decode(base64Decode("aGVsbG8gd29ybGQ"))).toBe("hello world");
    expect(base64Decode("-_8")).toEqual(new Uint8Array([0xfb, 0xff]));
  });

  it("throws on bad input", () => {
    expect(() => base64Decode("Q")).toThrow(TypeError);
  });
});

import { describe, expect, it } from "vitest";
import { A2AErrorCode } from "./a2a-error-code.js";
import { A2AError } from "./a2a-error.js";
import {
  checkRequiredExtensions,
  checkVersion,
  formatExtensions,
  parseExtensions,
  readRequestedVersion,
} from "./service-parameters.js";

function thrown(fn: () => void): A2AError {
  try {
    fn();
  } catch (e) {
    if (e instanceof A2AError) return e;
    throw e;
  }
  throw new Error("expected an A2AError");
}

describe("readRequestedVersion", () => {
  it("reads the header, case-insensitively, and ignores a patch part", () => {
    expect(readRequestedVersion(new Headers({ "a2a-version": "1.0" }))).toBe("1.0");
    expect(readRequestedVersion(new Headers({ "A2A-Version": " 1.0.3 " }))).toBe("1.0");
    expect(readRequestedVersion(new Headers({ "A2A-Version": "01.00" }))).toBe("1.0");
  });

  it("reads absent or empty as 0.3", () => {
    expect(readRequestedVersion(new Headers())).toBe("0.3");
    expect(readRequestedVersion(new Headers({ "A2A-Version": "" }))).toBe("0.3");
    expect(readRequestedVersion(new Headers({ "A2A-Version": "  " }))).toBe("0.3");
  });

  it("falls back to the A2A-Version query parameter; the header wins", () => {
    const url = new URL("http://h/tasks/t-1?A2A-Version=1.0");
    expect(readRequestedVersion(new Headers(), url)).toBe("1.0");
    expect(readRequestedVersion(new Headers(), new URL("http://h/?a2a-version=1.0.1"))).toBe("1.0");
    expect(readRequestedVersion(new Headers({ "A2A-Version": "0.3" }), url)).toBe("0.3");
    expect(readRequestedVersion(new Headers(), new URL("http://h/?A2A-Version="))).toBe("0.3");
  });

  it("returns a malformed value as given, for checkVersion to refuse", () => {
    expect(readRequestedVersion(new Headers({ "A2A-Version": "v1" }))).toBe("v1");
  });
});

describe("checkVersion", () => {
  it("accepts listed versions, patch parts ignored on both sides", () => {
    expect(() => checkVersion("1.0", ["1.0"])).not.toThrow();
    expect(() => checkVersion("1.0.2", ["1.0"])).not.toThrow();
    expect(() => checkVersion("0.3", ["1.0", "0.3.0"])).not.toThrow();
  });

  it("refuses others with VersionNotSupported naming the supported ones", () => {
    const err = thrown(() => checkVersion("0.3", ["1.0"]));
    expect(err.code).toBe(A2AErrorCode.VersionNotSupported);
    expect(err.message).toContain("1.0");
    expect(err.metadata).toEqual({ requestedVersion: "0.3", supportedVersions: "1.0" });
    expect(thrown(() => checkVersion("v1", ["1.0"])).code).toBe(A2AErrorCode.VersionNotSupported);
    expect(thrown(() => checkVersion("1.1", ["1.0"])).code).toBe(A2AErrorCode.VersionNotSupported);
    expect(thrown(() => checkVersion("1.0", [])).code).toBe(A2AErrorCode.VersionNotSupported);
  });
});

describe("extensions", () => {
  it("parses comma-separated URIs, trimmed, de-duplicated, in order", () => {
    expect(parseExtensions(null)).toEqual([]);
    expect(parseExtensions(undefined)).toEqual([]);
    expect(parseExtensions("")).toEqual([]);
    expect(parseExtensions("https://a/x")).toEqual(["https://a/x"]);
    expect(parseExtensions(" urn:b ,https://a/x,, urn:b ")).toEqual(["urn:b", "https://a/x"]);
    const h = new Headers();
    h.append("A2A-Extensions", "urn:a");
    h.append("A2A-Extensions", "urn:b, urn:c");
    expect(parseExtensions(h.get("a2a-extensions"))).toEqual(["urn:a", "urn:b", "urn:c"]);
  });

  it("formats what parse reads back", () => {
    const uris = ["urn:a", "https://ex.com/ext/v1", "urn:a", " "];
    const value = formatExtensions(new Set(uris));
    expect(value).toBe("urn:a, https://ex.com/ext/v1");
    expect(parseExtensions(value)).toEqual(["urn:a", "https://ex.com/ext/v1"]);
    expect(formatExtensions([])).toBe("");
    expect(() => formatExtensions(["urn:a,b"])).toThrow(TypeError);
  });

  it("requires every required extension the client did not request", () => {
    const declared = [
      { uri: "urn:req", required: true },
      { uri: "urn:opt", required: false },
      { uri: "urn:req2", required: true },
      { required: true },
    ];
    expect(() => checkRequiredExtensions(declared, ["urn:req", "urn:req2"])).not.toThrow();
    expect(() => checkRequiredExtensions(undefined, [])).not.toThrow();
    const err = thrown(() => checkRequiredExtensions(declared, ["urn:req", "urn:opt"]));
    expect(err.code).toBe(A2AErrorCode.ExtensionSupportRequired);
    expect(err.message).toContain("urn:req2");
    expect(err.metadata).toEqual({ extensions: "urn:req2" });
  });
});

import { describe, expect, it } from "vitest";
import { FROM_NODE_ADAPTER, RAW_BODY, RAW_HEAD, jsonResponse } from "./json-response.js";

const text = '{"ok":true,"é":"ü"}';
const head = { "content-type": "application/json", "a2a-extensions": "https://x.example/e" };

function nodeRequest(): Request {
  const r = new Request("http://h/x", { method: "POST", body: "{}" });
  (r as Request & { [FROM_NODE_ADAPTER]?: boolean })[FROM_NODE_ADAPTER] = true;
  return r;
}

type Raw = Response & { [RAW_BODY]?: unknown; [RAW_HEAD]?: unknown };

describe("jsonResponse", () => {
  it("builds a plain Response (with RAW_BODY) for requests not from the Node adapter", async () => {
    const res = jsonResponse(new Request("http://h/x"), text, 201, { ...head }) as Raw;
    expect(res.constructor).toBe(Response);
    expect(res[RAW_BODY]).toBe(text);
    expect(res[RAW_HEAD]).toBeUndefined();
    expect(res.status).toBe(201);
    expect(await res.text()).toBe(text);
  });

  it("gives the Node adapter a lazy Response that reads like a plain one", async () => {
    const res = jsonResponse(nodeRequest(), text, 404, { ...head }) as Raw;
    expect(res).toBeInstanceOf(Response);
    expect(res[RAW_BODY]).toBe(text);
    expect(res[RAW_HEAD]).toEqual({ status: 404, headers: head });
    expect(res.status).toBe(404);
    expect(res.ok).toBe(false);
    // reading the headers hands them over: the adapter then uses them, changes included
    res.headers.set("x-added", "1");
    expect(res[RAW_HEAD]).toBeUndefined();
    expect(res.headers.get("a2a-extensions")).toBe("https://x.example/e");
    const copy = res.clone();
    expect(copy.headers.get("x-added")).toBe("1");
    expect(await copy.json()).toEqual({ ok: true, é: "ü" });
    expect(res.bodyUsed).toBe(false);
    expect(await res.json()).toEqual({ ok: true, é: "ü" });
    expect(res.bodyUsed).toBe(true);
    expect(res[RAW_BODY]).toBeUndefined();
    await expect(res.text()).rejects.toThrow(TypeError);
    expect(() => res.clone()).toThrow(TypeError);
  });

  it("streams the same bytes through body, and marks the body used once read", async () => {
    const res = jsonResponse(nodeRequest(), text, 200, { ...head });
    const again = new Response(res.body, res);
    expect(again.headers.get("content-type")).toBe("application/json");
    expect(await again.text()).toBe(text);
    expect(res.bodyUsed).toBe(true);
    const bytes = jsonResponse(nodeRequest(), text, 200, {});
    expect(new TextDecoder().decode(await bytes.arrayBuffer())).toBe(text);
    const blob = await jsonResponse(nodeRequest(), text, 200, { ...head }).blob();
    expect(blob.type).toBe("application/json");
    expect(await blob.text()).toBe(text);
  });
});

import { describe, expect, it } from "vitest";
import { isLoopbackHost } from "./loopback.js";
import { fixedPort, runSnippet, tail } from "./run-snippet.js";

describe("runSnippet", () => {
  it("runs TypeScript with top-level await and workspace imports, and reports exit 0", async () => {
    const r = await runSnippet(
      [
        'import { userMessage } from "@agentmesh/a2a-types";',
        'const m: { role: string } = userMessage(await Promise.resolve("hi"));',
        "console.log(m.role);",
      ].join("\n"),
      { name: "selftest-ok" },
    );
    expect(r).toMatchObject({ exitCode: 0, timedOut: false });
    expect(r.output.trim()).toBe("ROLE_USER");
  }, 60_000);

  it("reports a thrown error with its output", async () => {
    const r = await runSnippet('throw new Error("broken snippet");', { name: "selftest-throw" });
    expect(r.exitCode).not.toBe(0);
    expect(r.output).toContain("broken snippet");
  }, 60_000);

  it("kills a snippet that leaves a server open", async () => {
    const r = await runSnippet(
      'import { createServer } from "node:http";\ncreateServer().listen(0, "127.0.0.1");\nconsole.log("listening");',
      { name: "selftest-hang", timeoutMs: 3_000 },
    );
    expect(r.timedOut).toBe(true);
    expect(r.output).toContain("listening");
  }, 60_000);

  // Only documentation / private IP literals: if the guard were broken, nothing would resolve.
  it("refuses connections to anything but loopback", async () => {
    const r = await runSnippet(
      [
        'import net from "node:net";',
        "const errors: string[] = [];",
        'for (const host of ["192.0.2.1", "10.1.2.3"]) {',
        "  try { net.connect(80, host); } catch (e) { errors.push((e as Error).message); }",
        "}",
        'try { await fetch("http://198.51.100.7/"); } catch (e) { errors.push(String((e as Error).cause ?? e)); }',
        "console.log(errors.join('\\n'));",
      ].join("\n"),
      { name: "selftest-network" },
    );
    expect(r.exitCode).toBe(0);
    expect(r.output.match(/README snippet tried to reach/g)).toHaveLength(3);
    expect(r.output).toContain("192.0.2.1");
    expect(r.output).toContain("198.51.100.7");
    expect(r.output).toContain("10.1.2.3");
  }, 60_000);

  it("lets snippets talk to their own servers on 127.0.0.1", async () => {
    const r = await runSnippet(
      [
        'import { createServer } from "node:http";',
        'const s = createServer((_q, res) => res.end("pong")).listen(0, "127.0.0.1");',
        'await new Promise((r) => s.once("listening", r));',
        "const { port } = s.address() as { port: number };",
        "console.log(await (await fetch('http://127.0.0.1:' + port + '/')).text());",
        "console.log(await (await fetch('http://localhost:' + port + '/')).text());",
        "s.close();",
      ].join("\n"),
      { name: "selftest-loopback" },
    );
    expect(r.output.trim().split("\n")).toEqual(["pong", "pong"]);
    expect(r.exitCode).toBe(0);
  }, 60_000);
});

describe("fixedPort", () => {
  it("finds fixed listening ports and leaves port 0, URLs and comments alone", () => {
    expect(fixedPort("await serve(server, { port: 8080 });")).toBe("port: 8080");
    expect(fixedPort("serve(server, { grpcPort: 50051 })")).toBe("grpcPort: 50051");
    expect(fixedPort("createServer(h).listen(3000);")).toBe(".listen(3000");
    expect(fixedPort("serve(server, { port: 0, grpcPort: 0 })")).toBeUndefined();
    expect(fixedPort('createClient("http://127.0.0.1:8080")')).toBeUndefined();
    expect(fixedPort("// serve(server, { port: 8080 })")).toBeUndefined();
  });
});

describe("isLoopbackHost", () => {
  it("accepts loopback names and addresses only", () => {
    for (const h of ["localhost", "127.0.0.1", "127.8.9.10", "::1", "[::1]", "::ffff:127.0.0.1"]) {
      expect(isLoopbackHost(h), h).toBe(true);
    }
    for (const h of [
      "example.com",
      "10.0.0.1",
      "0.0.0.0",
      "::",
      "localhost.example.com",
      "128.0.0.1",
    ]) {
      expect(isLoopbackHost(h), h).toBe(false);
    }
  });
});

describe("tail", () => {
  it("keeps the last lines and says how many were cut", () => {
    expect(tail("a\nb\nc\n", 2)).toBe("… (1 lines above)\nb\nc");
    expect(tail("a\nb", 5)).toBe("a\nb");
  });
});

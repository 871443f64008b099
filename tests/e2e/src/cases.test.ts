// The shared case suite over every binding, against one real A2AServer served with serve()
// on 127.0.0.1 (one process, every binding, one task store).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CASES } from "./cases.js";
import { FIXTURES } from "./fixtures/index.js";
import { type TestServer, startTestServer } from "./test-server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(FIXTURES);
});
afterAll(async () => {
  await server?.close();
});

describe.each(FIXTURES.map((f) => [f.id, f] as const))("binding %s", (_id, fixture) => {
  for (const c of CASES) {
    if (fixture.cannotRun[c.name] !== undefined) continue;
    it(c.name, () =>
      c.run({
        fixture,
        addresses: server.addresses,
        transport: (headers) =>
          fixture.createTransport(server.addresses, headers ? { headers } : undefined),
      }),
    );
  }

  it("records a reason for every case it cannot run", () => {
    const names = new Set(CASES.map((c) => c.name));
    for (const [name, reason] of Object.entries(fixture.cannotRun)) {
      expect(names.has(name), `unknown case "${name}" in ${fixture.id}.cannotRun`).toBe(true);
      expect(reason.trim().length, `no reason for "${name}"`).toBeGreaterThan(10);
    }
  });
});

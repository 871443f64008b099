// "Installable alone": pack the workspace packages, npm-install only the packed
// @agentmesh/a2a-client into an empty folder (its peers come from the packed tarballs through
// npm `overrides`, third-party deps from the npm registry / cache), then talk to a running
// agentmesh server on all three bindings from a plain Node script in that folder.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH_HEADERS, type TestServer, startAgentmeshServer } from "./client-support.js";

const run = promisify(execFile);
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const PACKAGES = [
  "a2a-types",
  "a2a-transport",
  "a2a-jsonrpc",
  "a2a-rest",
  "a2a-grpc",
  "a2a-client",
];

async function pnpmBin(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as {
    packageManager: string;
  };
  const version = pkg.packageManager.replace(/^pnpm@/, "");
  return join(root, ".tools", `pnpm-${version}`, "node_modules", "pnpm", "bin", "pnpm.cjs");
}

const APP = `
import { createClient } from "@agentmesh/a2a-client/node";
const [cardUrl, auth] = process.argv.slice(2);
const out = { resolved: import.meta.resolve("@agentmesh/a2a-client/node"), bindings: {} };
for (const prefer of ["jsonrpc", "rest", "grpc"]) {
  const client = await createClient(cardUrl, { prefer, headers: { authorization: auth } });
  const task = await client.sendMessage("hello from the packed client");
  let text = "";
  for await (const ev of client.stream("streamed")) if (ev.kind === "TextArtifact") text = ev.text;
  out.bindings[prefer] = { binding: client.binding, state: task.status.state, streamed: text, card: client.card.name };
  await client.close();
}
console.log(JSON.stringify(out));
`;

let srv: TestServer;
let work: string;
beforeAll(async () => {
  srv = await startAgentmeshServer();
  work = await mkdtemp(join(tmpdir(), "a2a-client-pack-"));
});
afterAll(async () => {
  await srv?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe("installable alone", () => {
  it("npm-installs the packed client into an empty folder and talks every binding", {
    timeout: 240_000,
  }, async () => {
    const packs = join(work, "packs");
    const app = join(work, "app");
    const pnpm = await pnpmBin();
    for (const name of PACKAGES) {
      await run(process.execPath, [pnpm, "pack", "--pack-destination", packs], {
        cwd: join(root, "packages", name),
      });
    }
    const tarballs = await readdir(packs);
    const tgz = (name: string) => {
      const file = tarballs.find((f) => f.startsWith(`agentmesh-${name}-`) && f.endsWith(".tgz"));
      if (!file) throw new Error(`no tarball for ${name} in ${tarballs.join(", ")}`);
      return `file:${join(packs, file)}`;
    };
    await mkdir(app, { recursive: true });
    await writeFile(
      join(app, "package.json"),
      JSON.stringify({
        name: "packed-client-app",
        private: true,
        type: "module",
        // The one dependency; the peers npm installs by itself are mapped to the packed tarballs.
        dependencies: { "@agentmesh/a2a-client": tgz("a2a-client") },
        overrides: Object.fromEntries(
          PACKAGES.filter((p) => p !== "a2a-client").map((p) => [`@agentmesh/${p}`, tgz(p)]),
        ),
      }),
    );
    await writeFile(join(app, "app.mjs"), APP);
    await run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], {
      cwd: app,
      timeout: 200_000,
    });
    const installed = await readdir(join(app, "node_modules", "@agentmesh"));
    expect(installed.sort()).toEqual(PACKAGES.sort());

    const { stdout } = await run(
      process.execPath,
      ["app.mjs", srv.running.url, AUTH_HEADERS.authorization],
      {
        cwd: app,
        timeout: 60_000,
      },
    );
    const out = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as {
      resolved: string;
      bindings: Record<string, { binding: string; state: string; streamed: string; card: string }>;
    };
    expect(fileURLToPath(out.resolved).startsWith(app)).toBe(true); // not the workspace copy
    for (const prefer of ["jsonrpc", "rest", "grpc"]) {
      expect(out.bindings[prefer]).toEqual({
        binding: prefer,
        state: "TASK_STATE_COMPLETED",
        streamed: "echo: streamed",
        card: "agentmesh-test (extended)",
      });
    }
  });
});

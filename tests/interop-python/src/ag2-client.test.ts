import { afterAll, beforeAll, describe, expect } from "vitest";
import { cell, pythonOrSkip, skipReason } from "./interop-cell.js";
import { INTEROP_TOKEN, type OurServer, startOurServer } from "./our-server.js";
import { type PythonRun, expectOp, runPythonClient } from "./python-peers.js";

const python = pythonOrSkip();
const HISTORY_TYPE = "application/vnd.ag2.history+json";

describe.skipIf(python === undefined)(
  `AG2 client (A2AConfig) → agentmesh server${python ? "" : ` (skipped: ${skipReason()})`}`,
  () => {
    let server: OurServer;
    beforeAll(async () => {
      server = await startOurServer();
    });
    afterAll(async () => {
      await server?.close();
    });

    for (const [binding, prefer] of [
      ["JSONRPC", "jsonrpc"],
      ["HTTP+JSON", "rest"],
      ["GRPC", "grpc"],
    ] as const) {
      describe(binding, () => {
        let run: PythonRun;
        let seen: number;
        beforeAll(async () => {
          seen = server.messages.length;
          run = await runPythonClient(python as string, "ag2_client.py", [
            "--card-url",
            server.cardUrl,
            "--binding",
            prefer,
            "--scripted",
            "--bearer",
            INTEROP_TOKEN,
          ]);
        });
        const c = (op: string) => ({ peer: "ag2", role: "client" as const, binding, op });

        cell(c("ask-multi-turn"), () => {
          const d = expectOp(run, "ask-multi-turn");
          expect(d["first"]).toBe("echo: Remember the number 42.");
          expect(d["second"]).toBe("echo: What number did I ask you to remember?");
          // The second turn carries the first one as AG2's history data part.
          const mine = server.messages.slice(seen);
          const second = mine.find((m) =>
            m.parts.some((p) => p.text === "What number did I ask you to remember?"),
          );
          const history = second?.parts.find((p) => p.mediaType === HISTORY_TYPE);
          expect(history && "data" in history, "a history data part").toBe(true);
          const dump = JSON.stringify(history?.data);
          expect(dump).toContain("Remember the number 42.");
          expect(dump).toContain("echo: Remember the number 42.");
        });

        cell(c("ask-polling"), () => {
          expect(expectOp(run, "ask-polling")["content"]).toBe("echo: Polling please.");
        });

        cell(c("ask-streamed-chunks"), () => {
          // Three TaskArtifactUpdate chunks (append, lastChunk on the third) joined by AG2.
          expect(expectOp(run, "ask-streamed-chunks")["content"]).toBe("chunk-0chunk-1chunk-2");
        });

        cell(c("hitl-input-required"), () => {
          const d = expectOp(run, "hitl-input-required");
          expect(d["content"]).toBe("echo: more");
          expect(String(d["prompts"])).toContain("need input");
        });

        cell(c("list-get-tasks"), () => {
          const d = expectOp(run, "list-get-tasks");
          expect(d["listed"]).toBe(1);
          expect(d["nextPageToken"]).not.toBe("");
          expect(d["totalSize"]).toBeGreaterThanOrEqual(3);
        });
      });
    }
  },
);

import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { errorFromJsonRpc } from "@agentmesh/a2a-jsonrpc";
import {
  A2AError,
  A2AErrorCode,
  codeFromHttpStatus,
  errorFromDetailsJson,
} from "@agentmesh/a2a-transport";
import { TaskSchema, fromJson, validateAgentCard } from "@agentmesh/a2a-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "@agentmesh/a2a-client/node";
import { pythonOrSkip, skipReason } from "./interop-cell.js";
import { type OurServer, startOurServer } from "./our-server.js";
import { PY_DIR, type PythonServer, startPythonServer } from "./python-peers.js";

// Each test here pins one entry of DEVIATIONS.md: what the peer sends, and that our side
// still applies the specification to it.

const python = pythonOrSkip();
const HEADERS = { "A2A-Version": "1.0", "Content-Type": "application/json" };

describe.skipIf(python === undefined)(
  `peer deviations, spec asserted on our side${python ? "" : ` (skipped: ${skipReason()})`}`,
  () => {
    let server: PythonServer<{ jsonRpcUrl: string; restUrl: string; cardUrl: string }>;
    let ours: OurServer;
    beforeAll(async () => {
      [server, ours] = await Promise.all([
        startPythonServer<{ jsonRpcUrl: string; restUrl: string; cardUrl: string }>(
          python as string,
          "sdk_server.py",
        ),
        startOurServer(),
      ]);
    });
    afterAll(async () => {
      await Promise.all([server?.close(), ours?.close()]);
    });

    async function rpc(method: string, params: unknown): Promise<Record<string, unknown>> {
      const res = await fetch(server.info.jsonRpcUrl, {
        method: "POST",
        headers: HEADERS,
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
      });
      return (await res.json()) as Record<string, unknown>;
    }

    it("#1 AG2's default card has a skill without tags; validateAgentCard reports skills[0].tags (§5.7)", () => {
      const out = execFileSync(python as string, [join(PY_DIR, "ag2_default_card.py")], {
        cwd: PY_DIR,
        encoding: "utf8",
        env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" },
      });
      const card = JSON.parse(out) as { skills: { tags?: string[] }[] };
      expect(card.skills[0]?.tags ?? []).toEqual([]);
      const verdict = validateAgentCard(card);
      expect(verdict.valid).toBe(false);
      expect(verdict.problems.map((p) => p.path)).toContain("skills[0].tags");
    });

    it("#2 a2a-sdk writes microsecond timestamps; we read them as milliseconds and write milliseconds (§5.6.1)", async () => {
      const body = await rpc("SendMessage", {
        message: { messageId: "dev-2", role: "ROLE_USER", parts: [{ text: "echo ts" }] },
      });
      const raw = (body["result"] as { task: { status: { timestamp: string } } }).task;
      expect(raw.status.timestamp).toMatch(/\.\d{6}Z$/);
      const task = fromJson(TaskSchema, raw);
      expect(task.status.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(task.status.timestamp?.slice(0, 23)).toBe(raw.status.timestamp.slice(0, 23));
      const mine = await fetch(`${ours.cardUrl}/a2a/jsonrpc`, {
        method: "POST",
        headers: HEADERS,
        body: JSON.stringify({
          jsonrpc: "2.0",
          id: 2,
          method: "SendMessage",
          params: {
            message: { messageId: "dev-2b", role: "ROLE_USER", parts: [{ text: "echo ts" }] },
          },
        }),
      });
      const ourTask = (
        (await mine.json()) as { result: { task: { status: { timestamp: string } } } }
      ).result.task;
      expect(ourTask.status.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });

    it("#3 a2a-sdk's InvalidParams ErrorInfo has non-string metadata; we decode code + BadRequest (JSON-RPC)", async () => {
      const body = await rpc("SendMessage", { message: { role: "ROLE_USER" } });
      const error = body["error"] as { data: { metadata?: Record<string, unknown> }[] };
      expect(Array.isArray(error.data[0]?.metadata?.["errors"])).toBe(true);
      const err = errorFromJsonRpc(error);
      expect(err.code).toBe(A2AErrorCode.InvalidParams);
      expect(err.reason).toBe("INVALID_PARAMS");
      expect(err.fieldViolations.map((v) => v.field)).toEqual(
        expect.arrayContaining(["message.message_id", "message.parts"]),
      );
      expect(Object.values(err.metadata).every((v) => typeof v === "string")).toBe(true);
    });

    it("#3 the same over HTTP+JSON: google.rpc.Status body decoded to INVALID_PARAMS", async () => {
      const res = await fetch(`${server.info.restUrl}/message:send`, {
        method: "POST",
        headers: HEADERS,
        body: JSON.stringify({ message: { role: "ROLE_USER" } }),
      });
      expect(res.status).toBe(400);
      const status = ((await res.json()) as { error: { message: string; details: unknown } }).error;
      const err = errorFromDetailsJson(
        codeFromHttpStatus(res.status, status.details),
        status.message,
        status.details,
      );
      expect(err.code).toBe(A2AErrorCode.InvalidParams);
      expect(err.fieldViolations.length).toBeGreaterThan(0);
    });

    it("#4 a2a-sdk's card endpoint sends an ETag but no Cache-Control; ours sends both (§8.6.1)", async () => {
      const res = await fetch(`${server.info.cardUrl}/.well-known/agent-card.json`);
      expect(res.status).toBe(200);
      expect(res.headers.get("etag")).toBeTruthy();
      expect(res.headers.get("cache-control")).toBeNull();
      const mine = await fetch(`${ours.cardUrl}/.well-known/agent-card.json`);
      expect(mine.status).toBe(200);
      expect(mine.headers.get("etag")).toBeTruthy();
      expect(mine.headers.get("cache-control")).toMatch(/max-age=\d+/);
    });

    it("#10 a2a-sdk's gRPC handler ignores a2a-version; our transport sends it and our server refuses 9.9 (§3.6.2)", async () => {
      const theirs = await createClient(server.info.cardUrl, { prefer: "grpc" });
      const ignored = await theirs.transport
        .getTask({ id: "no-such-task" }, { serviceParameters: { "A2A-Version": "9.9" } })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect((ignored as A2AError).code).toBe(A2AErrorCode.TaskNotFound);
      await theirs.close();
      const mine = await createClient(ours.cardUrl, { prefer: "grpc", extendedCard: false });
      const refused = await mine.transport
        .getTask({ id: "no-such-task" }, { serviceParameters: { "A2A-Version": "9.9" } })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect((refused as A2AError).code).toBe(A2AErrorCode.VersionNotSupported);
      await mine.close();
    });

    it("#6 a2a-sdk gives the extended card to anyone; ours requires authentication (§3.1.11, §13.3)", async () => {
      const theirs = await rpc("GetExtendedAgentCard", {});
      expect(theirs["result"]).toMatchObject({ name: "a2a-sdk interop peer" });
      for (const prefer of ["jsonrpc", "rest", "grpc"] as const) {
        const client = await createClient(ours.cardUrl, { prefer, extendedCard: false });
        const err = await client.transport.getExtendedAgentCard({}).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err, prefer).toBeInstanceOf(A2AError);
        expect((err as A2AError).code, prefer).toBe(A2AErrorCode.Unauthenticated);
        await client.close();
      }
    });
  },
);

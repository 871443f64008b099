import { describe } from "vitest";
import { pythonOrSkip, skipReason } from "./interop-cell.js";
import { startPythonServer } from "./python-peers.js";
import { describeServerPeer } from "./server-peer-suite.js";

const python = pythonOrSkip();

interface SdkServerInfo {
  cardUrl: string;
  grpcAddress: string;
}

describe.skipIf(python === undefined)(
  `a2a-sdk server ← agentmesh client${python ? "" : ` (skipped: ${skipReason()})`}`,
  () => {
    describeServerPeer({
      peer: "a2a-sdk",
      async start() {
        const server = await startPythonServer<SdkServerInfo>(python as string, "sdk_server.py");
        return {
          cardUrl: server.info.cardUrl,
          slowCardUrl: server.info.cardUrl,
          close: () => server.close(),
        };
      },
      echo: { send: "echo hello", text: "echo: echo hello" },
      stream: { send: "stream 3", chunks: ["chunk-0", "chunk-1", "chunk-2"] },
      slow: "slow",
      extras: {
        messageReply: true,
        inputRequired: true,
        fail: true,
        pushDelivery: true,
        tenantEcho: true,
        slowWithoutExtendedCard: false,
      },
    });
  },
);

import { describe } from "vitest";
import { pythonOrSkip, skipReason } from "./interop-cell.js";
import { startPythonServer } from "./python-peers.js";
import { describeServerPeer } from "./server-peer-suite.js";

const python = pythonOrSkip();

interface Ag2ServerInfo {
  main: { cardUrl: string };
  slow: { cardUrl: string };
}

describe.skipIf(python === undefined)(
  `AG2 A2AServer ← agentmesh client${python ? "" : ` (skipped: ${skipReason()})`}`,
  () => {
    describeServerPeer({
      peer: "ag2",
      async start() {
        const server = await startPythonServer<Ag2ServerInfo>(python as string, "ag2_server.py");
        return {
          cardUrl: server.info.main.cardUrl,
          slowCardUrl: server.info.slow.cardUrl,
          close: () => server.close(),
        };
      },
      // AG2's TestConfig model streams "Hello " / "from " / "AG2" whatever it is asked.
      echo: { send: "Say hello.", text: "Hello from AG2" },
      stream: { send: "Say hello, streaming.", chunks: ["Hello ", "from ", "AG2"] },
      slow: "Wait until I cancel.",
      extras: {
        messageReply: false,
        inputRequired: false,
        fail: false,
        pushDelivery: false,
        tenantEcho: false,
        slowWithoutExtendedCard: true,
      },
    });
  },
);

/** `pnpm --filter @agentmesh/demo client [cardUrl] [binding]`: runs the conversation against a running server. */
import { runTravelTranscript } from "./transcript.js";

const cardUrl = process.argv[2] ?? "http://127.0.0.1:8080";
const binding = (process.argv[3] ?? "jsonrpc") as "jsonrpc" | "rest" | "grpc";
runTravelTranscript(cardUrl, binding).then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`✗ ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);

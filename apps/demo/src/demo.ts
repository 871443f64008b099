/**
 * `npm run demo`: starts the travel planner and the concierge on 127.0.0.1 (JSON-RPC, REST and
 * gRPC each), runs the client conversation on every binding and the delegation demo, stops
 * both servers and exits 0 — or prints the mismatch and exits 1.
 */
import { startConciergeServer, startTravelServer } from "./servers.js";
import { runDelegationTranscript, runTravelTranscript } from "./transcript.js";

export async function runDemo(log: (line: string) => void = console.log): Promise<void> {
  const travel = await startTravelServer();
  const concierge = await startConciergeServer(travel.url);
  try {
    log(`travel planner card: ${travel.cardUrl}   (gRPC on ${travel.grpcAddress})`);
    log(`concierge card:      ${concierge.cardUrl}`);
    for (const binding of ["jsonrpc", "rest", "grpc"] as const) {
      await runTravelTranscript(travel.url, binding, log);
    }
    await runDelegationTranscript(concierge.url, log);
    log("\n✓ demo finished: every check passed");
  } finally {
    await concierge.close();
    await travel.close();
  }
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/.*\//, ""));
if (isMain) {
  runDemo().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(
        `\n✗ demo failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
      process.exit(1);
    },
  );
}

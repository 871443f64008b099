// The server side of profile.ts: starts a target, prints its address, exits when stdin ends.
import { startTarget } from "./servers.js";

const address = await startTarget(process.argv[2] as never);
process.stdout.write(`${address}\n`);
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));

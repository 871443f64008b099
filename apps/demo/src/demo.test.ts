import { describe, expect, it } from "vitest";
import { runDemo } from "./demo.js";
import { parseTrip } from "./travel-agent.js";

describe("demo", () => {
  it("parses trips", () => {
    expect(parseTrip("Plan a trip to Lisbon for 3 days")).toEqual({ city: "Lisbon", days: 3 });
    expect(parseTrip("Lisbon, for 3 days")).toEqual({ city: "Lisbon", days: 3 });
    expect(parseTrip("Plan a trip")).toEqual({});
  });

  it("runs end to end on every binding, with delegation, and every check passes", async () => {
    const lines: string[] = [];
    await runDemo((l) => lines.push(l));
    const text = lines.join("\n");
    expect(text).toContain("✓ demo finished");
    for (const b of ["jsonrpc", "rest", "grpc"]) expect(text).toContain(`over ${b}`);
    expect(text).toContain("250 USD = 230.00 EUR");
    expect(text).toMatch(/world tour \w+ is TASK_STATE_CANCELED/);
  }, 60_000);
});

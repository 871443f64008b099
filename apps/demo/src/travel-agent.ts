/**
 * The demo's travel planner: a deterministic agent (no model, no network) that asks for what
 * it is missing, streams an itinerary day by day as chunks of one artifact, converts
 * currencies with a direct message reply, and stops when its task is canceled.
 */
import type { AgentDescription, AgentExecutor } from "@agentmesh/a2a-server";
import { getText } from "@agentmesh/a2a-types";

/** The card description of the travel planner. */
export const travelAgent: AgentDescription = {
  name: "Travel Planner",
  description: "Plans city trips day by day and converts currencies. Deterministic demo agent.",
  version: "1.0.0",
  provider: { organization: "agentmesh demo", url: "https://example.com/agentmesh" },
  skills: [
    {
      id: "plan-trip",
      name: "Plan a trip",
      description: "Builds a day-by-day itinerary for a city; asks for the city and the length.",
      tags: ["travel", "itinerary"],
      examples: ["Plan a trip to Lisbon for 3 days"],
    },
    {
      id: "convert-currency",
      name: "Convert currency",
      description: "Converts an amount between USD, EUR, GBP and JPY at fixed demo rates.",
      tags: ["currency"],
      examples: ["convert 100 USD to EUR"],
    },
  ],
};

const SIGHTS: Record<string, string[]> = {
  lisbon: [
    "Alfama walk and São Jorge castle",
    "Belém tower and pastéis",
    "LX Factory and the river",
    "Sintra palaces",
  ],
  paris: [
    "Louvre and the Tuileries",
    "Montmartre and Sacré-Cœur",
    "Seine cruise and Notre-Dame",
    "Versailles",
  ],
  tokyo: [
    "Senso-ji and Asakusa",
    "Shibuya and Harajuku",
    "Tsukiji outer market",
    "Day trip to Nikko",
  ],
};
const GENERIC = [
  "Old town walking tour",
  "Main museum",
  "Local market and food tour",
  "Day trip nearby",
];

/** Fixed demo exchange rates against USD. */
const USD_RATES: Record<string, number> = { USD: 1, EUR: 0.92, GBP: 0.79, JPY: 151.2 };

/** Reads "to <city>" / "<city>" and "<n> days" out of free text. */
export function parseTrip(text: string): { city?: string; days?: number } {
  const out: { city?: string; days?: number } = {};
  const days = /(\d+)\s*days?/i.exec(text);
  if (days?.[1]) out.days = Number(days[1]);
  const to = /\bto\s+([A-Za-zÀ-ÿ]+)/.exec(text) ?? /^\s*([A-Za-zÀ-ÿ]+)\s*(?:,|for\b)/.exec(text);
  if (to?.[1] && !/^(plan|a|the)$/i.test(to[1])) out.city = to[1];
  return out;
}

/** One line of the itinerary. */
export function itineraryLine(city: string, day: number): string {
  const sights = SIGHTS[city.toLowerCase()] ?? GENERIC;
  return `Day ${day}: ${sights[(day - 1) % sights.length]} (${city})\n`;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });
}

/** Options of {@link createTravelExecutor}. */
export interface TravelExecutorOptions {
  /** Pause between itinerary days, in ms. Default `5`. */
  dayDelayMs?: number;
}

/** The travel planner's executor. */
export function createTravelExecutor(options: TravelExecutorOptions = {}): AgentExecutor {
  const delay = options.dayDelayMs ?? 5;
  return {
    async execute(ctx, events) {
      const text = getText(ctx.message);
      const fx = /convert\s+([\d.]+)\s+([a-z]{3})\s+to\s+([a-z]{3})/i.exec(text);
      if (fx && !ctx.task) {
        const [, amount, from, to] = fx;
        const a = USD_RATES[from!.toUpperCase()];
        const b = USD_RATES[to!.toUpperCase()];
        if (a === undefined || b === undefined) {
          await events.reply(`I only know ${Object.keys(USD_RATES).join(", ")}.`);
          return;
        }
        const value = (Number(amount) / a) * b;
        await events.reply(
          `${amount} ${from!.toUpperCase()} = ${value.toFixed(2)} ${to!.toUpperCase()}`,
        );
        return;
      }
      const worldTour = /world tour/i.test(text);
      // A continued task keeps what the first message said.
      const earlier = ctx.task?.history?.map((m) => getText(m)).join(" ") ?? "";
      const trip = { ...parseTrip(earlier), ...parseTrip(text) };
      if (!worldTour && (!trip.city || !trip.days)) {
        await events.requireInput(
          trip.city
            ? `How many days would you like to spend in ${trip.city}?`
            : "Where would you like to go, and for how many days?",
        );
        return;
      }
      const city = worldTour ? "the world" : trip.city!;
      const days = worldTour ? 10_000 : Math.min(trip.days!, 30);
      await events.working(`Planning ${worldTour ? "a world tour" : `${days} days in ${city}`}…`);
      let artifactId: string | undefined;
      for (let day = 1; day <= days; day++) {
        if (ctx.signal.aborted) return; // canceled: the server ends the task CANCELED
        artifactId = await events.artifact(itineraryLine(city, day), {
          name: "itinerary",
          append: artifactId !== undefined,
          lastChunk: day === days,
          ...(artifactId ? { artifactId } : {}),
        });
        await sleep(worldTour ? 50 : delay, ctx.signal);
      }
      await events.complete(`Your ${days}-day trip to ${city} is ready.`);
    },
  };
}

// The data both codecs get in bench/types/run.ts: plain ProtoJSON values, built
// deterministically (no randomness), with every REQUIRED field set to a non-default value and
// millisecond timestamps, so that both sides write byte-for-byte comparable JSON.

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

/** A SendMessageRequest whose message has 5 parts (2 text, data, url, raw). */
export const sendMessageRequestJson = {
  tenant: "acme",
  message: {
    messageId: uuid(1),
    contextId: uuid(2),
    role: "ROLE_USER",
    parts: [
      { text: "Plan a three-day trip to Lisbon in May for two adults." },
      {
        text: "We like food markets, old trams and viewpoints. Budget is moderate; no car. Please include a rough daily schedule and estimated costs.",
        mediaType: "text/plain",
      },
      {
        data: {
          travellers: 2,
          dates: { from: "2026-05-12", to: "2026-05-15" },
          interests: ["food", "history", "views"],
          budget: { currency: "EUR", perDay: 250 },
          constraints: { car: false, accessibility: null },
        },
        mediaType: "application/json",
      },
      {
        url: "https://files.example.com/itineraries/lisbon-draft.pdf",
        mediaType: "application/pdf",
        filename: "lisbon-draft.pdf",
      },
      {
        raw: "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAGklEQVQ4T2NkYPhfz0AEYBxVSFJgFAyDAQDsvgIBWlN0DwAAAABJRU5ErkJggg==",
        mediaType: "image/png",
        filename: "pin.png",
      },
    ],
    metadata: { client: "bench", locale: "en-GB" },
    extensions: ["https://ext.example.com/geo/v1"],
  },
  configuration: {
    acceptedOutputModes: ["text/plain", "application/json"],
    historyLength: 10,
  },
  metadata: { traceId: "4bf92f3577b34da6a3ce929d0e0e4736" },
};

function artifact(i: number) {
  return {
    artifactId: uuid(100 + i),
    name: `day-${i + 1}`,
    description: `Itinerary for day ${i + 1}`,
    parts: [
      {
        text: `Day ${i + 1}: morning at the market, lunch near the river, tram 28 in the afternoon, sunset at a miradouro. Estimated cost: ${180 + i * 7} EUR.`,
      },
      {
        data: {
          day: i + 1,
          stops: [
            { name: "Mercado", hour: 9, cost: 20 },
            { name: "Tram 28", hour: 14, cost: 6 },
            { name: "Miradouro", hour: 19, cost: 0 },
          ],
        },
        mediaType: "application/json",
      },
    ],
    metadata: { generatedBy: "planner", revision: i },
  };
}

function historyMessage(i: number) {
  const user = i % 2 === 0;
  return {
    messageId: uuid(200 + i),
    contextId: uuid(2),
    taskId: uuid(3),
    role: user ? "ROLE_USER" : "ROLE_AGENT",
    parts: user
      ? [
          {
            text: `Question ${i / 2 + 1}: could you adjust the plan for rain on day ${(i % 3) + 1}?`,
          },
        ]
      : [
          {
            text: `Sure. Updated plan ${i}: swap the viewpoint for a museum and keep the tram ride.`,
          },
          { data: { changed: [`day-${(i % 3) + 1}`], reason: "rain" } },
        ],
  };
}

/** A completed Task with 10 artifacts and 20 history messages. */
export const taskJson = {
  id: uuid(3),
  contextId: uuid(2),
  status: {
    state: "TASK_STATE_COMPLETED",
    timestamp: "2026-05-01T10:07:00.123Z",
    message: {
      messageId: uuid(4),
      contextId: uuid(2),
      taskId: uuid(3),
      role: "ROLE_AGENT",
      parts: [{ text: "Your Lisbon plan is ready." }],
    },
  },
  artifacts: Array.from({ length: 10 }, (_, i) => artifact(i)),
  history: Array.from({ length: 20 }, (_, i) => historyMessage(i)),
  metadata: { tokens: { input: 5123, output: 20874 }, model: "planner-2" },
};

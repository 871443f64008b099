import {
  createAgentCard,
  fromJson,
  getText,
  isTerminal,
  ProtocolBinding,
  SendMessageRequestSchema,
  type Task,
  TaskSchema,
  TaskState,
  textPart,
  toJson,
  userMessage,
  validateAgentCard,
  WireValidationError,
} from "@agentmesh/a2a-types";

// Parse what arrives on the wire (snake_case, enum numbers, … are accepted).
const request = fromJson(SendMessageRequestSchema, {
  message: { message_id: "m-1", role: 1, parts: [{ text: "Hello" }] },
  configuration: { historyLength: "0" },
});
console.log(request.message.role, request.configuration?.historyLength); // ROLE_USER 0

// Build values with the helpers; write exact ProtoJSON.
const task: Task = {
  id: "task-1",
  status: { state: TaskState.Completed, message: userMessage([textPart("Done")]) },
};
console.log(JSON.stringify(toJson(TaskSchema, task)));
console.log(getText(task.status.message), isTerminal(task.status.state)); // Done true

// Bad input says what is wrong, and where.
try {
  fromJson(TaskSchema, { id: "t", status: { state: "DONE" } });
} catch (e) {
  if (e instanceof WireValidationError) console.log(e.issues[0]?.path); // status.state
}

// An agent card that validates.
const card = createAgentCard({
  name: "Echo",
  description: "Repeats what you say",
  version: "1.0.0",
  interfaces: [
    { url: "https://agent.example/a2a/jsonrpc", protocolBinding: ProtocolBinding.JsonRpc },
  ],
  skills: [{ id: "echo", name: "Echo", description: "Echoes text", tags: ["echo"] }],
  capabilities: { streaming: true },
});
console.log(validateAgentCard(card).valid); // true

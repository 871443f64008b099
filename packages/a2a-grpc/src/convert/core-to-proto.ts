import type {
  Artifact,
  Message,
  Part,
  SendMessageResponse,
  StreamResponse,
  Task,
  TaskArtifactUpdateEvent,
  TaskStatus,
  TaskStatusUpdateEvent,
} from "@agentmesh/a2a-types";
import type * as pb from "../gen/a2a_pb.js";
import {
  ConversionError,
  bytesToProto,
  roleToProto,
  taskStateToProto,
  timestampToProto,
  valueToProto,
} from "./scalars.js";

// Canonical JSON model → complete protobuf-es messages. Every field is written (with its zero
// value when absent), so the objects are valid messages as they are: `create()` returns them
// unchanged and `toBinary()` reads them without a copy.

/** {@link Part} → `lf.a2a.v1.Part`. */
export function partToProto(p: Part, path: string): pb.Part {
  let content: pb.Part["content"];
  if (p.text !== undefined) content = { case: "text", value: p.text };
  else if (p.raw !== undefined)
    content = { case: "raw", value: bytesToProto(p.raw, `${path}.raw`) };
  else if (p.url !== undefined) content = { case: "url", value: p.url };
  else if ("data" in p && p.data !== undefined) {
    content = { case: "data", value: valueToProto(p.data, `${path}.data`) };
  } else throw new ConversionError(path, "a part needs one of text, raw, url or data");
  return {
    $typeName: "lf.a2a.v1.Part",
    content,
    metadata: p.metadata,
    filename: p.filename ?? "",
    mediaType: p.mediaType ?? "",
  };
}

function partsToProto(parts: readonly Part[], path: string): pb.Part[] {
  const out: pb.Part[] = new Array(parts.length);
  for (let i = 0; i < parts.length; i++) out[i] = partToProto(parts[i] as Part, `${path}[${i}]`);
  return out;
}

/** {@link Message} → `lf.a2a.v1.Message`. */
export function messageToProto(m: Message, path: string): pb.Message {
  return {
    $typeName: "lf.a2a.v1.Message",
    messageId: m.messageId,
    contextId: m.contextId ?? "",
    taskId: m.taskId ?? "",
    role: roleToProto(m.role, `${path}.role`),
    parts: partsToProto(m.parts, `${path}.parts`),
    metadata: m.metadata,
    extensions: m.extensions ?? [],
    referenceTaskIds: m.referenceTaskIds ?? [],
  };
}

/** {@link Artifact} → `lf.a2a.v1.Artifact`. */
export function artifactToProto(a: Artifact, path: string): pb.Artifact {
  return {
    $typeName: "lf.a2a.v1.Artifact",
    artifactId: a.artifactId,
    name: a.name ?? "",
    description: a.description ?? "",
    parts: partsToProto(a.parts, `${path}.parts`),
    metadata: a.metadata,
    extensions: a.extensions ?? [],
  };
}

/** {@link TaskStatus} → `lf.a2a.v1.TaskStatus`. */
export function taskStatusToProto(s: TaskStatus, path: string): pb.TaskStatus {
  return {
    $typeName: "lf.a2a.v1.TaskStatus",
    state: taskStateToProto(s.state, `${path}.state`),
    message: s.message === undefined ? undefined : messageToProto(s.message, `${path}.message`),
    timestamp:
      s.timestamp === undefined ? undefined : timestampToProto(s.timestamp, `${path}.timestamp`),
  };
}

/** {@link Task} → `lf.a2a.v1.Task`. */
export function taskToProto(t: Task, path: string): pb.Task {
  const artifacts = t.artifacts ?? [];
  const history = t.history ?? [];
  const pa: pb.Artifact[] = new Array(artifacts.length);
  for (let i = 0; i < pa.length; i++) {
    pa[i] = artifactToProto(artifacts[i] as Artifact, `${path}.artifacts[${i}]`);
  }
  const ph: pb.Message[] = new Array(history.length);
  for (let i = 0; i < ph.length; i++) {
    ph[i] = messageToProto(history[i] as Message, `${path}.history[${i}]`);
  }
  return {
    $typeName: "lf.a2a.v1.Task",
    id: t.id,
    contextId: t.contextId ?? "",
    status: taskStatusToProto(t.status, `${path}.status`),
    artifacts: pa,
    history: ph,
    metadata: t.metadata,
  };
}

/** {@link TaskStatusUpdateEvent} → `lf.a2a.v1.TaskStatusUpdateEvent`. */
export function statusUpdateToProto(
  e: TaskStatusUpdateEvent,
  path: string,
): pb.TaskStatusUpdateEvent {
  return {
    $typeName: "lf.a2a.v1.TaskStatusUpdateEvent",
    taskId: e.taskId,
    contextId: e.contextId,
    status: taskStatusToProto(e.status, `${path}.status`),
    metadata: e.metadata,
  };
}

/** {@link TaskArtifactUpdateEvent} → `lf.a2a.v1.TaskArtifactUpdateEvent`. */
export function artifactUpdateToProto(
  e: TaskArtifactUpdateEvent,
  path: string,
): pb.TaskArtifactUpdateEvent {
  return {
    $typeName: "lf.a2a.v1.TaskArtifactUpdateEvent",
    taskId: e.taskId,
    contextId: e.contextId,
    artifact: artifactToProto(e.artifact, `${path}.artifact`),
    append: e.append ?? false,
    lastChunk: e.lastChunk ?? false,
    metadata: e.metadata,
  };
}

/** {@link StreamResponse} → `lf.a2a.v1.StreamResponse`. */
export function streamResponseToProto(r: StreamResponse, path: string): pb.StreamResponse {
  let payload: pb.StreamResponse["payload"];
  if (r.task !== undefined) payload = { case: "task", value: taskToProto(r.task, `${path}.task`) };
  else if (r.message !== undefined) {
    payload = { case: "message", value: messageToProto(r.message, `${path}.message`) };
  } else if (r.statusUpdate !== undefined) {
    payload = {
      case: "statusUpdate",
      value: statusUpdateToProto(r.statusUpdate, `${path}.statusUpdate`),
    };
  } else if (r.artifactUpdate !== undefined) {
    payload = {
      case: "artifactUpdate",
      value: artifactUpdateToProto(r.artifactUpdate, `${path}.artifactUpdate`),
    };
  } else {
    throw new ConversionError(
      path,
      "a StreamResponse needs one of task, message, statusUpdate or artifactUpdate",
    );
  }
  return { $typeName: "lf.a2a.v1.StreamResponse", payload };
}

/** {@link SendMessageResponse} → `lf.a2a.v1.SendMessageResponse`. */
export function sendMessageResponseToProto(
  r: SendMessageResponse,
  path: string,
): pb.SendMessageResponse {
  let payload: pb.SendMessageResponse["payload"];
  if (r.task !== undefined) payload = { case: "task", value: taskToProto(r.task, `${path}.task`) };
  else if (r.message !== undefined) {
    payload = { case: "message", value: messageToProto(r.message, `${path}.message`) };
  } else throw new ConversionError(path, "a SendMessageResponse needs one of task or message");
  return { $typeName: "lf.a2a.v1.SendMessageResponse", payload };
}

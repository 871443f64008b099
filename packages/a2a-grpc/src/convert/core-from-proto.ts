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
  bytesFromProto,
  roleFromProto,
  taskStateFromProto,
  timestampFromProto,
  valueFromProto,
} from "./scalars.js";

// protobuf-es message → canonical JSON model (see docs/architecture.md, a2a-types):
// implicit-presence fields at their default are left out, explicit-presence fields are kept
// whenever set, REQUIRED fields are always there.

/** `lf.a2a.v1.Part` → {@link Part}. A part without content is a {@link ConversionError}. */
export function partFromProto(p: pb.Part, path: string): Part {
  let out: Part;
  const c = p.content;
  switch (c.case) {
    case "text":
      out = { text: c.value };
      break;
    case "raw":
      out = { raw: bytesFromProto(c.value) };
      break;
    case "url":
      out = { url: c.value };
      break;
    case "data":
      out = { data: valueFromProto(c.value, `${path}.data`) };
      break;
    default:
      throw new ConversionError(path, "a part needs one of text, raw, url or data");
  }
  if (p.metadata !== undefined) out.metadata = p.metadata;
  if (p.filename !== "") out.filename = p.filename;
  if (p.mediaType !== "") out.mediaType = p.mediaType;
  return out;
}

function partsFromProto(parts: pb.Part[], path: string): Part[] {
  const out: Part[] = new Array(parts.length);
  for (let i = 0; i < parts.length; i++) {
    out[i] = partFromProto(parts[i] as pb.Part, `${path}[${i}]`);
  }
  return out;
}

/** `lf.a2a.v1.Message` → {@link Message}. */
export function messageFromProto(m: pb.Message, path: string): Message {
  const out: Message = {
    messageId: m.messageId,
    role: roleFromProto(m.role, `${path}.role`),
    parts: partsFromProto(m.parts, `${path}.parts`),
  };
  if (m.contextId !== "") out.contextId = m.contextId;
  if (m.taskId !== "") out.taskId = m.taskId;
  if (m.metadata !== undefined) out.metadata = m.metadata;
  if (m.extensions.length > 0) out.extensions = m.extensions;
  if (m.referenceTaskIds.length > 0) out.referenceTaskIds = m.referenceTaskIds;
  return out;
}

/** `lf.a2a.v1.Artifact` → {@link Artifact}. */
export function artifactFromProto(a: pb.Artifact, path: string): Artifact {
  const out: Artifact = {
    artifactId: a.artifactId,
    parts: partsFromProto(a.parts, `${path}.parts`),
  };
  if (a.name !== "") out.name = a.name;
  if (a.description !== "") out.description = a.description;
  if (a.metadata !== undefined) out.metadata = a.metadata;
  if (a.extensions.length > 0) out.extensions = a.extensions;
  return out;
}

/** `lf.a2a.v1.TaskStatus` → {@link TaskStatus}. */
export function taskStatusFromProto(s: pb.TaskStatus | undefined, path: string): TaskStatus {
  if (s === undefined) throw new ConversionError(path, "required");
  const out: TaskStatus = { state: taskStateFromProto(s.state, `${path}.state`) };
  if (s.message !== undefined) out.message = messageFromProto(s.message, `${path}.message`);
  if (s.timestamp !== undefined) {
    out.timestamp = timestampFromProto(s.timestamp, `${path}.timestamp`);
  }
  return out;
}

/** `lf.a2a.v1.Task` → {@link Task}. */
export function taskFromProto(t: pb.Task, path: string): Task {
  const out: Task = { id: t.id, status: taskStatusFromProto(t.status, `${path}.status`) };
  if (t.contextId !== "") out.contextId = t.contextId;
  if (t.artifacts.length > 0) {
    const list: Artifact[] = new Array(t.artifacts.length);
    for (let i = 0; i < list.length; i++) {
      list[i] = artifactFromProto(t.artifacts[i] as pb.Artifact, `${path}.artifacts[${i}]`);
    }
    out.artifacts = list;
  }
  if (t.history.length > 0) {
    const list: Message[] = new Array(t.history.length);
    for (let i = 0; i < list.length; i++) {
      list[i] = messageFromProto(t.history[i] as pb.Message, `${path}.history[${i}]`);
    }
    out.history = list;
  }
  if (t.metadata !== undefined) out.metadata = t.metadata;
  return out;
}

/** `lf.a2a.v1.TaskStatusUpdateEvent` → {@link TaskStatusUpdateEvent}. */
export function statusUpdateFromProto(
  e: pb.TaskStatusUpdateEvent,
  path: string,
): TaskStatusUpdateEvent {
  const out: TaskStatusUpdateEvent = {
    taskId: e.taskId,
    contextId: e.contextId,
    status: taskStatusFromProto(e.status, `${path}.status`),
  };
  if (e.metadata !== undefined) out.metadata = e.metadata;
  return out;
}

/** `lf.a2a.v1.TaskArtifactUpdateEvent` → {@link TaskArtifactUpdateEvent}. */
export function artifactUpdateFromProto(
  e: pb.TaskArtifactUpdateEvent,
  path: string,
): TaskArtifactUpdateEvent {
  if (e.artifact === undefined) throw new ConversionError(`${path}.artifact`, "required");
  const out: TaskArtifactUpdateEvent = {
    taskId: e.taskId,
    contextId: e.contextId,
    artifact: artifactFromProto(e.artifact, `${path}.artifact`),
  };
  if (e.append) out.append = true;
  if (e.lastChunk) out.lastChunk = true;
  if (e.metadata !== undefined) out.metadata = e.metadata;
  return out;
}

/** `lf.a2a.v1.StreamResponse` → {@link StreamResponse}; an empty payload is an error. */
export function streamResponseFromProto(r: pb.StreamResponse, path: string): StreamResponse {
  const p = r.payload;
  switch (p.case) {
    case "task":
      return { task: taskFromProto(p.value, `${path}.task`) };
    case "message":
      return { message: messageFromProto(p.value, `${path}.message`) };
    case "statusUpdate":
      return { statusUpdate: statusUpdateFromProto(p.value, `${path}.statusUpdate`) };
    case "artifactUpdate":
      return { artifactUpdate: artifactUpdateFromProto(p.value, `${path}.artifactUpdate`) };
    default:
      throw new ConversionError(
        path,
        "a StreamResponse needs one of task, message, statusUpdate or artifactUpdate",
      );
  }
}

/** `lf.a2a.v1.SendMessageResponse` → {@link SendMessageResponse}; an empty payload is an error. */
export function sendMessageResponseFromProto(
  r: pb.SendMessageResponse,
  path: string,
): SendMessageResponse {
  const p = r.payload;
  switch (p.case) {
    case "task":
      return { task: taskFromProto(p.value, `${path}.task`) };
    case "message":
      return { message: messageFromProto(p.value, `${path}.message`) };
    default:
      throw new ConversionError(path, "a SendMessageResponse needs one of task or message");
  }
}

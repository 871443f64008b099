import type { CallContext } from "@agentmesh/a2a-transport";
import type { Message, Task } from "@agentmesh/a2a-types";
import type { RequestContext } from "./executor.js";
import { deepFreeze } from "./task-snapshot.js";

/** The executor's view of a call (a placeholder message when there is none, e.g. to cancel). */
export function buildRequestContext(
  ctx: CallContext,
  taskId: string,
  contextId: string,
  signal: () => AbortSignal,
  task: Task | undefined,
  request?: Pick<RequestContext, "message" | "configuration" | "metadata">,
): RequestContext {
  return {
    message: request?.message ?? placeholderMessage(taskId),
    task,
    taskId,
    contextId,
    tenant: ctx.tenant ?? "",
    principal: ctx.principal,
    requestedExtensions: ctx.requestedExtensions,
    activateExtension: (uri: string) => {
      ctx.activatedExtensions.add(uri);
    },
    configuration: request?.configuration,
    metadata: request?.metadata,
    get signal() {
      return signal();
    },
    call: ctx,
  };
}

/** A stand-in user message for executions without one (attached to cancel). */
export function placeholderMessage(taskId: string): Message {
  return deepFreeze({ messageId: "", role: "ROLE_USER", parts: [], taskId });
}

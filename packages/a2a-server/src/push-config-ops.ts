import { A2AError, A2AErrorCode } from "@agentmesh/a2a-transport";
import type {
  DeleteTaskPushNotificationConfigRequest,
  GetTaskPushNotificationConfigRequest,
  ListTaskPushNotificationConfigsRequest,
  ListTaskPushNotificationConfigsResponse,
  TaskPushNotificationConfig,
} from "@agentmesh/a2a-types";
import type { HandlerState } from "./handler-state.js";
import type { StoredPushConfig } from "./store/push-config-store.js";
import type { TaskScope } from "./store/task-store.js";
import { checkPushConfig, checkWebhookTarget, invalidParams, requireString } from "./validation.js";

/** The four push config operations: capability first, then the task, then the config. */
export class PushConfigOps {
  readonly #s: HandlerState;

  constructor(state: HandlerState) {
    this.#s = state;
  }

  /** Stores a config for a task (used by Create and by SendMessage's configuration). */
  async register(
    scope: TaskScope,
    taskId: string,
    config: TaskPushNotificationConfig,
  ): Promise<StoredPushConfig> {
    const store = this.#s.requirePush();
    const stored: StoredPushConfig = {
      ...structuredClone(config),
      id: config.id || crypto.randomUUID(),
      taskId,
    };
    return store.set(scope, stored);
  }

  async create(
    req: TaskPushNotificationConfig,
    scope: TaskScope,
  ): Promise<TaskPushNotificationConfig> {
    this.#s.requirePush();
    requireString("taskId", req.taskId);
    checkPushConfig("", req);
    checkWebhookTarget("url", req.url, this.#s.pushSender);
    await this.#s.loadTask(scope, req.taskId);
    return this.register(scope, req.taskId, req);
  }

  async get(
    req: GetTaskPushNotificationConfigRequest,
    scope: TaskScope,
  ): Promise<TaskPushNotificationConfig> {
    const store = this.#s.requirePush();
    this.#ids(req.taskId, req.id);
    await this.#s.loadTask(scope, req.taskId);
    const config = await store.get(scope, req.taskId, req.id);
    if (!config) {
      throw new A2AError(
        A2AErrorCode.TaskNotFound,
        `Push notification config ${req.id} not found for task ${req.taskId}`,
        { metadata: { taskId: req.taskId, configId: req.id } },
      );
    }
    return config;
  }

  async list(
    req: ListTaskPushNotificationConfigsRequest,
    scope: TaskScope,
  ): Promise<ListTaskPushNotificationConfigsResponse> {
    const store = this.#s.requirePush();
    requireString("taskId", req.taskId);
    if (req.pageSize !== undefined && (!Number.isInteger(req.pageSize) || req.pageSize < 0)) {
      invalidParams("pageSize", "must be a non-negative integer");
    }
    await this.#s.loadTask(scope, req.taskId);
    const page = await store.list(scope, req.taskId, {
      ...(req.pageSize ? { pageSize: Math.min(req.pageSize, 100) } : {}),
      ...(req.pageToken ? { pageToken: req.pageToken } : {}),
    });
    return { configs: page.configs, nextPageToken: page.nextPageToken };
  }

  async delete(req: DeleteTaskPushNotificationConfigRequest, scope: TaskScope): Promise<void> {
    const store = this.#s.requirePush();
    this.#ids(req.taskId, req.id);
    await this.#s.loadTask(scope, req.taskId);
    await store.delete(scope, req.taskId, req.id);
  }

  #ids(taskId: string, id: string): void {
    requireString("taskId", taskId);
    requireString("id", id);
  }
}

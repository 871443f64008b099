import type { ListTasksRequest, ListTasksResponse } from "@agentmesh/a2a-types";
import type { HandlerState } from "./handler-state.js";
import type { TaskListQuery, TaskScope } from "./store/task-store.js";
import { shapeTask } from "./task-snapshot.js";
import { checkHistoryLength, invalidParams } from "./validation.js";

/** Default and bounds of `ListTasksRequest.pageSize` (§3.1.4). */
export const LIST_TASKS_PAGE_SIZE = { default: 50, min: 1, max: 100 } as const;

/**
 * ListTasks: the caller's tasks, newest `status.timestamp` first, filtered and paged.
 * `pageSize` in the response is the number of tasks returned; `nextPageToken` is `""` on the
 * last page; artifacts are left out unless `includeArtifacts`.
 */
export async function listTasks(
  state: HandlerState,
  req: ListTasksRequest,
  scope: TaskScope,
): Promise<ListTasksResponse> {
  const pageSize = req.pageSize ?? LIST_TASKS_PAGE_SIZE.default;
  if (
    !Number.isInteger(pageSize) ||
    pageSize < LIST_TASKS_PAGE_SIZE.min ||
    pageSize > LIST_TASKS_PAGE_SIZE.max
  ) {
    invalidParams("pageSize", "must be between 1 and 100");
  }
  checkHistoryLength("historyLength", req.historyLength);
  const query: { -readonly [K in keyof TaskListQuery]: TaskListQuery[K] } = { pageSize };
  if (req.contextId) query.contextId = req.contextId;
  if (req.status && req.status !== "TASK_STATE_UNSPECIFIED") query.state = req.status;
  if (req.statusTimestampAfter) {
    const ms = Date.parse(req.statusTimestampAfter);
    if (Number.isNaN(ms)) invalidParams("statusTimestampAfter", "must be an RFC 3339 timestamp");
    query.statusTimestampAfterMs = ms;
  }
  if (req.pageToken) query.pageToken = req.pageToken;
  const page = await state.store.list(scope, query);
  const tasks = page.tasks.map((task) =>
    shapeTask(task, {
      historyLength: req.historyLength,
      includeArtifacts: req.includeArtifacts ?? false,
    }),
  );
  return {
    tasks,
    nextPageToken: page.nextPageToken,
    pageSize: tasks.length,
    totalSize: page.totalSize,
  };
}

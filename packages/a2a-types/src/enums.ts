import { z } from "zod";

/**
 * The lifecycle state of a task (`lf.a2a.v1.TaskState`), as its ProtoJSON name.
 *
 * Terminal: `Completed`, `Failed`, `Canceled`, `Rejected`. Interrupted: `InputRequired`,
 * `AuthRequired`. `Unspecified` is never a valid status; as a ListTasks filter it means "any".
 */
export const TaskState = {
  Unspecified: "TASK_STATE_UNSPECIFIED",
  Submitted: "TASK_STATE_SUBMITTED",
  Working: "TASK_STATE_WORKING",
  Completed: "TASK_STATE_COMPLETED",
  Failed: "TASK_STATE_FAILED",
  Canceled: "TASK_STATE_CANCELED",
  InputRequired: "TASK_STATE_INPUT_REQUIRED",
  Rejected: "TASK_STATE_REJECTED",
  AuthRequired: "TASK_STATE_AUTH_REQUIRED",
} as const;
/** One of the {@link TaskState} names. */
export type TaskState = (typeof TaskState)[keyof typeof TaskState];

/** The sender of a message (`lf.a2a.v1.Role`): `User` is the client, `Agent` the server. */
export const Role = {
  Unspecified: "ROLE_UNSPECIFIED",
  User: "ROLE_USER",
  Agent: "ROLE_AGENT",
} as const;
/** One of the {@link Role} names. */
export type Role = (typeof Role)[keyof typeof Role];

/** Task state names in proto number order (index = enum number). */
export const TASK_STATE_NAMES = [
  "TASK_STATE_UNSPECIFIED",
  "TASK_STATE_SUBMITTED",
  "TASK_STATE_WORKING",
  "TASK_STATE_COMPLETED",
  "TASK_STATE_FAILED",
  "TASK_STATE_CANCELED",
  "TASK_STATE_INPUT_REQUIRED",
  "TASK_STATE_REJECTED",
  "TASK_STATE_AUTH_REQUIRED",
] as const satisfies readonly TaskState[];

/** Role names in proto number order (index = enum number). */
export const ROLE_NAMES = [
  "ROLE_UNSPECIFIED",
  "ROLE_USER",
  "ROLE_AGENT",
] as const satisfies readonly Role[];

/** Zod schema of a {@link TaskState} name. */
export const TaskStateSchema = z.enum(TASK_STATE_NAMES);
/** Zod schema of a {@link Role} name. */
export const RoleSchema = z.enum(ROLE_NAMES);

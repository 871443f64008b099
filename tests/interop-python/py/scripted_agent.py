"""The scripted agent behind the a2a-sdk interop server.

The first word of the message text picks the behaviour (the Node side's agent in
``src/scripted-agent.ts`` follows the same script, so one client script can test
both servers):

- ``message …``  a direct Message reply ``echo: <text>`` (no task).
- ``stream N``   a task; N artifact chunks of one artifact ``stream``
                 (``chunk-0`` … ``chunk-{N-1}``; append from the second, lastChunk
                 on the last), then COMPLETED.
- ``slow``       a task that stays WORKING until canceled (at most 60 s).
- ``input``      a task in INPUT_REQUIRED ("need input"); the next message on the
                 task completes it with the artifact ``echo: <text>``.
- ``fail``       a task that ends FAILED ("failed on purpose").
- ``tenant``     a task; artifact ``tenant: <the request's tenant>``, COMPLETED.
- anything else  a task; WORKING, artifact ``echo`` = ``echo: <text>``, COMPLETED.
"""

from __future__ import annotations

import asyncio

from a2a.helpers import new_task_from_user_message, new_text_message, new_text_part
from a2a.server.agent_execution import AgentExecutor, RequestContext
from a2a.server.events import EventQueue
from a2a.server.tasks import TaskUpdater
from a2a.types import Role, TaskState


def _command(text: str) -> tuple[str, str]:
    words = text.strip().split(maxsplit=1)
    if not words:
        return "", ""
    return words[0].lower(), words[1] if len(words) > 1 else ""


class ScriptedExecutor(AgentExecutor):
    """Deterministic agent: echo, stream, slow (cancellable), input-required, fail."""

    async def execute(self, context: RequestContext, event_queue: EventQueue) -> None:
        message = context.message
        assert message is not None
        text = context.get_user_input()
        command, rest = _command(text)
        task = context.current_task

        if task is None and command == "message":
            reply = new_text_message(f"echo: {text}", role=Role.ROLE_AGENT)
            reply.context_id = context.context_id or ""
            await event_queue.enqueue_event(reply)
            return

        if task is None:
            task = new_task_from_user_message(message)
            task.id = context.task_id or task.id
            task.context_id = context.context_id or task.context_id
            await event_queue.enqueue_event(task)
        updater = TaskUpdater(event_queue, task.id, task.context_id)

        if task.status.state == TaskState.TASK_STATE_INPUT_REQUIRED:
            await updater.start_work()
            await updater.add_artifact([new_text_part(f"echo: {text}")], artifact_id="echo")
            await updater.complete()
            return

        await updater.start_work()
        if command == "stream":
            count = int(rest) if rest.strip().isdigit() else 3
            for i in range(count):
                await asyncio.sleep(0.01)
                await updater.add_artifact(
                    [new_text_part(f"chunk-{i}")],
                    artifact_id="stream",
                    name="stream",
                    append=i > 0,
                    last_chunk=i == count - 1,
                )
            await updater.complete()
        elif command == "slow":
            await asyncio.sleep(60)
            await updater.complete()
        elif command == "input":
            await updater.requires_input(updater.new_agent_message([new_text_part("need input")]))
        elif command == "tenant":
            await updater.add_artifact([new_text_part(f"tenant: {context.tenant}")], artifact_id="tenant")
            await updater.complete()
        elif command == "fail":
            await updater.failed(updater.new_agent_message([new_text_part("failed on purpose")]))
        else:
            await updater.add_artifact([new_text_part(f"echo: {text}")], artifact_id="echo", name="echo")
            await updater.complete()

    async def cancel(self, context: RequestContext, event_queue: EventQueue) -> None:
        task = context.current_task
        task_id = context.task_id or (task.id if task else "")
        context_id = context.context_id or (task.context_id if task else "")
        await TaskUpdater(event_queue, task_id, context_id).cancel()

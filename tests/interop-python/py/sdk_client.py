"""The a2a-sdk (A2A reference SDK) client for the interop tests.

Usage: ``python sdk_client.py --card-url URL --binding JSONRPC|HTTP+JSON|GRPC [--bearer TOKEN]``

Discovers the card at ``URL``, picks the interface of the given binding and runs
every A2A operation against the scripted agent (see ``scripted_agent.py``). Each
operation checks what it got and records one result; the run prints one JSON
object to stdout:

``{"peer": "a2a-sdk", "binding": ..., "results": [{"op", "ok", "detail", "error"}]}``

``detail`` holds what the operation saw (ProtoJSON of tasks, error class names…)
so the Node tests can assert on it too. The exit code is 0 whenever the JSON was
printed, whatever the results.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import traceback
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import grpc
import httpx
from a2a.client import A2ACardResolver, Client, ClientConfig, ClientFactory
from a2a.helpers import get_artifact_text
from a2a.types import (
    CancelTaskRequest,
    DeleteTaskPushNotificationConfigRequest,
    GetExtendedAgentCardRequest,
    GetTaskPushNotificationConfigRequest,
    GetTaskRequest,
    ListTaskPushNotificationConfigsRequest,
    ListTasksRequest,
    Message,
    Part,
    Role,
    SendMessageConfiguration,
    SendMessageRequest,
    StreamResponse,
    SubscribeToTaskRequest,
    Task,
    TaskPushNotificationConfig,
    TaskState,
)
from google.protobuf.json_format import MessageToDict
from static_credentials import auth_interceptors

TERMINAL = {
    TaskState.TASK_STATE_COMPLETED,
    TaskState.TASK_STATE_FAILED,
    TaskState.TASK_STATE_CANCELED,
    TaskState.TASK_STATE_REJECTED,
}


def to_json(msg: Any) -> dict[str, Any]:
    return MessageToDict(msg)


def state_name(state: int) -> str:
    return TaskState.Name(state)


def check(condition: bool, what: str) -> None:
    if not condition:
        raise AssertionError(what)


class Run:
    """Runs the operations in order and records one result per operation."""

    def __init__(self, card_url: str, binding: str, webhook: str, bearer: str | None = None) -> None:
        self.bearer = bearer
        self.card_url = card_url
        self.binding = binding
        self.webhook = webhook
        self.context_id = f"py-ctx-{uuid.uuid4()}"
        self.results: list[dict[str, Any]] = []
        self.tasks_created = 0

    async def op(self, name: str, fn: Callable[[], Awaitable[Any]]) -> Any:
        try:
            detail = await asyncio.wait_for(fn(), timeout=20)
            self.results.append({"op": name, "ok": True, "detail": detail})
            return detail
        except Exception as exc:  # noqa: BLE001 - every failure is a result
            self.results.append(
                {
                    "op": name,
                    "ok": False,
                    "error": f"{type(exc).__name__}: {exc}",
                    "trace": traceback.format_exc(limit=4),
                }
            )
            return None

    def message(self, text: str, task_id: str | None = None) -> Message:
        return Message(
            message_id=str(uuid.uuid4()),
            role=Role.ROLE_USER,
            parts=[Part(text=text)],
            context_id=self.context_id,
            task_id=task_id or "",
        )

    def request(self, text: str, *, task_id: str | None = None, immediate: bool = False) -> SendMessageRequest:
        req = SendMessageRequest(message=self.message(text, task_id))
        if immediate:
            req.configuration.CopyFrom(SendMessageConfiguration(return_immediately=True))
        return req

    async def one(self, client: Client, req: SendMessageRequest) -> StreamResponse:
        events = [ev async for ev in client.send_message(req)]
        check(len(events) == 1, f"a non-streaming send yields one response, got {len(events)}")
        return events[0]

    async def main(self) -> None:
        httpx_client = httpx.AsyncClient(timeout=15, headers={"A2A-Version": "1.0"})

        async def discover() -> dict[str, Any]:
            card = await A2ACardResolver(httpx_client, self.card_url).get_agent_card()
            self.card = card
            bindings = [i.protocol_binding for i in card.supported_interfaces]
            check(self.binding in bindings, f"card lists {self.binding} (has {bindings})")
            return {"name": card.name, "bindings": bindings, "card": to_json(card)}

        if await self.op("discovery", discover) is None:
            return

        def make(streaming: bool) -> Client:
            config = ClientConfig(
                streaming=streaming,
                httpx_client=httpx_client,
                supported_protocol_bindings=[self.binding],
                grpc_channel_factory=lambda url: grpc.aio.insecure_channel(url.removeprefix("grpc://")),
            )
            return ClientFactory(config).create(self.card, interceptors=auth_interceptors(self.bearer))

        blocking = make(False)
        streaming = make(True)
        state: dict[str, Any] = {}

        async def send_blocking() -> dict[str, Any]:
            res = await self.one(blocking, self.request("echo hello"))
            check(res.HasField("task"), "blocking send of 'echo hello' returns a task")
            self.tasks_created += 1
            task = res.task
            check(task.status.state == TaskState.TASK_STATE_COMPLETED, f"state COMPLETED, got {state_name(task.status.state)}")
            check(task.context_id == self.context_id, "the task keeps the client's contextId")
            texts = [get_artifact_text(a) for a in task.artifacts]
            check(texts == ["echo: echo hello"], f"artifact text, got {texts}")
            state["echo_task"] = task.id
            return {"task": to_json(task)}

        async def send_message_reply() -> dict[str, Any]:
            res = await self.one(blocking, self.request("message hi"))
            check(res.HasField("message"), "'message hi' gets a direct Message")
            text = "".join(p.text for p in res.message.parts)
            check(text == "echo: message hi", f"reply text, got {text!r}")
            check(res.message.role == Role.ROLE_AGENT, "reply role is ROLE_AGENT")
            return {"message": to_json(res.message)}

        async def send_return_immediately() -> dict[str, Any]:
            res = await self.one(blocking, self.request("slow", immediate=True))
            check(res.HasField("task"), "returnImmediately send returns a task")
            self.tasks_created += 1
            check(res.task.status.state not in TERMINAL, f"not terminal yet, got {state_name(res.task.status.state)}")
            state["slow_task"] = res.task.id
            return {"task": to_json(res.task)}

        async def get_task() -> dict[str, Any]:
            task = await blocking.get_task(GetTaskRequest(id=state["echo_task"], history_length=1))
            check(task.id == state["echo_task"], "same id")
            check(task.status.state == TaskState.TASK_STATE_COMPLETED, "still COMPLETED")
            check(len(task.history) <= 1, f"historyLength 1 honoured, got {len(task.history)}")
            return {"task": to_json(task)}

        async def stream() -> dict[str, Any]:
            events = [ev async for ev in streaming.send_message(self.request("stream 3"))]
            kinds = [ev.WhichOneof("payload") for ev in events]
            check(kinds[0] == "task", f"first event is the task, got {kinds}")
            self.tasks_created += 1
            chunks = [get_artifact_text(ev.artifact_update.artifact) for ev in events if ev.HasField("artifact_update")]
            check(chunks == ["chunk-0", "chunk-1", "chunk-2"], f"three chunks, got {chunks}")
            last = events[-1]
            check(
                last.HasField("status_update") and last.status_update.status.state == TaskState.TASK_STATE_COMPLETED,
                f"stream ends with COMPLETED, got {kinds[-1]}",
            )
            return {"kinds": kinds, "chunks": chunks}

        async def input_required() -> dict[str, Any]:
            first = await self.one(blocking, self.request("input"))
            check(first.HasField("task"), "'input' returns a task")
            self.tasks_created += 1
            check(
                first.task.status.state == TaskState.TASK_STATE_INPUT_REQUIRED,
                f"INPUT_REQUIRED, got {state_name(first.task.status.state)}",
            )
            second = await self.one(blocking, self.request("more", task_id=first.task.id))
            check(second.task.id == first.task.id, "the follow-up continues the same task")
            check(second.task.status.state == TaskState.TASK_STATE_COMPLETED, "then COMPLETED")
            texts = [get_artifact_text(a) for a in second.task.artifacts]
            check("echo: more" in texts, f"artifact of the second turn, got {texts}")
            return {"first": to_json(first.task), "second": to_json(second.task)}

        async def fail() -> dict[str, Any]:
            res = await self.one(blocking, self.request("fail"))
            self.tasks_created += 1
            check(res.task.status.state == TaskState.TASK_STATE_FAILED, f"FAILED, got {state_name(res.task.status.state)}")
            return {"task": to_json(res.task)}

        async def list_tasks() -> dict[str, Any]:
            pages: list[list[str]] = []
            token = ""
            total = -1
            while True:
                res = await blocking.list_tasks(ListTasksRequest(context_id=self.context_id, page_size=2, page_token=token))
                pages.append([t.id for t in res.tasks])
                total = res.total_size
                token = res.next_page_token
                check(len(res.tasks) <= 2, f"page size 2 honoured, got {len(res.tasks)}")
                if not token or len(pages) > 10:
                    break
            ids = [i for page in pages for i in page]
            check(len(ids) == self.tasks_created, f"{self.tasks_created} tasks in the context, listed {len(ids)}")
            check(len(set(ids)) == len(ids), "no task listed twice")
            check(total == self.tasks_created, f"totalSize {self.tasks_created}, got {total}")
            check(len(pages) >= 2, "more than one page")
            return {"pages": pages, "totalSize": total}

        async def push_config_crud() -> dict[str, Any]:
            task_id = state["slow_task"]
            created = await blocking.create_task_push_notification_config(
                TaskPushNotificationConfig(task_id=task_id, id="cfg-1", url=self.webhook, token="tok-1")
            )
            check(created.id == "cfg-1" and created.url == self.webhook, f"created {to_json(created)}")
            got = await blocking.get_task_push_notification_config(
                GetTaskPushNotificationConfigRequest(task_id=task_id, id="cfg-1")
            )
            check(got.url == self.webhook and got.token == "tok-1", f"got {to_json(got)}")
            listed = await blocking.list_task_push_notification_configs(
                ListTaskPushNotificationConfigsRequest(task_id=task_id)
            )
            check([c.id for c in listed.configs] == ["cfg-1"], f"listed {to_json(listed)}")
            await blocking.delete_task_push_notification_config(
                DeleteTaskPushNotificationConfigRequest(task_id=task_id, id="cfg-1")
            )
            after = await blocking.list_task_push_notification_configs(
                ListTaskPushNotificationConfigsRequest(task_id=task_id)
            )
            check(len(after.configs) == 0, f"empty after delete, got {to_json(after)}")
            return {"created": to_json(created), "listed": to_json(listed)}

        async def subscribe_and_cancel() -> dict[str, Any]:
            task_id = state["slow_task"]
            kinds: list[str] = []
            states: list[str] = []
            canceled: dict[str, Any] = {}
            async for ev in streaming.subscribe(SubscribeToTaskRequest(id=task_id)):
                kinds.append(ev.WhichOneof("payload") or "")
                if ev.HasField("status_update"):
                    states.append(state_name(ev.status_update.status.state))
                if ev.HasField("task"):
                    states.append(state_name(ev.task.status.state))
                if len(kinds) == 1:
                    check(kinds[0] == "task", f"first event of a subscription is the task, got {kinds[0]}")
                    task = await blocking.cancel_task(CancelTaskRequest(id=task_id))
                    canceled = to_json(task)
                    check(task.status.state == TaskState.TASK_STATE_CANCELED, f"cancel returns CANCELED, got {canceled}")
            check(states[-1] == "TASK_STATE_CANCELED", f"the subscription ends with CANCELED, got {states}")
            return {"kinds": kinds, "states": states, "canceled": canceled}

        async def extended_card() -> dict[str, Any]:
            card = await blocking.get_extended_agent_card(GetExtendedAgentCardRequest())
            skills = [s.id for s in card.skills]
            check("secret" in skills, f"the extended card adds the skill 'secret', got {skills}")
            return {"skills": skills, "card": to_json(card)}

        async def error(fn: Callable[[], Awaitable[Any]]) -> dict[str, Any]:
            try:
                await fn()
            except Exception as exc:  # noqa: BLE001
                return {"errorClass": type(exc).__name__, "message": str(exc)}
            raise AssertionError("expected an error, the call succeeded")

        async def error_task_not_found() -> dict[str, Any]:
            return await error(lambda: blocking.get_task(GetTaskRequest(id="no-such-task")))

        async def error_not_cancelable() -> dict[str, Any]:
            return await error(lambda: blocking.cancel_task(CancelTaskRequest(id=state["echo_task"])))

        async def error_subscribe_terminal() -> dict[str, Any]:
            async def go() -> None:
                async for _ in streaming.subscribe(SubscribeToTaskRequest(id=state["echo_task"])):
                    pass

            return await error(go)

        async def error_push_unknown_task() -> dict[str, Any]:
            return await error(
                lambda: blocking.get_task_push_notification_config(
                    GetTaskPushNotificationConfigRequest(task_id="no-such-task", id="x")
                )
            )

        async def push_in_send() -> dict[str, Any]:
            req = self.request("echo pushed")
            req.configuration.task_push_notification_config.CopyFrom(
                TaskPushNotificationConfig(url=self.webhook, token="py-token")
            )
            res = await self.one(blocking, req)
            self.tasks_created += 1
            check(res.task.status.state == TaskState.TASK_STATE_COMPLETED, "the pushed task completes")
            return {"taskId": res.task.id}

        async def error_invalid_params() -> dict[str, Any]:
            return await error(lambda: blocking.list_tasks(ListTasksRequest(page_size=101)))

        await self.op("send-blocking", send_blocking)
        await self.op("send-message-reply", send_message_reply)
        await self.op("send-return-immediately", send_return_immediately)
        await self.op("get-task", get_task)
        await self.op("stream", stream)
        await self.op("input-required", input_required)
        await self.op("send-fail", fail)
        await self.op("push-in-send", push_in_send)
        await self.op("list-tasks-paging", list_tasks)
        await self.op("push-config-crud", push_config_crud)
        await self.op("subscribe-cancel", subscribe_and_cancel)
        await self.op("extended-card", extended_card)
        await self.op("error-task-not-found", error_task_not_found)
        await self.op("error-task-not-cancelable", error_not_cancelable)
        await self.op("error-subscribe-terminal", error_subscribe_terminal)
        await self.op("error-push-unknown-task", error_push_unknown_task)
        await self.op("error-invalid-params", error_invalid_params)
        await blocking.close()
        await streaming.close()
        await httpx_client.aclose()


async def amain() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--card-url", required=True)
    parser.add_argument("--binding", required=True, choices=["JSONRPC", "HTTP+JSON", "GRPC"])
    parser.add_argument("--webhook", default="http://127.0.0.1:9/webhook")
    parser.add_argument("--bearer", help="token for the card's security schemes (a2a-sdk AuthInterceptor)")
    args = parser.parse_args()
    run = Run(args.card_url, args.binding, args.webhook, args.bearer)
    try:
        await run.main()
    except Exception as exc:  # noqa: BLE001
        run.results.append({"op": "run", "ok": False, "error": f"{type(exc).__name__}: {exc}"})
    print(json.dumps({"peer": "a2a-sdk", "binding": args.binding, "results": run.results}), flush=True)


if __name__ == "__main__":
    sys.exit(asyncio.run(amain()))

"""The AG2 A2A client for the interop tests.

Usage: ``python ag2_client.py --card-url URL --binding jsonrpc|rest|grpc [--scripted] [--bearer TOKEN]``

An AG2 ``Agent`` whose model is ``A2AConfig(card_url=URL, prefer=binding)`` talks
to the remote agent:

- ``ask-multi-turn``: ``ask`` then ``reply.ask`` (streaming), recording both answers;
- ``ask-polling``: one ``ask`` with ``streaming=False`` (SendMessage with
  returnImmediately, then GetTask polling);
- ``ask-streamed-chunks`` (with ``--scripted``): ``ask("stream 3")``,
  whose answer arrives as three append chunks of one artifact;
- ``hitl-input-required`` (with ``--scripted``): ``ask("input …")`` against an agent that
  answers INPUT_REQUIRED; AG2's human-in-the-loop hook answers ``more``, which
  the client sends back on the same task;
- ``list-get-tasks``: AG2's task helpers ``list_tasks`` (page size 1) and ``get_task``.

Prints ``{"peer": "ag2", "binding": ..., "results": [{"op", "ok", "detail", "error"}]}``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import traceback
from collections.abc import Awaitable, Callable
from typing import Any

from ag2 import Agent
from ag2.a2a import A2AConfig
from ag2.a2a.tasks import get_task, list_tasks
from google.protobuf.json_format import MessageToDict
from static_credentials import auth_interceptors


async def op(results: list[dict[str, Any]], name: str, fn: Callable[[], Awaitable[Any]]) -> None:
    try:
        detail = await asyncio.wait_for(fn(), timeout=30)
        results.append({"op": name, "ok": True, "detail": detail})
    except Exception as exc:  # noqa: BLE001 - every failure is a result
        results.append(
            {"op": name, "ok": False, "error": f"{type(exc).__name__}: {exc}", "trace": traceback.format_exc(limit=6)}
        )


async def amain() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--card-url", required=True)
    parser.add_argument("--binding", required=True, choices=["jsonrpc", "rest", "grpc"])
    parser.add_argument(
        "--scripted", action="store_true", help="the remote runs the interop script (stream N, input …)"
    )
    parser.add_argument("--bearer", help="token for the card's security schemes (a2a-sdk AuthInterceptor)")
    args = parser.parse_args()
    results: list[dict[str, Any]] = []

    def config(**overrides: Any) -> A2AConfig:
        return A2AConfig(
            card_url=args.card_url,
            prefer=args.binding,
            timeout=20.0,
            interceptors=auth_interceptors(args.bearer),
            **overrides,
        )

    async def multi_turn() -> dict[str, Any]:
        remote = Agent("remote", config=config())
        first = await remote.ask("Remember the number 42.")
        second = await first.ask("What number did I ask you to remember?")
        return {"first": first.response.message.content if first.response.message else None,
                "second": second.response.message.content if second.response.message else None}

    async def streamed_chunks() -> dict[str, Any]:
        remote = Agent("remote", config=config())
        reply = await remote.ask("stream 3")
        return {"content": reply.response.message.content if reply.response.message else None}

    async def polling() -> dict[str, Any]:
        remote = Agent("remote", config=config(streaming=False, polling_interval=0.05))
        reply = await remote.ask("Polling please.")
        return {"content": reply.response.message.content if reply.response.message else None}

    async def hitl() -> dict[str, Any]:
        prompts: list[str] = []

        def answer(event: Any) -> str:
            prompts.append(str(getattr(event, "content", "")))
            return "more"

        remote = Agent("remote", config=config(), hitl_hook=answer)
        reply = await remote.ask("input please")
        return {"prompts": prompts, "content": reply.response.message.content if reply.response.message else None}

    async def tasks() -> dict[str, Any]:
        listed = await list_tasks(config(), page_size=1)
        if not listed.tasks:
            raise AssertionError("list_tasks returned no task after several asks")
        first = listed.tasks[0]
        fetched = await get_task(config(), first.id)
        if fetched.id != first.id:
            raise AssertionError(f"get_task returned {fetched.id}, asked {first.id}")
        return {
            "listed": len(listed.tasks),
            "nextPageToken": listed.next_page_token,
            "totalSize": listed.total_size,
            "task": MessageToDict(fetched),
        }

    await op(results, "ask-multi-turn", multi_turn)
    await op(results, "ask-polling", polling)
    if args.scripted:
        await op(results, "ask-streamed-chunks", streamed_chunks)
        await op(results, "hitl-input-required", hitl)
    await op(results, "list-get-tasks", tasks)
    print(json.dumps({"peer": "ag2", "binding": args.binding, "results": results}), flush=True)


if __name__ == "__main__":
    sys.exit(asyncio.run(amain()))

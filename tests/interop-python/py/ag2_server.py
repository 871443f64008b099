"""AG2 A2AServer peers for the interop tests.

Two AG2 agents, each driven by AG2's own scripted model (``ag2.testing.TestConfig``:
no API key, no network), each wrapped in ``ag2.a2a.A2AServer`` and served on
JSON-RPC (``/a2a/jsonrpc``), HTTP+JSON (``/a2a/rest``) and gRPC, on 127.0.0.1
with OS-chosen ports:

- ``main``: the model streams ``Hello `` / ``from `` / ``AG2`` as three chunks, so
  every task ends COMPLETED with one text artifact ``Hello from AG2`` built from
  three artifact-update events. It has a push config store and an extended card.
- ``slow``: the model calls the server-side tool ``wait_for_cancel`` (sleeps 60 s),
  so a task stays WORKING until canceled — for returnImmediately, subscribe and
  cancel.

When everything listens, prints one JSON line to stdout:
``{"ready": true, "main": {"cardUrl", "grpcAddress", ...}, "slow": {...}}``.
Stops on SIGTERM / SIGINT, and on stdin EOF with ``--watch-stdin``.
"""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import socket
import sys
from typing import Any

import uvicorn
from a2a.server.tasks import InMemoryPushNotificationConfigStore
from a2a.types import AgentCard, AgentSkill
from ag2 import Agent, tool
from ag2.a2a import A2AServer, build_card
from ag2.events import ModelMessageChunk, ToolCallEvent
from ag2.testing import TestConfig
from starlette.applications import Starlette

JSONRPC_PATH = "/a2a/jsonrpc"
REST_PATH = "/a2a/rest"


@tool(description="Wait until the task is canceled (at most 60 seconds).")
async def wait_for_cancel() -> str:
    await asyncio.sleep(60)
    return "waited"


def main_agent() -> Agent:
    return Agent(
        "ag2_peer",
        "You greet the caller.",
        config=TestConfig(
            ModelMessageChunk("Hello "),
            ModelMessageChunk("from "),
            ModelMessageChunk("AG2"),
            "Hello from AG2",
        ),
    )


def slow_agent() -> Agent:
    return Agent(
        "ag2_slow",
        "You wait until canceled.",
        config=TestConfig(ToolCallEvent("wait_for_cancel"), "done"),
        tools=[wait_for_cancel],
    )


def skills_for(agent: Agent) -> list[AgentSkill]:
    # build_card's default skill has no tags, which AgentSkill.tags (REQUIRED) forbids;
    # see DEVIATIONS.md. Declare one explicitly so the card is valid.
    return [AgentSkill(id=agent.name, name=agent.name, description="Scripted AG2 agent.", tags=["ag2", "interop"])]


class Served:
    """One A2AServer on one HTTP port (JSON-RPC + REST + card) and one gRPC port."""

    def __init__(self, agent: Agent, *, extended: bool) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.base = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        # Filled in below once the gRPC port is known; A2AServer keeps this very object.
        extended_card = AgentCard() if extended else None
        self.server = A2AServer(
            agent,
            extended_card=extended_card,
            push_config_store=InMemoryPushNotificationConfigStore(),
        )
        # build_grpc adds its own listener for ``bind``; the second, OS-chosen
        # port is the one we advertise (build_grpc does not report its port).
        self.grpc = self.server.build_grpc(
            bind="127.0.0.1:0",
            grpc_url="127.0.0.1:0",
            card=build_card(agent, url="127.0.0.1:0", transports=("grpc",), grpc_url="127.0.0.1:0", skills=skills_for(agent)),
        )
        self.grpc_address = f"127.0.0.1:{self.grpc.add_insecure_port('127.0.0.1:0')}"
        card = build_card(
            agent,
            url=f"{self.base}{JSONRPC_PATH}",
            transports=("jsonrpc", "rest", "grpc"),
            rest_url=f"{self.base}{REST_PATH}",
            grpc_url=self.grpc_address,
            push_notifications=True,
            skills=skills_for(agent),
        )
        if extended_card is not None:
            extended_card.CopyFrom(card)
            extended_card.skills.append(
                AgentSkill(id="secret", name="Extended-only skill", description="Only on the extended card.", tags=["x"])
            )
        jsonrpc = self.server.build_jsonrpc(url=f"{self.base}{JSONRPC_PATH}", card=card, rpc_url=JSONRPC_PATH)
        rest = self.server.build_rest(url=f"{self.base}{REST_PATH}", card=card, path_prefix=REST_PATH)
        # JSON-RPC routes (and the card) first: REST ends with a /{tenant} catch-all.
        self.app = Starlette(routes=[*jsonrpc.routes, *rest.routes])
        self.http = uvicorn.Server(uvicorn.Config(self.app, log_level="warning", lifespan="off"))
        self.http.install_signal_handlers = lambda: None  # type: ignore[method-assign]

    async def start(self) -> None:
        await self.grpc.start()
        self.task = asyncio.create_task(self.http.serve(sockets=[self.sock]))
        while not self.http.started:
            if self.task.done():
                self.task.result()
            await asyncio.sleep(0.02)

    async def stop(self) -> None:
        self.http.should_exit = True
        self.http.force_exit = True
        await self.grpc.stop(grace=0)
        try:
            await asyncio.wait_for(self.task, timeout=3)
        except (asyncio.TimeoutError, asyncio.CancelledError):
            pass

    def describe(self) -> dict[str, Any]:
        return {
            "cardUrl": self.base,
            "httpBaseUrl": self.base,
            "jsonRpcUrl": f"{self.base}{JSONRPC_PATH}",
            "restUrl": f"{self.base}{REST_PATH}",
            "grpcAddress": self.grpc_address,
        }


async def main() -> None:
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    # The extended card is still empty when build_grpc sees it (filled in right after).
    logging.getLogger("a2a.utils.proto_utils").setLevel(logging.ERROR)
    peers = {"main": Served(main_agent(), extended=True), "slow": Served(slow_agent(), extended=False)}
    for peer in peers.values():
        await peer.start()
    print(json.dumps({"ready": True, **{k: v.describe() for k, v in peers.items()}}), flush=True)

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    if "--watch-stdin" in sys.argv:
        loop.add_reader(sys.stdin.fileno(), lambda: stop.set() if not sys.stdin.read(1) else None)
    await stop.wait()
    for peer in peers.values():
        await peer.stop()


if __name__ == "__main__":
    asyncio.run(main())

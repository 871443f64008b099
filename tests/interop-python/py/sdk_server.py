"""An a2a-sdk (A2A reference SDK) server for the interop tests.

Serves one scripted agent on JSON-RPC (``/a2a/jsonrpc``), HTTP+JSON
(``/a2a/rest``) and gRPC (its own port), all on 127.0.0.1 with ports chosen by
the OS. The public card is at ``/.well-known/agent-card.json``; an extended card
(one more skill) is served by GetExtendedAgentCard. Push configs are stored and
delivered (no SSRF screening, so loopback webhooks work in tests).

When everything listens, prints one JSON line to stdout:
``{"ready": true, "httpBaseUrl": ..., "cardUrl": ..., "grpcAddress": ...}``.
Logs go to stderr. Stops on SIGTERM / SIGINT, and on stdin EOF with ``--watch-stdin``.

The agent reads the first word of the message text (see ``scripted_agent.py``).
"""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import socket
import sys

import grpc
import httpx
import uvicorn
from a2a.server.request_handlers import DefaultRequestHandlerV2
from a2a.server.request_handlers.grpc_handler import GrpcHandler
from a2a.server.routes import (
    create_agent_card_routes,
    create_jsonrpc_routes,
    create_rest_routes,
)
from a2a.server.tasks import (
    BasePushNotificationSender,
    InMemoryPushNotificationConfigStore,
    InMemoryTaskStore,
)
from a2a.types import (
    AgentCapabilities,
    AgentCard,
    AgentInterface,
    AgentSkill,
    a2a_pb2_grpc,
)
from scripted_agent import ScriptedExecutor
from starlette.applications import Starlette

JSONRPC_PATH = "/a2a/jsonrpc"
REST_PATH = "/a2a/rest"


def build_cards(http_base: str, grpc_address: str) -> tuple[AgentCard, AgentCard]:
    """The public card and the extended card (the public one plus a skill)."""
    echo_skill = AgentSkill(
        id="echo",
        name="Echo",
        description="Echoes the text back as an artifact.",
        tags=["echo", "test"],
        examples=["echo hello"],
    )
    card = AgentCard(
        name="a2a-sdk interop peer",
        description="Scripted agent of the A2A Python reference SDK, for interop tests.",
        version="1.0.0",
        supported_interfaces=[
            AgentInterface(
                url=f"{http_base}{JSONRPC_PATH}", protocol_binding="JSONRPC", protocol_version="1.0"
            ),
            AgentInterface(
                url=f"{http_base}{REST_PATH}", protocol_binding="HTTP+JSON", protocol_version="1.0"
            ),
            AgentInterface(url=grpc_address, protocol_binding="GRPC", protocol_version="1.0"),
        ],
        capabilities=AgentCapabilities(
            streaming=True, push_notifications=True, extended_agent_card=True
        ),
        default_input_modes=["text/plain"],
        default_output_modes=["text/plain"],
        skills=[echo_skill],
    )
    extended = AgentCard()
    extended.CopyFrom(card)
    extended.skills.append(
        AgentSkill(
            id="secret",
            name="Extended-only skill",
            description="Only listed on the extended card.",
            tags=["extended"],
        )
    )
    return card, extended


async def main() -> None:
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    http_port = sock.getsockname()[1]
    http_base = f"http://127.0.0.1:{http_port}"

    grpc_server = grpc.aio.server()
    grpc_port = grpc_server.add_insecure_port("127.0.0.1:0")
    grpc_address = f"127.0.0.1:{grpc_port}"

    card, extended = build_cards(http_base, grpc_address)
    push_store = InMemoryPushNotificationConfigStore()
    push_http = httpx.AsyncClient(timeout=5.0)
    handler = DefaultRequestHandlerV2(
        agent_executor=ScriptedExecutor(),
        task_store=InMemoryTaskStore(),
        agent_card=card,
        extended_agent_card=extended,
        push_config_store=push_store,
        push_sender=BasePushNotificationSender(push_http, push_store),
    )

    routes = [
        *create_agent_card_routes(card, card_url="/.well-known/agent-card.json"),
        *create_agent_card_routes(card, card_url="/.well-known/agent.json"),
        *create_jsonrpc_routes(handler, rpc_url=JSONRPC_PATH),
        *create_rest_routes(handler, path_prefix=REST_PATH),
    ]
    app = Starlette(routes=routes)

    a2a_pb2_grpc.add_A2AServiceServicer_to_server(GrpcHandler(handler), grpc_server)
    await grpc_server.start()

    config = uvicorn.Config(app, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    server.install_signal_handlers = lambda: None  # type: ignore[method-assign]
    serve_task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        if serve_task.done():
            serve_task.result()
        await asyncio.sleep(0.02)

    print(
        json.dumps(
            {
                "ready": True,
                "httpBaseUrl": http_base,
                "cardUrl": http_base,
                "jsonRpcUrl": f"{http_base}{JSONRPC_PATH}",
                "restUrl": f"{http_base}{REST_PATH}",
                "grpcAddress": grpc_address,
            }
        ),
        flush=True,
    )

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    if "--watch-stdin" in sys.argv:
        # The test runner holds our stdin open; EOF means it went away.
        loop.add_reader(sys.stdin.fileno(), lambda: stop.set() if not sys.stdin.read(1) else None)
    await stop.wait()

    server.should_exit = True
    server.force_exit = True
    await grpc_server.stop(grace=0)
    try:
        await asyncio.wait_for(serve_task, timeout=3)
    except (asyncio.TimeoutError, asyncio.CancelledError):
        pass
    await push_http.aclose()


if __name__ == "__main__":
    asyncio.run(main())

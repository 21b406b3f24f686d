"""/healthz and /metrics over real HTTP on 127.0.0.1."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping

import aiohttp
import pytest
from aiohttp import web

from bot.core.responder import Responder
from bot.ops.health import HttpServer, health_app
from bot.ops.metrics import Metrics
from bot.ops.service import Asker, BotService


class AdapterStates:
    """Adapters' connection states, changed by the test."""

    def __init__(self, **states: bool) -> None:
        self.states = states

    def __call__(self) -> Mapping[str, bool]:
        return self.states


@pytest.fixture
async def server(responder: Responder) -> AsyncIterator[tuple[str, AdapterStates, Metrics]]:
    status, metrics = AdapterStates(slack=True, discord=True), Metrics()

    async def echo(_request: web.Request) -> web.Response:
        return web.Response(text="slack route")

    app = health_app(responder, metrics, status, routes=[web.post("/slack/events", echo)])
    http = HttpServer(app, "127.0.0.1", 0)
    await http.start()
    yield f"http://127.0.0.1:{http.port}", status, metrics
    await http.stop()


async def test_healthz_should_report_the_knowledge_base_and_adapters(
    server: tuple[str, AdapterStates, Metrics], responder: Responder,
) -> None:
    base, _status, _metrics = server
    async with aiohttp.ClientSession() as session, session.get(base + "/healthz") as response:
        assert response.status == 200
        body = await response.json()
    assert body["alive"] is True
    assert body["knowledge_base"] == {"loaded": True, "entries": len(responder.kb.entries),
                                      "path": str(responder.kb.path)}
    assert body["adapters"] == {"slack": True, "discord": True}


async def test_healthz_should_answer_503_when_an_adapter_is_down(
    server: tuple[str, AdapterStates, Metrics],
) -> None:
    base, status, _metrics = server
    status.states["discord"] = False
    async with aiohttp.ClientSession() as session, session.get(base + "/healthz") as response:
        assert response.status == 503
        assert (await response.json())["adapters"]["discord"] is False


async def test_metrics_should_be_prometheus_text_with_the_questions_asked(
    server: tuple[str, AdapterStates, Metrics], responder: Responder,
) -> None:
    base, _status, metrics = server
    BotService(responder, metrics=metrics).ask("what is selank", Asker("discord", "U1"))
    async with aiohttp.ClientSession() as session, session.get(base + "/metrics") as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/plain")
        text = await response.text()
    assert 'selank_questions_total{platform="discord",status="answer"} 1.0' in text
    assert "selank_match_seconds_bucket" in text


async def test_adapter_routes_should_share_the_server(
    server: tuple[str, AdapterStates, Metrics],
) -> None:
    base, _status, _metrics = server
    async with aiohttp.ClientSession() as session, \
            session.post(base + "/slack/events") as response:
        assert await response.text() == "slack route"

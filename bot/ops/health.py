"""The operations HTTP server: `/healthz` and `/metrics`, with room for Slack's routes.

One aiohttp server per process: on HEALTH_PORT, or on Slack's PORT when Slack runs in HTTP
mode (its routes are added here), so a container exposes one port for everything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from aiohttp import web

from bot.core.responder import Responder
from bot.ops.metrics import CONTENT_TYPE, Metrics
from bot.ops.writer import StoreState

AdapterStatus = Callable[[], Mapping[str, bool]]
SHUTDOWN_SECONDS = 10.0
NO_PLATFORM = "no chat platform is configured: set SLACK_BOT_TOKEN or DISCORD_TOKEN"


def health_app(responder: Responder, metrics: Metrics, adapters: AdapterStatus,
               routes: Iterable[web.AbstractRouteDef] = (),
               store: Callable[[], StoreState] | None = None) -> web.Application:
    """The application: health and metrics, plus any routes an adapter serves.

    A degraded store makes the status "degraded" but not the code 503: the bot still
    answers, and restarting it would not bring the database back.
    """

    async def healthz(_request: web.Request) -> web.Response:
        connected = dict(adapters())
        kb = responder.kb
        healthy = all(connected.values())
        state = store() if store is not None else None
        body: dict[str, object] = {
            "alive": True,
            "status": "ok" if healthy and (state is None or state.ok) else "degraded",
            "knowledge_base": {"loaded": True, "entries": len(kb.entries), "path": str(kb.path)},
            "adapters": connected,
        }
        if state is not None:
            body["store"] = state.as_json()
        if not connected:
            # Idle is healthy: an orchestrator restarting it would change nothing.
            body.update(status="idle", message=NO_PLATFORM)
        return web.json_response(body, status=200 if healthy else 503)

    async def metrics_page(_request: web.Request) -> web.Response:
        return web.Response(body=metrics.render(), headers={"Content-Type": CONTENT_TYPE})

    app = web.Application()
    app.add_routes([web.get("/healthz", healthz), web.get("/metrics", metrics_page)])
    app.add_routes(list(routes))
    return app


class HttpServer:
    """Starts and stops an aiohttp application on a port without owning the event loop."""

    def __init__(self, app: web.Application, host: str, port: int) -> None:
        self._runner = web.AppRunner(app, shutdown_timeout=SHUTDOWN_SECONDS,
                                     access_log=None)
        self._host = host
        self._port = port
        self.port = port

    async def start(self) -> None:
        """Listen; with port 0 the system picks one, readable afterwards as `port`."""
        await self._runner.setup()
        site = web.TCPSite(self._runner, self._host, self._port)
        await site.start()
        addresses = self._runner.addresses
        if addresses:
            self.port = int(addresses[0][1])

    async def stop(self) -> None:
        """Stop accepting, let requests in flight finish (up to the timeout), close."""
        await self._runner.cleanup()

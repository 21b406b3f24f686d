"""The composition root: reads the settings once, builds the core, runs the adapters beside it.

`selank-bot run` lands here. Every configured platform (Slack, Discord, both) runs in one
asyncio process with the health server, the live reload and the store; with none configured,
the terminal chat runs instead. The chat libraries are imported only for the platforms that
run, so the core and this module load without them.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import importlib
import logging
import re
import signal
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from adapters.base import Adapter, AdapterFactory, Platform, PlatformSettings, ServesRoutes
from bot.config import ConfigError
from bot.health import HttpServer, health_app
from bot.loader import load_knowledge_base
from bot.logging_setup import configure_logging, log_event
from bot.metrics import Metrics
from bot.questionlog import QuestionLog
from bot.ratelimit import RateLimiter
from bot.reload import KnowledgeBaseWatcher
from bot.responder import Responder
from bot.service import BotService
from bot.settings import OpsSettings, environment
from bot.store import Store, StoreError
from bot.triage import default_triager
from bot.writer import QueuedRecorder

log = logging.getLogger("selank.runner")
RETENTION_EVERY_SECONDS = 24 * 60 * 60
ADAPTER_STOP_SECONDS = 15.0
SECRET_NAME = re.compile(r"TOKEN|SECRET|SALT|PASSWORD|KEY", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Source:
    """Where a platform's settings and adapter classes live, imported only when needed."""

    settings_module: str
    settings_class: str
    adapter_module: str
    adapter_class: str
    token: str


PLATFORMS: dict[str, _Source] = {
    "slack": _Source("adapters.slack.settings", "SlackSettings",
                     "adapters.slack.app", "SlackAdapter", "SLACK_BOT_TOKEN"),
    "discord": _Source("adapters.discord.settings", "DiscordSettings",
                       "adapters.discord.client", "DiscordAdapter", "DISCORD_TOKEN"),
}


def main(faq_path: Path | None = None, platform: str | None = None,
         env: Mapping[str, str] | None = None, headless: bool = False) -> int:
    """Run the named platform, every configured one, or the terminal chat when none is.

    `headless` runs the health server, reload and store with no chat platform at all: a
    way to check a deployment's settings and probes, and what the shutdown test runs.
    """
    env = dict(env) if env is not None else environment()
    problems: list[str] = []
    settings: OpsSettings | None = None
    try:
        settings = OpsSettings.from_env(env)
    except ConfigError as error:
        problems.extend(error.problems)
    platforms = [] if headless else select_platforms(env, platform, problems)
    if problems or settings is None:
        _print_problems(problems)
        return 2
    responder = Responder(load_knowledge_base(faq_path or settings.faq_path),
                          default_triager(env))
    if not platforms and not headless:
        from bot.cli import chat

        print("No SLACK_BOT_TOKEN or DISCORD_TOKEN set: starting a terminal chat instead.")
        return chat(responder)
    configure_logging(settings.log_format, settings.log_level, secrets=secret_values(env))
    try:
        store = Store.open(settings.database_url, settings.store_question_text,
                           settings.user_hash_salt)
    except StoreError as error:
        log_event(log, "cannot start", logging.ERROR, error=str(error))
        return 2
    return asyncio.run(serve(settings, responder, store, platforms))


def select_platforms(env: Mapping[str, str], only: str | None,
                     problems: list[str]) -> list[Platform]:
    """The platforms to run: `only`, or each whose token is set; problems are appended."""
    chosen: list[Platform] = []
    for name, source in PLATFORMS.items():
        if only not in (None, name):
            continue
        if only is None and not env.get(source.token, "").strip():
            continue  # not configured: do not even import its library
        loaded = _load(name, source, problems)
        if loaded is None:
            continue
        settings_class, factory = loaded
        if only is None and not settings_class.is_configured(env):
            continue
        try:
            chosen.append(Platform(name, settings_class.from_env(env), factory))
        except ConfigError as error:
            problems.extend(error.problems)
    return chosen


async def serve(settings: OpsSettings, responder: Responder, store: Store,
                platforms: list[Platform], stop: asyncio.Event | None = None) -> int:
    """Run until SIGTERM, Ctrl-C or `stop`; then shut down in order and return 0.

    An adapter that fails to start is logged and shows on /healthz while the others run;
    one whose platform refuses its settings (a ConfigError, such as a revoked token) stops
    the process with exit status 2, since no restart can fix it.
    """
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    metrics = Metrics()
    recorder = QueuedRecorder(store, on_error=lambda: metrics.error("store"))
    service = BotService(
        responder, recorder=recorder, metrics=metrics,
        limiter=RateLimiter(settings.rate_limit_per_minute),
        question_log=QuestionLog(include_text=settings.log_questions),
    )
    adapters = {p.name: p.build(service) for p in platforms}
    routes, port = _routes(platforms, adapters, settings.health_port)
    server = HttpServer(
        health_app(responder, metrics, lambda: {n: a.connected for n, a in adapters.items()},
                   routes),
        settings.health_host, port,
    )
    refused: list[str] = []  # settings a platform rejected at start (a revoked token)
    background: list[asyncio.Task[None]] = []
    starts: list[asyncio.Task[None]] = []
    try:
        await server.start()  # inside the try: a busy port still closes the store below
        background.append(asyncio.create_task(_retention(store, settings.retention_days, stop)))
        if settings.reload:
            watcher = KnowledgeBaseWatcher(responder, responder.kb.path, metrics)
            background.append(asyncio.create_task(watcher.run(stop)))
        starts += [asyncio.create_task(_start(n, a, metrics, refused, stop))
                   for n, a in adapters.items()]
        log_event(log, "started", adapters=",".join(adapters) or "none", port=server.port,
                  entries=len(responder.kb.entries))
        await stop.wait()
    finally:
        log_event(log, "stopping")
        await server.stop()
        await asyncio.gather(*(_stop(n, a) for n, a in adapters.items()))
        for task in (*starts, *background):
            task.cancel()
        await asyncio.gather(*starts, *background, return_exceptions=True)
        await asyncio.to_thread(recorder.close)
        store.close()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)
        log_event(log, "stopped")
    return 2 if refused else 0


def secret_values(env: Mapping[str, str]) -> list[str]:
    """Every value that must never reach a log: tokens, secrets, salts, passwords."""
    values = [v for k, v in env.items() if SECRET_NAME.search(k) and v.strip()]
    url = env.get("DATABASE_URL", "")
    with contextlib.suppress(ArgumentError, ValueError):  # a malformed URL is reported elsewhere
        password = make_url(url).password if url else None
        if password:
            values.append(str(password))
    return values


def _load(name: str, source: _Source,
          problems: list[str]) -> tuple[PlatformSettings, AdapterFactory] | None:
    try:
        settings_class = getattr(importlib.import_module(source.settings_module),
                                 source.settings_class)
        factory = getattr(importlib.import_module(source.adapter_module), source.adapter_class)
    except (ImportError, AttributeError):
        problems.append(f"{source.token} is set, but this build of selank-bot has no {name} "
                        f"adapter ({source.adapter_module})")
        return None
    return cast(PlatformSettings, settings_class), cast(AdapterFactory, factory)


def _routes(platforms: list[Platform], adapters: Mapping[str, Adapter],
            health_port: int) -> tuple[list[Any], int]:
    """Routes adapters serve over HTTP, and the port: the adapter's own when it has routes.

    Slack in Socket Mode still has `routes()` but takes no HTTP, so it is skipped.
    """
    for platform in platforms:
        if getattr(platform.settings, "socket_mode", False):
            continue
        adapter = adapters[platform.name]
        routes = list(cast(ServesRoutes, adapter).routes()) if hasattr(adapter, "routes") else []
        if routes:
            return routes, int(getattr(platform.settings, "port", health_port))
    return [], health_port


async def _start(name: str, adapter: Adapter, metrics: Metrics, refused: list[str],
                 stop: asyncio.Event) -> None:
    """Start one adapter; a failure is logged and shows on /healthz, the others keep going."""
    try:
        await adapter.start()
    except asyncio.CancelledError:
        raise
    except ConfigError as error:
        refused.extend(error.problems)
        for problem in error.problems:
            log_event(log, "cannot start", logging.ERROR, adapter=name, problem=problem)
        stop.set()
    except Exception as error:
        metrics.error("adapter")
        log_event(log, "adapter failed", logging.ERROR, adapter=name,
                  error=f"{type(error).__name__}: {error}")


async def _stop(name: str, adapter: Adapter) -> None:
    try:
        await asyncio.wait_for(adapter.stop(), ADAPTER_STOP_SECONDS)
    except Exception as error:
        log_event(log, "adapter stop failed", logging.ERROR, adapter=name,
                  error=f"{type(error).__name__}: {error}")


async def _retention(store: Store, days: int, stop: asyncio.Event) -> None:
    """Delete rows past the retention period now and once a day."""
    while not stop.is_set():
        try:
            deleted = await asyncio.to_thread(store.purge, days, dt.datetime.now(dt.UTC))
            log_event(log, "retention", days=days, deleted=deleted)
        except StoreError as error:
            log_event(log, "retention failed", logging.ERROR, error=str(error))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), RETENTION_EVERY_SECONDS)


def _print_problems(problems: list[str]) -> None:
    print("Cannot start: fix these settings and try again:", file=sys.stderr)
    for problem in problems:
        print(f"  - {problem}", file=sys.stderr)

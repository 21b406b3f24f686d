"""The composition root: reads the settings once, builds the core, runs the adapters beside it.

`selank-bot run` lands here. Every configured platform (Slack, Discord, both) runs in one
asyncio process with the health server, the live reload and the store; with none configured,
the terminal chat runs instead. The chat libraries are imported only for the platforms that
run, so the core and this module load without them.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import os
import re
import signal
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from adapters import registry
from adapters.base import Adapter, AdapterFactory, Platform, PlatformSettings, ServesRoutes
from adapters.terminal import chat
from bot.content.loader import load_knowledge_base
from bot.core.responder import Responder, configured
from bot.matching.embedding import EmbeddingUnavailableError
from bot.ops.config import ConfigError, environment
from bot.ops.health import NO_PLATFORM, HttpServer, health_app
from bot.ops.logging_setup import configure_logging, log_event
from bot.ops.metrics import Metrics
from bot.ops.questionlog import QuestionLog
from bot.ops.ratelimit import RateLimiter
from bot.ops.reload import KnowledgeBaseWatcher
from bot.ops.service import BotService
from bot.ops.settings import OpsSettings
from bot.ops.spool import Spool
from bot.ops.store import Store, StoreError
from bot.ops.writer import DurableRecorder

log = logging.getLogger("selank.runner")
ADAPTER_STOP_SECONDS = 15.0
SECRET_NAME = re.compile(r"TOKEN|SECRET|SALT|PASSWORD|KEY", re.IGNORECASE)


class StartupError(Exception):
    """A start-up failure a setting can fix (a busy port); the message names the variable."""


def main(faq_path: Path | None = None, platform: str | None = None,
         env: Mapping[str, str] | None = None, headless: bool = False,
         interactive: bool | None = None) -> int:
    """Run the named platform, every configured one, or the terminal chat when none is.

    `headless` runs the health server, reload and store with no chat platform at all: a
    way to check a deployment's settings and probes, and what the shutdown test runs.
    With no platform configured and no terminal (`interactive` false: a container, a
    service), the process runs headless too, idle, rather than exit and be restarted in a
    loop; /healthz then says that no platform is configured.
    """
    env = dict(env) if env is not None else environment()
    interactive = sys.stdin.isatty() if interactive is None else interactive
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
    try:
        responder = configured(load_knowledge_base(faq_path or settings.faq_path), env)
    except EmbeddingUnavailableError as error:
        return _cannot_start(f"the semantic matcher: {error}")
    if not platforms and not headless and interactive:
        tokens = " or ".join(r.token for r in registry.platforms().values())
        print(f"No {tokens} set: starting a terminal chat instead.")
        return chat(BotService(responder, limiter=RateLimiter(settings.rate_limit_per_minute),
                               question_log=QuestionLog(include_text=settings.log_questions)))
    configure_logging(settings.log_format, settings.log_level, secrets=secret_values(env))
    store: Store | None = None
    try:
        store = _store_opener(settings)()
    except StoreError as error:
        if not error.transient:  # corrupt, from a newer version: no waiting fixes that
            return _cannot_start(f"{error} (check {settings.database_variable})")
        # Answering needs no database: serve, and keep rows in the spool until it is back.
        log_event(log, "store unavailable", logging.ERROR, error=str(error))
    try:
        return asyncio.run(serve(settings, responder, store, platforms,
                                 idle=not platforms and not headless))
    except StartupError as error:
        return _cannot_start(str(error))


def select_platforms(env: Mapping[str, str], only: str | None,
                     problems: list[str]) -> list[Platform]:
    """The platforms to run: `only`, or each whose token is set; problems are appended."""
    chosen: list[Platform] = []
    for name, source in registry.platforms().items():
        if only not in (None, name):
            continue
        if only is None and not env.get(source.token, "").strip():
            continue  # not configured: do not even import its library
        loaded = _load(name, source, problems)
        if loaded is None:
            continue
        settings_class, factory = loaded
        try:
            chosen.append(Platform(name, settings_class.from_env(env), factory))
        except ConfigError as error:
            problems.extend(error.problems)
    return chosen


async def serve(settings: OpsSettings, responder: Responder, store: Store | None,
                platforms: list[Platform], stop: asyncio.Event | None = None,
                *, idle: bool = False) -> int:
    """Run until SIGTERM, Ctrl-C or `stop`; then shut down in order and return 0.

    `store` is None when the database could not be opened: the writer keeps trying while
    the bot answers, and records wait in the spool (DATA_DIR/spool) meanwhile. `idle` (no
    platform configured, no terminal) only adds a warning saying so, once the health
    server listens.

    An adapter that fails to start is logged and shows on /healthz while the others run;
    one whose platform refuses its settings (a ConfigError, such as a revoked token) stops
    the process with exit status 2, since no restart can fix it.
    """
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    metrics = Metrics()
    recorder = DurableRecorder(_store_opener(settings), _spool(settings), store=store,
                               metrics=metrics, retention_days=settings.retention_days)
    service = BotService(
        responder, recorder=recorder, metrics=metrics,
        limiter=RateLimiter(settings.rate_limit_per_minute),
        question_log=QuestionLog(include_text=settings.log_questions),
    )
    adapters = {p.name: p.build(service) for p in platforms}
    routes, port, port_variable = _routes(platforms, adapters, settings.health_port)
    server = HttpServer(
        health_app(responder, metrics, lambda: {n: a.connected for n, a in adapters.items()},
                   routes, store=recorder.state),
        settings.health_host, port,
    )
    refused: list[str] = []  # settings a platform rejected at start (a revoked token)
    background: list[asyncio.Task[None]] = []
    starts: list[asyncio.Task[None]] = []
    listening = False
    try:
        try:  # inside the outer try: a busy port still closes the store below
            await server.start()
        except OSError as error:
            reason = os.strerror(error.errno) if error.errno else str(error)
            raise StartupError(f"cannot listen on {settings.health_host}:{port}: {reason} "
                               f"(set {port_variable} to a free port, or stop what uses it)"
                               ) from None
        listening = True
        if idle:
            log_event(log, "idle", logging.WARNING, reason=NO_PLATFORM)
        if settings.reload:
            watcher = KnowledgeBaseWatcher(responder, responder.kb.path, metrics)
            background.append(asyncio.create_task(watcher.run(stop)))
        starts += [asyncio.create_task(_start(n, a, metrics, refused, stop))
                   for n, a in adapters.items()]
        log_event(log, "started", adapters=",".join(adapters) or "none", port=server.port,
                  entries=len(responder.kb.entries))
        await stop.wait()
    finally:
        if listening:  # a process that never started has no "stopping" to log
            log_event(log, "stopping")
        await server.stop()
        await asyncio.gather(*(_stop(n, a) for n, a in adapters.items()))
        for task in (*starts, *background):
            task.cancel()
        await asyncio.gather(*starts, *background, return_exceptions=True)
        await asyncio.to_thread(recorder.close)  # bounded: what is left stays in the spool
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)
        if listening:
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


def _load(name: str, source: registry.Registration,
          problems: list[str]) -> tuple[PlatformSettings, AdapterFactory] | None:
    try:
        settings_class = registry.load(source.settings)
        factory = registry.load(source.adapter)
    except (ImportError, AttributeError):
        problems.append(f"{source.token} is set, but this build of selank-bot has no {name} "
                        f"adapter ({source.adapter.partition(':')[0]})")
        return None
    return cast(PlatformSettings, settings_class), cast(AdapterFactory, factory)


def _routes(platforms: list[Platform], adapters: Mapping[str, Adapter],
            health_port: int) -> tuple[list[Any], int, str]:
    """Routes adapters serve over HTTP, the port and the variable that sets it.

    The port is the adapter's own (`http_port()`, Slack's PORT) when it has routes; an
    adapter that takes no HTTP (Slack in Socket Mode) returns none.
    """
    for platform in platforms:
        adapter = adapters[platform.name]
        if not isinstance(adapter, ServesRoutes):
            continue
        routes = list(adapter.routes())
        if routes:
            port, variable = adapter.http_port()
            return routes, port, variable
    return [], health_port, "HEALTH_PORT"


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


def _store_opener(settings: OpsSettings) -> functools.partial[Store]:
    return functools.partial(Store.open, settings.database_url, settings.store_question_text,
                             settings.user_hash_salt)


def _spool(settings: OpsSettings) -> Spool | None:
    """The spool in DATA_DIR/spool, or None (logged by the writer) when it cannot be written."""
    try:
        return Spool.open(settings.data_dir / "spool")
    except OSError as error:
        log_event(log, "spool unavailable", logging.ERROR, folder=str(settings.data_dir),
                  error=error.strerror or type(error).__name__)
        return None


def _cannot_start(reason: str) -> int:
    """One line on standard error, no traceback, and the exit status for bad settings."""
    print(f"Cannot start: {reason}", file=sys.stderr)
    return 2


def _print_problems(problems: list[str]) -> None:
    print("Cannot start: fix these settings and try again:", file=sys.stderr)
    for problem in problems:
        print(f"  - {problem}", file=sys.stderr)

"""The one object adapters talk to: questions in, replies out, whatever the platform.

Operations live here too, so every adapter gets them for free: the per-user rate limit,
timing, the question log, metrics, and what the curation store keeps.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from bot.core.placement import VOTED, Delivery, for_press, is_vote
from bot.core.reply import Action, ActionKind, EntryRef, Menu, Reply
from bot.core.responder import Responder
from bot.matching.normalize import clean
from bot.ops.feedback import Feedback, FeedbackSink, InMemoryFeedbackSink
from bot.ops.logging_setup import log_event
from bot.ops.metrics import Metrics
from bot.ops.outcomes import QuestionOutcome, Recorder
from bot.ops.questionlog import QuestionLog
from bot.ops.ratelimit import RateLimiter, Verdict

log = logging.getLogger("selank.service")
CANDIDATES_KEPT = 3
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Asker:
    """Who asked, as the platform names them; the store only ever keeps a salted hash."""

    platform: str
    user_id: str


class BotService:
    """Answers questions for every adapter; adapters hold no matching logic of their own.

    Rate limiting counts what a user can send at will: free-text messages (`ask`, which
    includes typed `help`, `summary` and `topics`) and every button press or menu command
    that builds a reply (`press`, `show`, `menu`), counted and logged the same way on every
    platform. Autocomplete and feedback presses are not counted: they are cheap, and a 👎
    should never be refused. The argument-less `help`, `summary` and `topics` are for the
    command line, which has no user to count.
    """

    def __init__(
        self, responder: Responder, feedback: FeedbackSink | None = None, *,
        recorder: Recorder | None = None, limiter: RateLimiter | None = None,
        metrics: Metrics | None = None, question_log: QuestionLog | None = None,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.responder = responder
        sink = feedback if feedback is not None else recorder
        self._feedback = sink if sink is not None else InMemoryFeedbackSink()
        self._recorder = recorder
        self._limiter = limiter if limiter is not None else RateLimiter(limit=0)
        self.metrics = metrics if metrics is not None else Metrics()
        self._log = question_log if question_log is not None else QuestionLog()
        self._clock = clock

    def ask(self, text: str, asker: Asker) -> Reply:
        """Answer free text: a question, a greeting, `help`, `summary` or `topics`."""
        limited = self._limited(asker)
        if limited is not None:
            return limited
        started = self._clock()
        try:
            decision, reply = self.responder.explain(text)
        except Exception:
            self.metrics.error("ask")
            log.exception("answering failed")
            raise
        seconds = self._clock() - started
        text, _ = clean(text)  # what was matched: capped, no control characters
        self.metrics.question(asker.platform, reply.status.value, seconds)
        self._log.question(asker.platform, reply, seconds, text=text)
        candidates = tuple((c.entry.id, c.score) for c in decision.candidates[:CANDIDATES_KEPT])
        self._record(QuestionOutcome(asker.platform, asker.user_id, text, reply.status,
                                     candidates))
        return reply

    def show(self, entry_id: str, asker: Asker) -> Reply:
        """Answer one entry by id, as when a user presses a "did you mean" button."""
        return self._button(asker, entry_id, lambda: self.responder.entry_reply(entry_id))

    def menu(self, menu: Menu, asker: Asker) -> Reply:
        """The help, the summary or the topic list, for a menu button or command."""
        build = {Menu.HELP: self.responder.help, Menu.SUMMARY: self.responder.summary,
                 Menu.TOPICS: self.responder.topics}[menu]
        return self._button(asker, str(menu), build)

    def _button(self, asker: Asker, pressed: str, build: Callable[[], Reply]) -> Reply:
        """A reply a button or menu command stands for: limited, timed, counted and kept the
        same way whichever was pressed (`pressed` is what the store keeps as its text)."""
        limited = self._limited(asker)
        if limited is not None:
            return limited
        started = self._clock()
        reply = build()
        seconds = self._clock() - started
        self.metrics.question(asker.platform, reply.status.value, seconds)
        self._log.question(asker.platform, reply, seconds, kind="button")
        self._record(QuestionOutcome(asker.platform, asker.user_id, pressed, reply.status))
        return reply

    def press(self, action: Action, asker: Asker) -> Reply:
        """The reply a pressed show, menu or share button stands for (feedback: `feedback`)."""
        if action.kind in (ActionKind.HELPFUL, ActionKind.NOT_HELPFUL):
            raise ValueError("a feedback press is kept with feedback(), it builds no reply")
        if action.entry_id:
            return self.show(action.entry_id, asker)
        return self.menu(action.menu or Menu.HELP, asker)

    def pressed(self, action: Action, asker: Asker, under_private: bool = False) -> Delivery:
        """Any button, on any platform: a vote is kept, anything else answered; either way
        the `Delivery` says where the result goes (`bot/core/placement.py`)."""
        if is_vote(action):
            self.feedback(asker, action.entry_id or "", action.kind is ActionKind.HELPFUL)
            return VOTED
        return for_press(action, self.press(action, asker), under_private)

    def help(self) -> Reply:
        """The help reply (the command line's; adapters use `menu`)."""
        return self.responder.help()

    def summary(self) -> Reply:
        """The key points (a menu or button: not rate limited)."""
        return self.responder.summary()

    def topics(self) -> Reply:
        """Every entry (a menu or button: not rate limited)."""
        return self.responder.topics()

    def complete(self, text: str, limit: int = 25) -> list[EntryRef]:
        """Entries whose question fits what the user has typed so far (autocomplete)."""
        return self.responder.complete(text, limit)

    def feedback(self, asker: Asker, entry_id: str, helpful: bool) -> None:
        """Keep a 👍 / 👎 on an answer."""
        self._log.feedback(asker.platform, entry_id, helpful)
        try:
            self._feedback.record_feedback(
                Feedback(platform=asker.platform, user_id=asker.user_id, entry_id=entry_id,
                         helpful=helpful)
            )
        except Exception as error:  # a broken store must not break the button
            self._store_failed(error)

    def _limited(self, asker: Asker) -> Reply | None:
        """The notice or the silence for a user past the limit; None to go ahead."""
        verdict = self._limiter.check((asker.platform, asker.user_id))
        if verdict is Verdict.ALLOW:
            return None
        reply = (self.responder.rate_limited() if verdict is Verdict.NOTIFY
                 else self.responder.silence())
        self.metrics.rate_limited(asker.platform)
        self.metrics.question(asker.platform, reply.status.value, None)
        self._log.question(asker.platform, reply, None)
        if verdict is Verdict.NOTIFY:  # a flood of silenced messages must not become writes
            self._record(QuestionOutcome(asker.platform, asker.user_id, "", reply.status))
        return reply

    def _record(self, outcome: QuestionOutcome) -> None:
        if self._recorder is None:
            return
        try:
            self._recorder.record_question(outcome)
        except Exception as error:  # the user still gets the reply; the loss is logged
            self._store_failed(error)

    def _store_failed(self, error: Exception) -> None:
        self.metrics.error("store")
        log_event(log, "store write failed", logging.ERROR, error=str(error))


class AsyncBotService:
    """`BotService` for adapters that run on an event loop: the same calls, awaited.

    Each call runs the synchronous service in a worker thread (`asyncio.to_thread`), here and
    nowhere else, since matching, a rate-limit check or a store write may block. Behaviour and
    accounting are the wrapped service's, call for call.
    """

    def __init__(self, service: BotService) -> None:
        self.service = service

    @property
    def metrics(self) -> Metrics:
        """The wrapped service's metrics, for an adapter's own rejections."""
        return self.service.metrics

    async def ask(self, text: str, asker: Asker) -> Reply:
        """`BotService.ask`, off the event loop."""
        return await self._off_loop(self.service.ask, text, asker)

    async def show(self, entry_id: str, asker: Asker) -> Reply:
        """`BotService.show`, off the event loop."""
        return await self._off_loop(self.service.show, entry_id, asker)

    async def menu(self, menu: Menu, asker: Asker) -> Reply:
        """`BotService.menu`, off the event loop."""
        return await self._off_loop(self.service.menu, menu, asker)

    async def press(self, action: Action, asker: Asker) -> Reply:
        """`BotService.press`, off the event loop."""
        return await self._off_loop(self.service.press, action, asker)

    async def pressed(self, action: Action, asker: Asker, under_private: bool = False,
                      ) -> Delivery:
        """`BotService.pressed`, off the event loop."""
        return await self._off_loop(self.service.pressed, action, asker, under_private)

    async def help(self) -> Reply:
        """`BotService.help`, off the event loop."""
        return await self._off_loop(self.service.help)

    async def summary(self) -> Reply:
        """`BotService.summary`, off the event loop."""
        return await self._off_loop(self.service.summary)

    async def topics(self) -> Reply:
        """`BotService.topics`, off the event loop."""
        return await self._off_loop(self.service.topics)

    async def complete(self, text: str, limit: int = 25) -> list[EntryRef]:
        """`BotService.complete`, off the event loop."""
        return await self._off_loop(self.service.complete, text, limit)

    async def feedback(self, asker: Asker, entry_id: str, helpful: bool) -> None:
        """`BotService.feedback`, off the event loop."""
        await self._off_loop(self.service.feedback, asker, entry_id, helpful)

    @staticmethod
    async def _off_loop(call: Callable[..., T], *args: object) -> T:
        return await asyncio.to_thread(call, *args)

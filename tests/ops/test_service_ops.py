"""BotService operations: rate limit, timing, question log, metrics and the store."""

from __future__ import annotations

import logging
import threading

import pytest

from bot.core.reply import Action, ActionKind, Menu, Reply, Status
from bot.core.responder import Responder
from bot.ops.feedback import InMemoryFeedbackSink
from bot.ops.metrics import Metrics
from bot.ops.outcomes import QuestionOutcome
from bot.ops.questionlog import QuestionLog
from bot.ops.ratelimit import RateLimiter
from bot.ops.service import Asker, AsyncBotService, BotService

SLACK = Asker("slack", "U1")
NONSENSE = "what is the airspeed velocity of an unladen swallow"


class Recorder(InMemoryFeedbackSink):
    def __init__(self) -> None:
        super().__init__()
        self.questions: list[QuestionOutcome] = []

    def record_question(self, outcome: QuestionOutcome) -> None:
        self.questions.append(outcome)


class BrokenRecorder(InMemoryFeedbackSink):
    def record_question(self, outcome: QuestionOutcome) -> None:
        raise OSError("disk full")


class StepClock:
    """Each reading is 2 ms after the previous one, so every match takes 2 ms."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 0.002
        return self.now


def sample(metrics: Metrics, name: str, **labels: str) -> float:
    value = metrics.registry.get_sample_value(name, labels)
    return value or 0.0


def test_should_notify_once_then_stay_silent_past_the_limit(responder: Responder) -> None:
    limiter = RateLimiter(2, clock=lambda: 0.0)
    service = BotService(responder, limiter=limiter)
    assert service.ask("what is selank", SLACK).status is Status.ANSWER
    service.ask("what is selank", SLACK)
    notice = service.ask("what is selank", SLACK)
    assert notice.status is Status.RATE_LIMITED and notice.body and not notice.is_silent
    assert notice.disclaimer == responder.kb.disclaimer
    silent = service.ask("what is selank", SLACK)
    assert silent.is_silent
    assert service.show("what-is-selank", SLACK).is_silent
    assert service.ask("what is selank", Asker("discord", "U1")).status is Status.ANSWER


def test_feedback_and_menus_should_not_count_towards_the_limit(responder: Responder) -> None:
    service = BotService(responder, limiter=RateLimiter(1, clock=lambda: 0.0))
    for _ in range(5):
        service.feedback(SLACK, "what-is-selank", helpful=True)
        service.help()
        service.topics()
    assert service.ask("what is selank", SLACK).status is Status.ANSWER


def test_should_record_every_outcome_with_the_top_candidates(responder: Responder) -> None:
    recorder = Recorder()
    service = BotService(responder, recorder=recorder)
    service.ask("what is selank", SLACK)
    service.ask(NONSENSE, SLACK)
    answered, missed = recorder.questions
    assert answered.status is Status.ANSWER and not answered.unanswered
    assert missed.status is Status.FALLBACK and missed.unanswered
    assert missed.text == NONSENSE and missed.user_id == "U1"
    assert len(missed.candidates) <= 3


def test_feedback_should_go_to_the_recorder(responder: Responder) -> None:
    recorder = Recorder()
    BotService(responder, recorder=recorder).feedback(SLACK, "what-is-selank", helpful=False)
    assert recorder.items[0].entry_id == "what-is-selank"
    assert recorder.items[0].helpful is False


def test_should_count_questions_latency_and_limited_messages(responder: Responder) -> None:
    metrics = Metrics()
    service = BotService(responder, metrics=metrics, clock=StepClock(),
                         limiter=RateLimiter(1, clock=lambda: 0.0))
    service.ask("what is selank", SLACK)
    service.ask("what is selank", SLACK)
    assert sample(metrics, "selank_questions_total", platform="slack", status="answer") == 1
    assert sample(metrics, "selank_questions_total", platform="slack",
                  status="rate_limited") == 1
    assert sample(metrics, "selank_rate_limited_total", platform="slack") == 1
    assert sample(metrics, "selank_match_seconds_count", platform="slack") == 1
    assert sample(metrics, "selank_match_seconds_sum", platform="slack") == pytest.approx(0.002)


def test_should_log_each_question_without_text_by_default(
    responder: Responder, caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="selank.questions")
    BotService(responder, clock=StepClock()).ask("what is selank", SLACK)
    [record] = [r for r in caplog.records if r.getMessage() == "question"]
    fields = record.selank_fields
    assert fields["platform"] == "slack" and fields["status"] == "answer"
    assert fields["entry"] == "what-is-selank" and fields["latency_ms"] == pytest.approx(2.0)
    assert "score" in fields and "question" not in fields
    assert "U1" not in str(fields)


def test_should_log_question_text_only_when_asked_to(
    responder: Responder, caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="selank.questions")
    BotService(responder, question_log=QuestionLog(include_text=True)).ask("what is selank",
                                                                           SLACK)
    [record] = [r for r in caplog.records if r.getMessage() == "question"]
    assert record.selank_fields["question"] == "what is selank"


def test_a_broken_store_should_not_cost_the_user_a_reply(responder: Responder) -> None:
    metrics = Metrics()
    service = BotService(responder, recorder=BrokenRecorder(), metrics=metrics)
    assert service.ask("what is selank", SLACK).status is Status.ANSWER
    assert sample(metrics, "selank_errors_total", where="store") == 1


async def test_async_facade_should_answer_and_count_as_the_service_does(
        responder: Responder) -> None:
    """Same replies, same limit, same records; only the thread differs."""
    recorder = Recorder()
    service = BotService(responder, recorder=recorder, limiter=RateLimiter(2, clock=lambda: 0.0))
    facade = AsyncBotService(service)
    assert (await facade.ask("what is selank", SLACK)).status is Status.ANSWER
    assert (await facade.show("what-is-selank", SLACK)).status is Status.ANSWER
    assert (await facade.ask("what is selank", SLACK)).status is Status.RATE_LIMITED
    for _ in range(3):  # menus, autocomplete and feedback are not limited
        assert (await facade.help()).status is service.help().status
        assert (await facade.summary()).body == service.summary().body
        assert (await facade.topics()).body == service.topics().body
        await facade.feedback(SLACK, "what-is-selank", helpful=True)
    assert [ref.id for ref in await facade.complete("what is", 3)] == \
        [ref.id for ref in service.complete("what is", 3)]
    assert [q.status for q in recorder.questions] == \
        [Status.ANSWER, Status.ANSWER, Status.RATE_LIMITED]
    assert len(recorder.items) == 3
    assert facade.metrics is service.metrics


async def test_async_facade_should_run_the_service_off_the_event_loop(
        responder: Responder) -> None:
    seen: list[threading.Thread] = []

    class Watched(BotService):
        def help(self) -> Reply:
            seen.append(threading.current_thread())
            return super().help()

    await AsyncBotService(Watched(responder)).help()
    assert seen and seen[0] is not threading.current_thread()


def test_menu_presses_should_be_counted_and_limited_like_any_button(
        responder: Responder) -> None:
    """`menu` and `press` (what both adapters call for a menu, topic or share button) count
    towards the rate limit and are kept, the same on every platform."""
    recorder = Recorder()
    service = BotService(responder, recorder=recorder,
                         limiter=RateLimiter(2, clock=lambda: 0.0))
    assert service.menu(Menu.SUMMARY, SLACK).status is Status.SUMMARY
    assert service.press(Action(ActionKind.SHARE, menu=Menu.HELP), SLACK).status is Status.HELP
    assert service.press(Action(ActionKind.MENU, menu=Menu.TOPICS), SLACK).status is \
        Status.RATE_LIMITED
    assert [q.text for q in recorder.questions] == ["summary", "help", ""]


def test_press_should_refuse_a_vote(responder: Responder) -> None:
    """A 👍 builds no reply: it goes through `feedback`."""
    with pytest.raises(ValueError, match="feedback"):
        BotService(responder).press(Action(ActionKind.HELPFUL, entry_id="dosage"), SLACK)

"""QueuedRecorder: writes leave the caller's thread, in order, and close() drains them."""

from __future__ import annotations

from bot.feedback import Feedback, InMemoryFeedbackSink
from bot.outcomes import QuestionOutcome
from bot.reply import Status
from bot.store import StoreError
from bot.writer import QueuedRecorder


class ListRecorder(InMemoryFeedbackSink):
    def __init__(self, fail: bool = False) -> None:
        super().__init__()
        self.questions: list[QuestionOutcome] = []
        self.fail = fail

    def record_question(self, outcome: QuestionOutcome) -> None:
        if self.fail:
            raise StoreError("cannot use the database test.sqlite3: disk I/O error")
        self.questions.append(outcome)


def test_close_should_write_everything_queued_in_order() -> None:
    target = ListRecorder()
    queued = QueuedRecorder(target)
    for n in range(100):
        queued.record_question(QuestionOutcome("slack", "U1", f"q{n}", Status.FALLBACK))
    queued.record_feedback(Feedback("slack", "U1", "dosage", helpful=True))
    queued.close()
    assert [q.text for q in target.questions] == [f"q{n}" for n in range(100)]
    assert len(target.items) == 1


def test_a_failing_store_should_be_counted_and_not_stop_the_worker() -> None:
    failures: list[None] = []
    target = ListRecorder(fail=True)
    queued = QueuedRecorder(target, on_error=lambda: failures.append(None))
    queued.record_question(QuestionOutcome("slack", "U1", "q", Status.FALLBACK))
    queued.flush()
    queued.record_feedback(Feedback("slack", "U1", "dosage", helpful=True))
    queued.close()
    assert len(failures) == 1 and len(target.items) == 1


def test_an_unexpected_error_should_not_kill_the_only_writer_thread() -> None:
    """A row that breaks in an unforeseen way is counted; the next writes still land."""

    class Flaky(ListRecorder):
        def record_question(self, outcome: QuestionOutcome) -> None:
            if outcome.text == "bad":
                raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")
            super().record_question(outcome)

    failures: list[None] = []
    target = Flaky()
    queued = QueuedRecorder(target, on_error=lambda: failures.append(None))
    for text in ("bad", "good"):
        queued.record_question(QuestionOutcome("slack", "U1", text, Status.FALLBACK))
    queued.close()
    assert len(failures) == 1 and [q.text for q in target.questions] == ["good"]

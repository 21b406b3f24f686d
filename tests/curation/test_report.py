"""The curator's report on a seeded database: grouping, 👎 ranking, rates; table, JSON, HTML.

The `selank-bot report` command itself is tested in tests/app/test_report_command.py.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core.reply import Status
from bot.core.responder import Responder
from bot.curation.report import build_report
from bot.curation.report_render import print_report, to_html, to_json
from bot.ops.feedback import Feedback
from bot.ops.outcomes import QuestionOutcome
from bot.ops.store import Store

TODAY = dt.date(2026, 11, 20)


def at(days_ago: int) -> dt.datetime:
    return dt.datetime.combine(TODAY - dt.timedelta(days=days_ago), dt.time(12), dt.UTC)


def seed(store: Store) -> None:
    """Coffee asked four ways, alcohol twice, one old miss; answers on both platforms."""
    asked = [("can I drink coffee with selank", 0), ("Can I drink coffee with Selank?", 1),
             ("can i drink coffee with it", 2), ("can I have coffee with selank", 3),
             ("is it ok with alcohol", 1), ("is it ok with alcohol?", 2),
             ("something from long ago", 60)]
    for text, days_ago in asked:
        store.record_question(QuestionOutcome("slack", "U1", text, Status.FALLBACK,
                                              (("dosage", 0.3),), at(days_ago)))
    store.record_question(QuestionOutcome("discord", "7", "selank or semax", Status.SUGGEST,
                                          (("vs-semax", 0.6),), at(0)))
    for days_ago in range(3):
        for _ in range(3):
            store.record_question(QuestionOutcome("discord", "7", "what is selank",
                                                  Status.ANSWER, at=at(days_ago)))
    for helpful, entry in [(False, "dosage"), (False, "dosage"), (True, "what-is-selank"),
                           (False, "what-is-selank")]:
        store.record_feedback(Feedback("slack", "U1", entry, helpful, at(0)))


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    """The seeded store, on SQLite and (with TEST_DATABASE_URL) on PostgreSQL."""
    opened = Store.open(database_url)
    seed(opened)
    yield opened
    opened.close()


def test_should_group_similar_questions_most_frequent_first(
    store: Store, responder: Responder,
) -> None:
    report = build_report(store, days=30, responder=responder, today=TODAY)
    first, second = report.unanswered[:2]
    assert first.count == 4 and "coffee" in first.example and len(first.variants) >= 1
    assert second.count == 2 and "alcohol" in second.example
    assert first.closest is not None
    assert all("long ago" not in g.example for g in report.unanswered)  # outside the period


def test_should_rank_entries_by_thumbs_down(store: Store) -> None:
    report = build_report(store, days=30, today=TODAY)
    assert [(f.entry_id, f.unhelpful, f.helpful) for f in report.feedback] == [
        ("dosage", 2, 0), ("what-is-selank", 1, 1)]


def test_should_give_rates_per_platform_and_per_day(store: Store) -> None:
    report = build_report(store, days=30, today=TODAY)
    rates = {r.platform: r for r in report.platforms}
    assert rates["discord"].questions == 10
    assert rates["discord"].answer == 0.9 and rates["discord"].suggest == 0.1
    assert rates["slack"].fallback == 1.0
    assert [d.label for d in report.daily] == ["2026-11-17", "2026-11-18", "2026-11-19",
                                                "2026-11-20"]


def test_the_terminal_report_should_show_all_three_tables(store: Store) -> None:
    out = io.StringIO()
    print_report(build_report(store, days=30, today=TODAY), out)
    text = out.getvalue()
    for expected in ("Unanswered questions", "coffee", "Feedback by entry", "dosage",
                     "Outcomes per platform", "90.0%"):
        assert expected in text


def test_the_json_report_should_be_machine_readable(store: Store) -> None:
    data = json.loads(to_json(build_report(store, days=30, today=TODAY)))
    assert data["since"] == "2026-10-22"
    assert data["unanswered"][0]["count"] == 4
    assert {"platform", "answer", "suggest", "fallback"} <= set(data["platforms"][0])


def test_the_html_report_should_be_one_self_contained_page_with_a_chart(store: Store) -> None:
    page = to_html(build_report(store, days=30, today=TODAY))
    assert page.startswith("<!doctype html>") and "<svg" in page and "<polyline" in page
    assert "<script" not in page and "src=" not in page and "href=" not in page


def test_the_html_report_should_escape_what_users_typed(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    store.record_question(QuestionOutcome("slack", "U1", "<script>alert(1)</script>",
                                          Status.FALLBACK, at=at(0)))
    page = to_html(build_report(store, days=1, today=TODAY))
    assert "<script>alert" not in page and "&lt;script&gt;" in page


def test_the_terminal_report_shows_questions_as_written_not_as_markup(store: Store) -> None:
    """User text like `[/b]` or `[bold red]` is printed literally and never crashes rich."""
    for text in ("is [/b] selank [bold red]ok", "is [/b] selank [bold red]ok"):
        store.record_question(QuestionOutcome("slack", "U9", text, Status.FALLBACK, (), at(0)))
    out = io.StringIO()
    print_report(build_report(store, days=30, today=TODAY), out)
    assert "is [/b] selank [bold red]ok" in out.getvalue()

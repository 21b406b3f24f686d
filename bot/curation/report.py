"""The curator's report: what people asked that the bot could not answer, and how it is doing.

Unanswered questions are grouped by similarity (RapidFuzz), most frequent first, each with
the entry it came closest to: add an alternate there, or write a new entry.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.core.reply import Status
from bot.core.responder import Responder
from bot.ops.store import FeedbackCount, Store, UnansweredRow

SIMILAR_AT = 75.0  # token_sort_ratio at which two questions count as one
MAX_GROUPS = 25
MAX_VARIANTS = 4
RATED = (Status.ANSWER.value, Status.SUGGEST.value, Status.FALLBACK.value)


@dataclass(frozen=True, slots=True)
class QuestionGroup:
    """Similar unanswered questions; `example` is the most frequent wording."""

    example: str
    count: int
    fallback: int
    suggest: int
    variants: tuple[str, ...]
    closest: str | None
    closest_score: float
    text_kept: bool


@dataclass(frozen=True, slots=True)
class Rates:
    """Outcome rates among questions that reached matching (answer, suggest, fallback)."""

    label: str  # a platform name, or a day in ISO form
    platform: str
    messages: int  # every message, rate-limited and help ones included
    questions: int
    answer: float
    suggest: float
    fallback: float


@dataclass(frozen=True, slots=True)
class CuratorReport:
    """The curator's view of the store over a period: misses grouped, 👎 per entry, rates."""

    since: dt.date
    until: dt.date
    database: str
    unanswered: tuple[QuestionGroup, ...]
    feedback: tuple[FeedbackCount, ...]
    platforms: tuple[Rates, ...]
    daily: tuple[Rates, ...]  # platform "all", one per day with any messages


def build_report(store: Store, days: int, responder: Responder | None = None,
                 today: dt.date | None = None) -> CuratorReport:
    """Read the last `days` days (today included) from the store and summarize them."""
    until = today or dt.datetime.now(dt.UTC).date()
    since = until - dt.timedelta(days=days - 1)
    start = dt.datetime.combine(since, dt.time(), dt.UTC)
    feedback = sorted(store.feedback_since(start),
                      key=lambda f: (-f.unhelpful, f.helpful, f.entry_id))
    per_platform: dict[str, Counter[str]] = defaultdict(Counter)
    per_day: dict[dt.date, Counter[str]] = defaultdict(Counter)
    for row in store.outcomes_since(since):
        per_platform[row.platform][row.status] += row.count
        per_day[row.day][row.status] += row.count
    return CuratorReport(
        since=since, until=until, database=store.where,
        unanswered=tuple(group_unanswered(store.unanswered_since(start), responder)),
        feedback=tuple(feedback),
        platforms=tuple(_rates(p, p, c) for p, c in sorted(per_platform.items())),
        daily=tuple(_rates(d.isoformat(), "all", c) for d, c in sorted(per_day.items())),
    )


def group_unanswered(rows: list[UnansweredRow],
                     responder: Responder | None = None) -> list[QuestionGroup]:
    """Cluster similar questions greedily, most frequent wording first."""
    wordings: Counter[str] = Counter()
    outcomes: dict[str, Counter[str]] = defaultdict(Counter)
    stored_best: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        key = _key(row)
        wordings[key] += 1
        outcomes[key][row.outcome] += 1
        if row.candidates:
            stored_best[key][row.candidates[0][0]] += 1
    heads: list[str] = []
    members: dict[str, list[str]] = {}
    for wording, _count in wordings.most_common():
        match = None
        if not wording.startswith("#"):
            match = process.extractOne(wording, heads, scorer=fuzz.token_sort_ratio,
                                       score_cutoff=SIMILAR_AT)
        if match is None:
            heads.append(wording)
            members[wording] = [wording]
        else:
            members[match[0]].append(wording)
    groups = [_group(head, members[head], wordings, outcomes, stored_best, responder)
              for head in heads]
    groups.sort(key=lambda g: (-g.count, g.example))
    return groups[:MAX_GROUPS]


def _group(head: str, wordings: list[str], counts: Counter[str],
           outcomes: dict[str, Counter[str]], stored_best: dict[str, Counter[str]],
           responder: Responder | None) -> QuestionGroup:
    kept = not head.startswith("#")
    mix: Counter[str] = Counter()
    best: Counter[str] = Counter()
    for wording in wordings:
        mix.update(outcomes[wording])
        best.update(stored_best[wording])
    closest, score = (best.most_common(1)[0][0], 0.0) if best else (None, 0.0)
    if responder is not None and kept:
        decision, _reply = responder.explain(head)
        if decision.candidates:
            closest, score = decision.candidates[0].entry.id, decision.candidates[0].score
    return QuestionGroup(
        example=head if kept else f"(text not kept) {head}", count=sum(mix.values()),
        fallback=mix[Status.FALLBACK.value], suggest=mix[Status.SUGGEST.value],
        variants=tuple(wordings[1:1 + MAX_VARIANTS]), closest=closest,
        closest_score=round(score, 3), text_kept=kept,
    )


def _key(row: UnansweredRow) -> str:
    """The wording, tidied; a row kept without its text groups by its hash."""
    if row.question is None:
        return f"#{row.question_hash[:10]}"
    return " ".join(row.question.casefold().split()).rstrip("?!. ")


def _rates(label: str, platform: str, counts: Counter[str]) -> Rates:
    questions = sum(counts[s] for s in RATED)

    def share(status: Status) -> float:
        return round(counts[status.value] / questions, 4) if questions else 0.0

    return Rates(label=label, platform=platform, messages=sum(counts.values()),
                 questions=questions, answer=share(Status.ANSWER),
                 suggest=share(Status.SUGGEST), fallback=share(Status.FALLBACK))

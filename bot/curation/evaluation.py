"""Measures how well the bot routes real questions, from YAML sets of `{q, expect}` items.

`expect: [ids]` lists the entries that are right answers; `[]` marks a question the
knowledge base cannot answer; `[SAFETY]` and `[HELP]` name those routes. An optional
`voice` names who the question was written as ("discord slang", "pharmacist").

The headline figures are kept apart, never blended: answered right, useful (answered
right, or the right entry among the first three offered), wrong, and out of scope
answered. A "did you mean" is useful but is not an answer, so it never counts as one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.core.reply import Reply, Status
from bot.core.responder import Responder

SAFETY, HELP = "SAFETY", "HELP"


@dataclass(frozen=True, slots=True)
class Item:
    question: str
    expect: tuple[str, ...]
    voice: str = ""

    @property
    def kind(self) -> str:
        if self.expect in ((SAFETY,), (HELP,)):
            return self.expect[0].lower()
        return "in_scope" if self.expect else "out_of_scope"


@dataclass(frozen=True, slots=True)
class EvalOutcome:
    """What the bot did with one evaluation item, and whether that is what it expects."""

    item: Item
    status: Status
    entry_id: str | None
    offered: str | None
    score: float
    shown: tuple[str, ...] = ()
    """Every entry the reply put forward: the answer, or the "did you mean" choices."""

    @property
    def answered_right(self) -> bool:
        return self.status is Status.ANSWER and self.entry_id in self.item.expect

    @property
    def useful(self) -> bool:
        """Answered right, or the right entry among the first three choices offered."""
        return self.answered_right or (
            self.status is Status.SUGGEST
            and any(entry in self.item.expect for entry in self.shown[:3]))

    @property
    def correct(self) -> bool:
        """Whether this reply is what the item expects (for in-scope: the first entry offered)."""
        match self.item.kind:
            case "safety":
                return self.status is Status.SAFETY
            case "help":
                return self.status is Status.HELP
            case "out_of_scope":
                return self.status is not Status.ANSWER
            case _:
                return self.useful

    @property
    def got(self) -> str:
        shown = f" {self.offered}" if self.offered else ""
        return f"{self.status.value}{shown} ({self.score:.2f})"


@dataclass(slots=True)
class AccuracyReport:
    """The matching accuracy of one evaluation run: every item's outcome and the figures."""

    outcomes: list[EvalOutcome] = field(default_factory=list)

    def _of(self, kind: str) -> list[EvalOutcome]:
        return [o for o in self.outcomes if o.item.kind == kind]

    @staticmethod
    def _rate(hits: int, total: int) -> float:
        return hits / total if total else 0.0

    def metrics(self) -> dict[str, float | int]:
        in_scope, out = self._of("in_scope"), self._of("out_of_scope")
        safety, helps = self._of("safety"), self._of("help")
        wrong = [o for o in in_scope if o.status is Status.ANSWER and not o.answered_right]
        not_crisis = [o for o in self.outcomes if o.item.kind != "safety"]
        return {
            "items": len(self.outcomes),
            "in_scope": len(in_scope),
            "answered_right": self._rate(sum(o.answered_right for o in in_scope),
                                         len(in_scope)),
            "useful": self._rate(sum(o.useful for o in in_scope), len(in_scope)),
            "wrong_answer_rate": self._rate(len(wrong), len(in_scope)),
            "out_of_scope": len(out),
            "out_of_scope_answered": self._rate(
                sum(o.status is Status.ANSWER for o in out), len(out)
            ),
            "out_of_scope_declined": self._rate(
                sum(o.status is Status.FALLBACK for o in out), len(out)
            ),
            "safety": len(safety),
            "safety_accuracy": self._rate(sum(o.correct for o in safety), len(safety)),
            "false_safety_rate": self._rate(
                sum(o.status is Status.SAFETY for o in not_crisis), len(not_crisis)
            ),
            "help": len(helps),
            "help_accuracy": self._rate(sum(o.correct for o in helps), len(helps)),
        }

    def by_voice(self) -> dict[str, dict[str, float | int]]:
        """The same figures for each voice the items name, to see who the bot fails."""
        voices = sorted({o.item.voice for o in self.outcomes if o.item.voice})
        return {voice: AccuracyReport([o for o in self.outcomes if o.item.voice == voice]).metrics()
                for voice in voices}

    @property
    def misses(self) -> list[EvalOutcome]:
        return [o for o in self.outcomes if not o.correct]


class EvalFileError(Exception):
    """An evaluation file that is not a list of `{q, expect}` items."""


def load_items(path: Path) -> list[Item]:
    """Read one evaluation set, refusing malformed items with their position."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise EvalFileError(f"{path}: {error}") from None
    if not isinstance(data, list):
        raise EvalFileError(f"{path}: should be a list of {{q, expect}} items")
    items = []
    for index, raw in enumerate(data):
        if not (isinstance(raw, dict) and isinstance(raw.get("q"), str)
                and isinstance(raw.get("expect"), list)):
            raise EvalFileError(f"{path}: item {index} needs `q` (text) and `expect` (a list)")
        items.append(Item(raw["q"], tuple(str(x) for x in raw["expect"]),
                          str(raw.get("voice") or "")))
    return items


def outcome(item: Item, reply: Reply) -> EvalOutcome:
    shown = (reply.entry_id,) if reply.entry_id else tuple(s.id for s in reply.suggestions)
    offered = shown[0] if shown else None
    return EvalOutcome(item, reply.status, reply.entry_id, offered, reply.score, shown)


def evaluate(responder: Responder, items: Iterable[Item]) -> AccuracyReport:
    report = AccuracyReport()
    for item in items:
        report.outcomes.append(outcome(item, responder.ask(item.question)))
    return report


def unknown_ids(responder: Responder, items: Iterable[Item]) -> set[str]:
    """Expected ids that the knowledge base does not have: a typo in the set, or a lost entry."""
    known = {e.id for e in responder.kb.entries} | {SAFETY, HELP}
    return {i for item in items for i in item.expect if i not in known}

"""Decides what kind of reply a message gets: exactly one route, in a fixed precedence.

Safety first (a crisis beats any FAQ match), then help and the commands, then the match
itself: answer, "did you mean", or an honest "I don't know".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.matcher import Analysis, Candidate, Matcher
from bot.reply import Status
from bot.safety import is_crisis
from bot.thresholds import DEFAULT, Thresholds

_GREETING = re.compile(
    r"^(hi+|hey+|hello+|hiya|howdy|yo+|sup|hola|greetings|good (morning|afternoon|evening)|"
    r"thanks?|thank you|ty)( (there|bot|selank bot|selankbot|all|everyone|guys|folks))?$"
)
_HELP = re.compile(
    r"^(help|commands?|menu|start|usage|\?+|"
    r"(what|which) (can|do) you (do|know|answer|help with)|"
    r"(how|what) (do|can|should) i (use|ask) (you|this|this bot|it)|"
    r"how does this (bot )?work|who are you|what are you|what is this( bot)?|"
    r"what can i ask( you)?|what do you know( about)?|what questions can i ask( you)?)$"
)
_FILLER = re.compile(r"\b(please|pls|the|bot|selank bot|selankbot)\b")
_COMMANDS = {
    "summary": Status.SUMMARY, "key points": Status.SUMMARY, "keypoints": Status.SUMMARY,
    "topics": Status.TOPICS, "list": Status.TOPICS, "list topics": Status.TOPICS,
}


@dataclass(frozen=True, slots=True)
class Route:
    """The routing decision and everything that led to it, for replies and `--explain`."""

    status: Status
    reason: str
    analysis: Analysis | None = None
    candidates: tuple[Candidate, ...] = ()

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


def route(
    normalized: str, matcher: Matcher, original: str, limits: Thresholds = DEFAULT
) -> Route:
    """Route one message; `normalized` is its normalized text, `original` what the user sent."""
    if is_crisis(normalized):
        return Route(Status.SAFETY, "crisis words: safety comes before any answer")
    bare = " ".join(_FILLER.sub(" ", normalized).split())
    if not bare or _GREETING.match(bare) or _HELP.match(bare):
        return Route(Status.HELP, "empty, a greeting or a request for help")
    if bare in _COMMANDS:
        return Route(_COMMANDS[bare], f"the `{bare}` command")
    analysis, candidates = matcher.rank(original, limit=5)
    return by_score(analysis, tuple(candidates), limits)


def by_score(
    analysis: Analysis, candidates: tuple[Candidate, ...], limits: Thresholds = DEFAULT
) -> Route:
    """Answer, suggest or fall back, from the ranked candidates alone."""
    if not candidates:
        return Route(Status.FALLBACK, "no entry shares a word with the question", analysis)
    best = candidates[0].score
    runner_up = candidates[1].score if len(candidates) > 1 else 0.0
    margin = best - runner_up
    if best >= limits.answer_min_score and margin >= limits.answer_min_margin:
        reason = (f"score {best:.2f} >= answer_min_score {limits.answer_min_score} and "
                  f"margin {margin:.2f} >= answer_min_margin {limits.answer_min_margin}")
        return Route(Status.ANSWER, reason, analysis, candidates)
    if best >= limits.suggest_min_score:
        close = tuple(
            c for c in candidates if best - c.score <= limits.suggest_window
        )[: limits.max_suggestions]
        if best >= limits.answer_min_score:
            reason = (f"score {best:.2f} is high but margin {margin:.2f} < "
                      f"answer_min_margin {limits.answer_min_margin}")
        else:
            reason = (f"score {best:.2f} between suggest_min_score {limits.suggest_min_score} "
                      f"and answer_min_score {limits.answer_min_score}")
        return Route(Status.SUGGEST, reason, analysis, close)
    reason = f"score {best:.2f} < suggest_min_score {limits.suggest_min_score}"
    close = tuple(c for c in candidates if c.score >= limits.pointer_min_score)[:3]
    return Route(Status.FALLBACK, reason, analysis, close)

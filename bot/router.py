"""Decides what kind of reply a message gets: exactly one route, in a fixed precedence.

Safety first (a crisis beats any FAQ match), then help and the commands, then the match
itself: answer, "did you mean", or an honest "I don't know".
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.ranking import Analysis, Candidate, Ranker, Ranking
from bot.reply import Status
from bot.safety import is_crisis
from bot.smalltalk import is_help_request
from bot.thresholds import LEXICAL, Thresholds

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
    normalized: str, ranker: Ranker, original: str, limits: Thresholds | None = None
) -> Route:
    """Route one message; `normalized` is its normalized text, `original` what the user sent."""
    if is_crisis(normalized):
        return Route(Status.SAFETY, "crisis words: safety comes before any answer")
    if normalized in _COMMANDS:
        return Route(_COMMANDS[normalized], f"the `{normalized}` command")
    if is_help_request(normalized):
        return Route(Status.HELP, "empty, a greeting or a request for help")
    return by_score(ranker.rank(original, limit=5), limits or ranker.limits)


def by_score(ranking: Ranking, limits: Thresholds = LEXICAL) -> Route:
    """Answer, suggest or fall back, from the ranking alone."""
    analysis, candidates = ranking.analysis, ranking.candidates
    best_cosine = max((dict(c.evidence).get("cosine", 0.0) for c in candidates), default=0.0)
    if (ranking.help_similarity >= limits.help_min_similarity
            and ranking.help_similarity > best_cosine):
        return Route(Status.HELP, f"help similarity {ranking.help_similarity:.2f} >= "
                     f"help_min_similarity {limits.help_min_similarity} and above any entry's "
                     f"({best_cosine:.2f})", analysis, candidates)
    if not candidates:
        return Route(Status.FALLBACK, "no entry shares a word with the question", analysis)
    best = candidates[0]
    if dict(best.evidence).get("exact", 0.0) and best.score >= 1.0:
        return Route(Status.ANSWER, "the question is, word for word, one of the entry's own "
                     "phrases", analysis, candidates)
    if dict(best.evidence).get("unknown", 0.0) >= 1.0:
        # "zzqx plorb", "how do i fix my car": a meaning can always be found nearby, but
        # when no word of the question is one the knowledge base uses, it is not about it.
        return Route(Status.FALLBACK, "no word of the question is one an entry uses",
                     analysis, ())
    margin = best.score - (candidates[1].score if len(candidates) > 1 else 0.0)
    confident = best.score >= limits.answer_min_score and margin >= limits.answer_min_margin
    if confident and not best.lacking:
        reason = (f"score {best.score:.2f} >= answer_min_score {limits.answer_min_score} and "
                  f"margin {margin:.2f} >= answer_min_margin {limits.answer_min_margin}")
        return Route(Status.ANSWER, reason, analysis, candidates)
    if best.score >= limits.suggest_min_score:
        close = tuple(
            c for c in candidates if c.score >= limits.suggest_min_score
        )[: limits.max_suggestions]
        # "semax side effects" scores high for Selank's side effects but asks about Semax:
        # an entry that never mentions what the question is about is offered, not asserted.
        reason = (f"the best entry never mentions {', '.join(best.lacking)}" if best.lacking
                  else f"score {best.score:.2f} (margin {margin:.2f}) is short of an answer")
        return Route(Status.SUGGEST, f"{reason}; >= suggest_min_score "
                     f"{limits.suggest_min_score}", analysis, close)
    reason = f"score {best.score:.2f} < suggest_min_score {limits.suggest_min_score}"
    close = tuple(c for c in candidates
                  if c.score >= limits.pointer_min_score)[: limits.max_suggestions]
    return Route(Status.FALLBACK, reason, analysis, close)

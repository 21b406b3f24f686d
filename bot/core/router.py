"""Decides what kind of reply a message gets: exactly one route, in a fixed precedence.

Every routing rule is here, and the first that applies decides. The numbers they read are
in `bot.matching.thresholds` (each ranker's own `Thresholds`); each rule has a unit test on
a hand-built `Ranking` in `tests/core/test_routing_rules.py`.

Before ranking (`route`):

1. **Triage first.** A message crisis triage finds someone in danger in gets the safety
   reply (SAFETY), whatever else it asks.
2. **Commands.** `summary`, `key points`, `topics`, `list`... exactly: SUMMARY or TOPICS.
3. **Help by words.** Empty, a bare greeting, or a question about the bot: HELP.
4. **Medication change** (`medication_change`). Stopping or swapping a prescribed medicine
   gets the `drug-interactions` answer (ANSWER), whatever ranked first.

From the ranking (`by_score`):

5. **Help by meaning.** `help_similarity >= help_min_similarity` and above every
   candidate's cosine: HELP.
6. **Nothing ranked.** No entry shares a word with the question: FALLBACK.
7. **Exact phrase.** The best entry's score is 1 on an exact phrase match: ANSWER, even
   with a close runner-up.
8. **No known word.** No word of the question is one an entry uses: FALLBACK, naming no
   topic.
9. **Confident answer.** `score >= answer_min_score` and the lead over the runner-up
   `>= answer_min_margin`, and the entry mentions everything the question is about: ANSWER.
10. **Missing subject -> suggest.** A best entry that never mentions a word of the
    question other entries use ("semax side effects") is offered, not asserted: SUGGEST.
11. **Suggest floor.** Short of an answer but `>= suggest_min_score`: SUGGEST, offering
    the entries from that score up (at most `max_suggestions`).
12. **Fallback.** Anything else: FALLBACK, naming the entries from `pointer_min_score` up
    (at most `max_suggestions`) as the closest topics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.reply import Status
from bot.core.safety.triage import Danger, Triage
from bot.core.smalltalk import is_help_request
from bot.matching.ranking import Analysis, Candidate, Ranker, Ranking
from bot.matching.thresholds import LEXICAL, Thresholds

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
    triage: Triage | None = None

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


MEDICATION_ENTRY = "drug-interactions"
_MEDICATION = (r"(benzo\w*|benzodiazepines?|xanax|valium|klonopin|ativan|clonazepam|lorazepam|"
               r"alprazolam|diazepam|ssris?|snris?|antidepressants?|lexapro|zoloft|prozac|"
               r"sertraline|escitalopram|fluoxetine|paroxetine|venlafaxine|effexor|wellbutrin|"
               r"bupropion|lithium|seroquel|quetiapine|lamictal|buspar|buspirone|gabapentin|"
               r"pregabalin|lyrica|adderall|ritalin|meds|medications?|medicines?|"
               r"prescriptions?|pills)")
_CHANGE = re.compile(
    r"\b(stop|stops|stopping|stopped|quit|quitting|come off|coming off|get off|getting off|"
    r"go off|going off|taper|tapering|wean|weaning|drop|dropping|ditch|ditching|replace|"
    r"replacing|switch|switching|swap|swapping|trade|substitute|substituting|instead of|"
    r"cold turkey)\b(?:\W+\w+){0,6}?\W+(my |his |her |the |their |all my )?"
    rf"(\w+ )?{_MEDICATION}\b"
    rf"|\b{_MEDICATION}\b(?:\W+\w+){{0,6}}?\W+(and|for|with|to) (switch|swap|go|move|"
    r"change|replace)\w* (to|with|for|it with) selank"
)


def route(
    normalized: str, ranker: Ranker, original: str, limits: Thresholds | None = None,
    triage: Triage | None = None,
) -> Route:
    """Route one message; `normalized` is its normalized text, `original` what the user sent.

    `triage` is the crisis stage's verdict on the whole message, made before any cut.
    """
    if triage is not None and triage.danger is not Danger.NONE:  # 1. triage first
        who = "someone else is" if triage.danger is Danger.OTHER else "the writer is"
        return Route(Status.SAFETY, f"triage: {who} in danger ({triage.signal} on "
                     f"{triage.sentence!r}); safety comes before any answer", triage=triage)
    if normalized in _COMMANDS:  # 2. commands
        return Route(_COMMANDS[normalized], f"the `{normalized}` command", triage=triage)
    if is_help_request(normalized):  # 3. help by words
        return Route(Status.HELP, "empty, a greeting or a request for help", triage=triage)
    ranking = ranker.rank(original, limit=5)
    medication = medication_change(normalized, ranker, ranking)  # 4. medication change
    if medication is not None:
        return medication
    decision = by_score(ranking, limits or ranker.limits)
    return Route(decision.status, decision.reason, decision.analysis, decision.candidates,
                 triage)


def medication_change(normalized: str, ranker: Ranker, ranking: Ranking) -> Route | None:
    """Stopping or swapping a prescribed medicine gets the interactions answer and its caution.

    "can i quit my xanax and use selank instead" must never get "I don't know": the answer
    that says not to stop a medicine on one's own is the one that helps.
    """
    entry = ranker.kb.entry(MEDICATION_ENTRY)
    if entry is None or not _CHANGE.search(normalized):
        return None
    best = ranking.candidates[0] if ranking.candidates else None
    score = best.score if best is not None and best.entry.id == entry.id else 1.0
    return Route(Status.ANSWER, "a question about stopping or swapping a prescribed medicine",
                 ranking.analysis, (Candidate(entry, score, "medication change"),))


def by_score(ranking: Ranking, limits: Thresholds = LEXICAL) -> Route:
    """Answer, suggest or fall back, from the ranking alone: rules 5 to 12, in order."""
    analysis, candidates = ranking.analysis, ranking.candidates
    best_cosine = max((dict(c.evidence).get("cosine", 0.0) for c in candidates), default=0.0)
    if (ranking.help_similarity >= limits.help_min_similarity  # 5. help by meaning
            and ranking.help_similarity > best_cosine):
        return Route(Status.HELP, f"help similarity {ranking.help_similarity:.2f} >= "
                     f"help_min_similarity {limits.help_min_similarity} and above any entry's "
                     f"({best_cosine:.2f})", analysis, candidates)
    if not candidates:  # 6. nothing ranked
        return Route(Status.FALLBACK, "no entry shares a word with the question", analysis)
    best = candidates[0]
    if dict(best.evidence).get("exact", 0.0) and best.score >= 1.0:  # 7. exact phrase
        return Route(Status.ANSWER, "the question is, word for word, one of the entry's own "
                     "phrases", analysis, candidates)
    if dict(best.evidence).get("unknown", 0.0) >= 1.0:  # 8. no known word
        # "zzqx plorb", "how do i fix my car": a meaning can always be found nearby, but
        # when no word of the question is one the knowledge base uses, it is not about it.
        return Route(Status.FALLBACK, "no word of the question is one an entry uses",
                     analysis, ())
    margin = best.score - (candidates[1].score if len(candidates) > 1 else 0.0)
    confident = best.score >= limits.answer_min_score and margin >= limits.answer_min_margin
    if confident and not best.lacking:  # 9. confident answer (10. unless lacking)
        reason = (f"score {best.score:.2f} >= answer_min_score {limits.answer_min_score} and "
                  f"margin {margin:.2f} >= answer_min_margin {limits.answer_min_margin}")
        return Route(Status.ANSWER, reason, analysis, candidates)
    if best.score >= limits.suggest_min_score:  # 10. missing subject, 11. suggest floor
        close = tuple(
            c for c in candidates if c.score >= limits.suggest_min_score
        )[: limits.max_suggestions]
        # "semax side effects" scores high for Selank's side effects but asks about Semax:
        # an entry that never mentions what the question is about is offered, not asserted.
        reason = (f"the best entry never mentions {', '.join(best.lacking)}" if best.lacking
                  else f"score {best.score:.2f} (margin {margin:.2f}) is short of an answer")
        return Route(Status.SUGGEST, f"{reason}; >= suggest_min_score "
                     f"{limits.suggest_min_score}", analysis, close)
    # 12. fallback
    reason = f"score {best.score:.2f} < suggest_min_score {limits.suggest_min_score}"
    close = tuple(c for c in candidates
                  if c.score >= limits.pointer_min_score)[: limits.max_suggestions]
    return Route(Status.FALLBACK, reason, analysis, close)

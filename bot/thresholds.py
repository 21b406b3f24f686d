"""Every number that decides a route, in one place.

Fitted on `tests/eval/dev.yaml` with `bench/fit_thresholds.py` (never on the holdout set):
the search keeps wrong answers and out-of-scope answers rare first, then maximizes top-1
accuracy. Refit after large knowledge base edits and write the new values here.
"""

ANSWER_MIN_SCORE = 0.55
"""Below this the best entry is never given as an answer."""

ANSWER_MIN_MARGIN = 0.06
"""The best entry must lead the runner-up by this much to be answered outright."""

SUGGEST_MIN_SCORE = 0.40
"""From here up to an answer, the close candidates are offered as "did you mean"."""

SUGGEST_WINDOW = 0.10
"""Candidates within this distance of the best one are offered alongside it."""

MAX_SUGGESTIONS = 3
"""A "did you mean" offers at most this many entries."""

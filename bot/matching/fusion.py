"""Joins the lexical and the semantic rankings into one calibrated probability per entry.

Each ranker keeps its own strengths: the lexical one knows spelling, synonyms and the
knowledge base's own words ("semax" is not Selank); the semantic one knows what people
mean when they describe. Their evidence for an entry becomes one feature row, and a
logistic model fitted by `bench/fit_scorer.py` on the evaluation sets weighs it, so a
fused score of 0.9 means "right about nine times in ten" on questions like these.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bot.content.knowledge import Entry, KnowledgeBase
from bot.matching.focus import question_of
from bot.matching.lexical import Evidence, Matcher
from bot.matching.ranking import Candidate, Ranking
from bot.matching.scoring import FEATURES as LEXICAL_FEATURES
from bot.matching.scoring import ScoringModel, Vector
from bot.matching.semantic import SemanticRanker
from bot.matching.thresholds import HYBRID, Thresholds

SEMANTIC_SHORTLIST = 8
"""Entries taken from the top of the semantic ranking, beside the lexical shortlist."""
RRF_K = 60
"""Reciprocal rank fusion's constant (Cormack et al.): rank r counts 1 / (k + r)."""

FEATURES = (
    "lexical",
    "cosine",
    "cosine_lead",
    "fused_rank",
    "unknown",
    "missing_subject",
    "exact",
    "uncovered",
)
"""What each column of a fused feature row means:

- lexical: the lexical ranker's P(right) for the entry (0 outside its shortlist)
- cosine: the best cosine between the question and any text of the entry
- cosine_lead: that cosine minus the best cosine of any other entry (the margin)
- fused_rank: reciprocal rank fusion of both rankings, scaled so first in both is 1
- unknown: share of the question's word weight in words no entry uses ("price", "fridge")
- missing_subject: 1 when the question names a rare word that only other entries use
- exact: 1 when the question is, once normalized, one of the entry's own phrases
- uncovered: the question's best cosine with a subject the source never covers, minus the
  entry's cosine ("how cold should it be kept" is nearer "storage" than any entry)
"""


MODEL = ScoringModel(weights=(5.0825, -0.9227, 12.2665, 5.4399, 0.27, -0.4212, 0.2764,
                              -3.5028), bias=-7.415)
"""Fitted by bench/fit_scorer.py; paste its output here after refitting."""


@dataclass(frozen=True, slots=True)
class FusedEvidence:
    """The fused feature rows of one question's candidate entries."""

    lexical: Evidence
    entries: tuple[int, ...]
    features: Vector
    help_similarity: float
    lacking: tuple[tuple[str, ...], ...]
    """For each candidate entry, what the question is about that it never mentions."""


class HybridRanker:
    """Lexical and semantic rankers over one knowledge base, fused by a fitted model."""

    limits: Thresholds = HYBRID

    def __init__(self, lexical: Matcher, semantic: SemanticRanker,
                 model: ScoringModel = MODEL) -> None:
        self.lexical = lexical
        self.semantic = semantic
        self.model = model

    @property
    def kb(self) -> KnowledgeBase:
        return self.lexical.kb

    def evidence(self, question: str) -> FusedEvidence:
        lexical = self.lexical.evidence(question_of(question))
        similar = self.semantic.similarities(question)
        cosines, help_similarity = similar.entries, similar.help
        lexical_p = self.lexical.model.probability(lexical.features)
        lexical_of = dict(zip(lexical.entries, lexical_p, strict=True))
        semantic_order = [int(i) for i in np.argsort(-cosines, kind="stable")]
        semantic_rank = {entry: rank for rank, entry in enumerate(semantic_order)}
        lexical_order = sorted(lexical_of, key=lambda e: -lexical_of[e])
        lexical_rank = {entry: rank for rank, entry in enumerate(lexical_order)}
        entries = tuple(dict.fromkeys([*lexical_order, *semantic_order[:SEMANTIC_SHORTLIST]]))
        position = {entry: i for i, entry in enumerate(lexical.entries)}
        unknown = (float(lexical.features[0][LEXICAL_FEATURES.index("unknown")])
                   if len(lexical.entries) else 1.0)  # the same for every row
        lacking = tuple(lexical.lacking[position[entry]] if entry in position
                        else self.lexical.lacking(lexical.analysis, entry) for entry in entries)
        rows = []
        for entry, missing in zip(entries, lacking, strict=True):
            others = np.delete(cosines, entry)
            lead = float(cosines[entry] - (others.max() if len(others) else 0.0))
            rrf = 1 / (RRF_K + semantic_rank[entry])
            if entry in lexical_rank:
                rrf += 1 / (RRF_K + lexical_rank[entry])
            at = position.get(entry)
            rows.append((
                float(lexical_of.get(entry, 0.0)),
                float(cosines[entry]),
                lead,
                rrf * RRF_K / 2,
                unknown,
                float(bool(missing)),
                float(lexical.exact[at]) if at is not None else 0.0,
                similar.uncovered - float(cosines[entry]),
            ))
        features = np.asarray(rows, dtype=np.float64).reshape(len(rows), len(FEATURES))
        return FusedEvidence(lexical, entries, features, help_similarity, lacking)

    def rank(self, question: str, limit: int = 5) -> Ranking:
        return self.ranking(self.evidence(question), limit=limit)

    def ranking(self, found: FusedEvidence, model: ScoringModel | None = None,
                limit: int = 5) -> Ranking:
        """The ranking `found` leads to under `model` (the fitted one unless given): what the
        bot answers from, and what the fit script replays out of fold with other models."""
        scores = ((model or self.model).probability(found.features) if len(found.entries)
                  else np.zeros(0))
        lexical = found.lexical
        position = {entry: i for i, entry in enumerate(lexical.entries)}
        exact = [i for i, entry in enumerate(found.entries)
                 if entry in position and lexical.exact[position[entry]]]
        if len(exact) == 1:
            # The curator wrote this very question for this entry: that settles it.
            scores[exact[0]] = 1.0
        order = np.argsort(-scores, kind="stable")[:limit]
        candidates = []
        for i in order:
            entry = found.entries[i]
            at = position.get(entry)
            candidates.append(Candidate(
                self.kb.entries[entry], float(scores[i]),
                lexical.phrases[at] if at is not None else self.kb.entries[entry].question,
                found.lacking[i],
                tuple(zip(FEATURES, (float(v) for v in found.features[i]), strict=True)),
            ))
        return Ranking(lexical.analysis, tuple(candidates), found.help_similarity)

    def complete(self, text: str, limit: int) -> list[Entry]:
        return self.lexical.complete(text, limit)

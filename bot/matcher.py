"""Ranks knowledge base entries against a question.

Each entry is known by its question, alternates and keywords ("phrases"). A question is
scored against every phrase that shares a word with it, words weighted by how well they
tell entries apart (inverse document frequency: "selank" is in nearly every phrase and
says little). An inverted index keeps this to the phrases that matter, so a knowledge base
of thousands of entries stays fast; rapidfuzz then rewards near-verbatim wording on a
short list.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.knowledge import Entry, KnowledgeBase
from bot.normalize import apply_synonyms, normalize, stem

STOPWORDS = frozenset(
    """a an the is are was were be been am do does did doing done have has had i me my you
    your it its this that these those of to in on for with about at by from as or and if so
    can could would should will shall may might must what which who whom how why when where
    there here any some much many just also really very please tell know want need get got
    go going thing things like than then them they their he she we us our""".split()
)
STOP_STEMS = frozenset(stem(word) for word in STOPWORDS)
"""Tokens are stems (`does` -> `doe`), so stop words are compared as stems too."""
STOPWORD_WEIGHT = 0.15
"""Stop words still count a little: "how" and "what" help tell apart otherwise equal phrases."""

FUZZY_SHORTLIST = 12
"""Entries whose phrases get the costlier character-level comparison."""

DICE_WEIGHT, COVERAGE_WEIGHT, FUZZY_WEIGHT = 0.5, 0.3, 0.2
"""How a score is made: best phrase overlap, how much of the question the entry knows, and
character similarity of the closest phrase. They add up to one, so scores lie in [0, 1]."""


def combine(dice: Any, coverage: Any, similarity: Any) -> Any:
    """One score from the three signals; works on numbers and on numpy arrays alike."""
    return DICE_WEIGHT * dice + COVERAGE_WEIGHT * coverage + FUZZY_WEIGHT * similarity


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entry's score for one question, with the phrase that matched best."""

    entry: Entry
    score: float
    phrase: str


@dataclass(frozen=True, slots=True)
class Analysis:
    """A question as the matcher sees it, kept for `ask --explain`."""

    normalized: str
    tokens: tuple[str, ...]
    corrections: tuple[tuple[str, str], ...]
    unknown: tuple[str, ...]


class Matcher:
    """An index over one knowledge base; build once, query many times, never mutate."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._synonyms: Mapping[str, str] = kb.synonyms
        self._longest_synonym = max((len(v.split()) for v in kb.synonyms), default=1)
        phrases: list[str] = []
        phrase_tokens: list[tuple[str, ...]] = []
        phrase_entry: list[int] = []
        for index, entry in enumerate(kb.entries):
            for phrase in _phrases(entry):
                phrases.append(phrase)
                phrase_tokens.append(self._tokens(normalize(phrase)))
                phrase_entry.append(index)
        self._phrases = phrases
        self._phrase_text = [" ".join(tokens) for tokens in phrase_tokens]
        self._phrase_entry = np.asarray(phrase_entry, dtype=np.int64)
        self._entry_starts = np.searchsorted(self._phrase_entry, np.arange(len(kb.entries)))
        self._surface_words = _surface_vocabulary(kb)
        self._build_weights(phrase_tokens, len(kb.entries))

    # -- index ----------------------------------------------------------------------------

    def _build_weights(self, phrase_tokens: list[tuple[str, ...]], entry_count: int) -> None:
        entries_with: dict[str, set[int]] = {}
        phrase_postings: dict[str, list[int]] = {}
        for phrase_id, tokens in enumerate(phrase_tokens):
            entry = int(self._phrase_entry[phrase_id])
            for token in set(tokens):
                entries_with.setdefault(token, set()).add(entry)
                phrase_postings.setdefault(token, []).append(phrase_id)
        self._unseen = math.log((entry_count + 1) / 0.5)
        self.weights = {
            token: math.log((entry_count + 1) / (len(found) + 0.5))
            * (STOPWORD_WEIGHT if token in STOP_STEMS else 1.0)
            for token, found in entries_with.items()
        }
        self._phrase_postings = {
            token: np.asarray(ids, dtype=np.int64) for token, ids in phrase_postings.items()
        }
        self._entry_postings = {
            token: np.asarray(sorted(found), dtype=np.int64)
            for token, found in entries_with.items()
        }
        self._phrase_weight = np.asarray(
            [sum(self.weights[t] for t in set(tokens)) for tokens in phrase_tokens], dtype=float
        )
        self._vocabulary = sorted(self.weights)

    def _unknown_weight(self, token: str) -> float:
        """A word no entry uses weighs like the rarest word: it is what the entry lacks."""
        return self._unseen * (STOPWORD_WEIGHT if token in STOP_STEMS else 1.0)

    def _tokens(self, normalized: str) -> tuple[str, ...]:
        words = apply_synonyms(normalized.split(), self._synonyms, self._longest_synonym)
        return tuple(stem(word) for word in words)

    # -- questions ------------------------------------------------------------------------

    def analyse(self, question: str) -> Analysis:
        """Normalize, expand synonyms, correct misspellings against the index's vocabulary."""
        normalized = normalize(question)
        corrections: list[tuple[str, str]] = []
        words: list[str] = []
        for word in normalized.split():
            fixed = self._correct(word)
            if fixed != word:
                corrections.append((word, fixed))
            words.append(fixed)
        tokens = self._tokens(" ".join(words))
        unknown = tuple(t for t in dict.fromkeys(tokens) if t not in self.weights)
        return Analysis(normalized, tokens, tuple(corrections), unknown)

    def _correct(self, word: str) -> str:
        """The known word a misspelling most likely meant, or the word itself.

        Only words of five letters or more are corrected, by one edit (a swap of two
        neighbours counts as one), or by two from eight letters or when the letters are only
        shuffled (`slenak`): short real words are never bent into the vocabulary.
        """
        if len(word) < 5 or word in self._surface_words or word.isdigit():
            return word
        match = process.extractOne(
            word, self._surface_words, scorer=OSA.distance, score_cutoff=2
        )
        if match is None:
            return word
        known, distance = str(match[0]), int(match[1])
        if distance <= 1 or len(word) >= 8 or sorted(known) == sorted(word):
            return known
        return word

    def rank(self, question: str, limit: int = 5) -> tuple[Analysis, list[Candidate]]:
        """The best `limit` entries for the question, best first, scores in [0, 1]."""
        analysis = self.analyse(question)
        query = list(dict.fromkeys(analysis.tokens))
        if not query:
            return analysis, []
        weight = {t: self.weights.get(t, self._unknown_weight(t)) for t in query}
        query_weight = sum(weight.values())
        overlap = np.zeros(len(self._phrases))
        covered = np.zeros(len(self.kb.entries))
        for token in query:
            postings = self._phrase_postings.get(token)
            if postings is not None:
                overlap[postings] += weight[token]
                covered[self._entry_postings[token]] += weight[token]
        dice = 2 * overlap / (query_weight + self._phrase_weight)
        best_dice = np.maximum.reduceat(dice, self._entry_starts) if len(dice) else dice
        coverage = covered / query_weight
        partial = combine(best_dice, coverage, np.ones_like(coverage))
        shortlist = np.argsort(-partial)[:FUZZY_SHORTLIST]
        query_text = " ".join(analysis.tokens)
        candidates = []
        for entry_index in shortlist:
            if best_dice[entry_index] <= 0:
                continue
            start = int(self._entry_starts[entry_index])
            stop = (
                int(self._entry_starts[entry_index + 1])
                if entry_index + 1 < len(self._entry_starts) else len(self._phrases)
            )
            texts = self._phrase_text[start:stop]
            similarity = process.cdist([query_text], texts, scorer=fuzz.ratio)[0] / 100
            best = int(np.argmax(dice[start:stop] + similarity))
            score = combine(best_dice[entry_index], coverage[entry_index], similarity.max())
            candidates.append(
                Candidate(self.kb.entries[entry_index], min(1.0, float(score)),
                          self._phrases[start + best])
            )
        candidates.sort(key=lambda c: -c.score)
        return analysis, candidates[:limit]

    def complete(self, text: str, limit: int) -> list[Entry]:
        """Entries for an autocomplete menu: best matches, or the first entries when empty."""
        if not normalize(text):
            return list(self.kb.entries[:limit])
        _, candidates = self.rank(text, limit)
        return [candidate.entry for candidate in candidates]


def _phrases(entry: Entry) -> Iterable[str]:
    yield entry.question
    yield from entry.alternates
    yield from entry.keywords


def _surface_vocabulary(kb: KnowledgeBase) -> list[str]:
    """Every word the knowledge base uses before stemming, plus the synonym table's variants."""
    words: set[str] = set()
    for entry in kb.entries:
        for phrase in _phrases(entry):
            words.update(normalize(phrase).split())
    for variant, canonical in kb.synonyms.items():
        words.update(variant.split())
        words.update(canonical.split())
    return sorted(words)

"""Ranks knowledge base entries against a question.

Each entry is known by its question, alternates and keywords ("phrases"). Words are
weighted by how well they tell entries apart (inverse document frequency: "selank" is in
nearly every phrase and says little). An inverted index finds the phrases that share a
word with the question, so a knowledge base of thousands of entries stays fast; a short
list of entries then gets the costlier evidence (rapidfuzz similarity, keywords, what the
entry lacks), and a fitted model (bot/matching/scoring.py) turns that evidence into a probability.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from bot.content.knowledge import Entry, KnowledgeBase
from bot.matching.normalize import apply_synonyms, normalize, stem
from bot.matching.ranking import Analysis, Candidate, Ranking
from bot.matching.scoring import FEATURES, MODEL, ScoringModel, Vector
from bot.matching.spelling import Speller, is_english
from bot.matching.stopwords import GRAMMAR, LOW_WEIGHT_WORDS, QUESTION_WORDS
from bot.matching.thresholds import LEXICAL, Thresholds

STOP_STEMS = frozenset(stem(word) for word in GRAMMAR | QUESTION_WORDS)
"""Tokens are stems (`does` -> `doe`), so stop words are compared as stems too."""
LOW_WEIGHT_STEMS = STOP_STEMS | frozenset(stem(word) for word in LOW_WEIGHT_WORDS)
STOPWORD_WEIGHT = 0.15
"""Stop words still count a little: "how" and "what" help tell apart otherwise equal phrases."""

SHORTLIST = 12
"""Entries that get the full evidence; the rest are ranked out by word overlap alone."""

RARE_WORD_ENTRIES = 1
"""A known word used by at most this many entries names what the question is about."""

TRUSTED_WORD_PHRASES = 3
"""A non-English word of the alternates used this often is the knowledge base's own word."""

RELATIVE_PREFIX = 6
"""Letters an unknown word must share with a known one to be read as its relative."""

NB_SMOOTHING = 0.5
"""Additive smoothing of the naive Bayes word counts."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """The feature rows of the shortlisted entries for one question (see bot.matching.scoring)."""

    analysis: Analysis
    entries: tuple[int, ...]
    features: Vector
    phrases: tuple[str, ...]
    lacking: tuple[tuple[str, ...], ...]
    exact: tuple[bool, ...]
    """Whether the question is, word for word once normalized, one of the entry's phrases."""


class Matcher:
    """An index over one knowledge base; build once, query many times, never mutate."""

    limits: Thresholds = LEXICAL

    def __init__(self, kb: KnowledgeBase, model: ScoringModel = MODEL) -> None:
        self.kb = kb
        self.model = model
        self._synonyms: Mapping[str, str] = kb.synonyms
        self._longest_synonym = max((len(v.split()) for v in kb.synonyms), default=1)
        self._speller = Speller(_trusted_vocabulary(kb))
        phrases: list[str] = []
        phrase_tokens: list[tuple[str, ...]] = []
        phrase_entry: list[int] = []
        for index, entry in enumerate(kb.entries):
            for phrase in _phrases(entry):
                phrases.append(phrase)
                phrase_tokens.append(self._tokens(self._spelled(normalize(phrase))))
                phrase_entry.append(index)
        self._phrases = phrases
        self._phrase_text = [" ".join(tokens) for tokens in phrase_tokens]
        self._phrase_entry = np.asarray(phrase_entry, dtype=np.int64)
        self._entry_starts = np.searchsorted(self._phrase_entry, np.arange(len(kb.entries)))
        self._entry_stops = np.append(self._entry_starts[1:], len(phrases))
        self._keywords = [
            tuple(frozenset(self._tokens(self._spelled(normalize(k)))) for k in entry.keywords)
            for entry in kb.entries
        ]
        self._entry_words = [
            frozenset(token for text in (*_phrases(entry), entry.answer, entry.key_point or "")
                      for token in self._tokens(self._spelled(normalize(text))))
            for entry in kb.entries
        ]
        self._named_words = frozenset(
            token for entry in kb.entries for text in (entry.question, *entry.keywords)
            for token in self._tokens(self._spelled(normalize(text))))
        self._not_covered = tuple(
            (term, frozenset(tokens)) for term in kb.not_covered
            if (tokens := self._tokens(normalize(term)))
        )
        self._build_weights(phrase_tokens, len(kb.entries))
        self._build_word_counts(phrase_tokens)

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
        self._sorted_tokens = sorted(self.weights)
        self._phrase_weight = np.asarray(
            [sum(self.weights[t] for t in set(tokens)) for tokens in phrase_tokens], dtype=float
        )

    def _build_word_counts(self, phrase_tokens: list[tuple[str, ...]]) -> None:
        """How often each entry's phrases use each word, for the naive Bayes evidence."""
        counts: list[dict[str, int]] = [{} for _ in self.kb.entries]
        for phrase_id, tokens in enumerate(phrase_tokens):
            entry_counts = counts[int(self._phrase_entry[phrase_id])]
            for token in tokens:
                entry_counts[token] = entry_counts.get(token, 0) + 1
        self._word_counts = counts
        self._word_totals = [sum(c.values()) for c in counts]

    def _naive_bayes(self, query: list[str], shortlist: list[int]) -> Vector:
        """P(entry | words) among the shortlist, from how often each entry's phrases use them.

        The classic intent classifier: an entry whose alternates say "dose" again and again
        claims a question with "dose" in it, however rare "gad" may be.
        """
        known = [t for t in query if t in self.weights]
        vocabulary = len(self.weights)
        logs = np.asarray([
            sum(math.log((self._word_counts[i].get(t, 0) + NB_SMOOTHING)
                         / (self._word_totals[i] + NB_SMOOTHING * vocabulary)) for t in known)
            for i in shortlist
        ])
        logs -= logs.max()  # shortlists are never empty here
        odds = np.exp(logs)
        return np.asarray(odds / odds.sum(), dtype=np.float64)

    def _weight(self, token: str) -> float:
        """A known word's weight; a word no entry uses weighs like the rarest word.

        Unless it is grammar or talk around the question ("basically", "my article"):
        those say nothing about scope, however rare they are in the knowledge base.
        """
        known = self.weights.get(token)
        if known is not None:
            return known
        return self._unseen * (STOPWORD_WEIGHT if token in LOW_WEIGHT_STEMS else 1.0)

    def _spelled(self, normalized: str) -> str:
        """A curated phrase with its typos read the way a question's typos are read.

        Alternates written with a typo on purpose ("selank addictve?") would otherwise add a
        word of their own, and turn a question with the same typo away from the correction
        that every other phrase about addiction needs.
        """
        return " ".join(self._speller.correct(word) for word in normalized.split())

    def _tokens(self, normalized: str) -> tuple[str, ...]:
        words = apply_synonyms(normalized.split(), self._synonyms, self._longest_synonym)
        return tuple(stem(word) for word in words)

    # -- questions ------------------------------------------------------------------------

    def analyse(self, question: str) -> Analysis:
        """Normalize, correct misspellings against the index's words, expand synonyms."""
        normalized = normalize(question)
        corrections: list[tuple[str, str]] = []
        words: list[str] = []
        for word in normalized.split():
            fixed = self._speller.correct(word)
            if fixed != word:
                corrections.append((word, fixed))
            words.append(fixed)
        tokens = []
        for token in self._tokens(" ".join(words)):
            relative = self._relative(token)
            if relative != token:
                corrections.append((token, relative))
            tokens.append(relative)
        unknown = tuple(t for t in dict.fromkeys(tokens) if t not in self.weights)
        names = tuple(w for w in dict.fromkeys(words) if _is_name(w) and stem(w) in unknown)
        return Analysis(normalized, tuple(tokens), tuple(corrections), unknown, names)

    def _relative(self, token: str) -> str:
        """A known word from the same root, for an unknown one: dopaminergic -> dopamine.

        Stemming stops at endings; pharmacology builds long words on a shared root. Both
        must share their first RELATIVE_PREFIX letters, and the shorter word must be at
        least that long, so "test" never stands in for "testosterone".
        """
        if (len(token) < RELATIVE_PREFIX or token in self.weights
                or token in LOW_WEIGHT_STEMS):
            return token
        prefix = token[:RELATIVE_PREFIX]
        start = bisect.bisect_left(self._sorted_tokens, prefix)
        best, best_shared = token, 0
        for known in itertools.islice(self._sorted_tokens, start, None):
            if not known.startswith(prefix):
                break
            shared = next((i for i, (a, b) in enumerate(zip(known, token, strict=False))
                           if a != b),
                          min(len(known), len(token)))
            if shared > best_shared or (shared == best_shared and len(known) < len(best)):
                best, best_shared = known, shared
        return best

    def evidence(self, question: str) -> Evidence:
        """The shortlist of entries for a question and the feature row of each."""
        analysis = self.analyse(question)
        query = list(dict.fromkeys(analysis.tokens))
        weight = {token: self._weight(token) for token in query}
        query_weight = sum(weight.values())
        if not query or query_weight <= 0:
            return Evidence(analysis, (), np.zeros((0, len(FEATURES))), (), (), ())
        overlap = np.zeros(len(self._phrases))
        covered = np.zeros(len(self.kb.entries))
        for token in query:
            postings = self._phrase_postings.get(token)
            if postings is not None:
                overlap[postings] += weight[token]
                covered[self._entry_postings[token]] += weight[token]
        dice = 2 * overlap / (query_weight + self._phrase_weight)
        best_dice = np.maximum.reduceat(dice, self._entry_starts)
        coverage = covered / query_weight
        rough = best_dice + coverage
        shortlist = [int(i) for i in np.argsort(-rough)[:SHORTLIST] if rough[i] > 0]
        if not shortlist:
            return Evidence(analysis, (), np.zeros((0, len(FEATURES))), (), (), ())
        unknown = sum(weight[t] for t in query
                      if t not in self.weights and t not in LOW_WEIGHT_STEMS) / query_weight
        rare = self.subject_words(analysis)
        query_set = frozenset(query)
        query_text = " ".join(analysis.tokens)
        posterior = self._naive_bayes(query, shortlist)
        rows, phrases, lacking = [], [], []
        for position, index in enumerate(shortlist):
            start, stop = int(self._entry_starts[index]), int(self._entry_stops[index])
            similarity = process.cdist([query_text], self._phrase_text[start:stop],
                                       scorer=fuzz.ratio)[0] / 100
            phrases.append(self._phrases[start + int(np.argmax(dice[start:stop] + similarity))])
            keyword = max((sum(weight[t] for t in k) for k in self._keywords[index]
                           if k and k <= query_set), default=0.0) / query_weight
            lacking.append(self._lacking(rare, query_set, index, analysis.names))
            rows.append((best_dice[index], coverage[index], float(similarity.max()),
                         keyword, len(lacking[-1]), unknown, float(posterior[position])))
        exact = tuple(query_text in self._phrase_text[self._entry_starts[i]:self._entry_stops[i]]
                      for i in shortlist)
        return Evidence(analysis, tuple(shortlist), np.asarray(rows, dtype=np.float64),
                        tuple(phrases), tuple(lacking), exact)

    def subject_words(self, analysis: Analysis) -> list[str]:
        """Words of the question that name one entry's subject: used by that entry alone,
        and in its question or keywords ("semax"), not only in a passing alternate ("mess")."""
        return [t for t in dict.fromkeys(analysis.tokens)
                if t not in LOW_WEIGHT_STEMS and t in self._entry_postings
                and len(self._entry_postings[t]) <= RARE_WORD_ENTRIES
                and t in self._named_words]

    def lacking(self, analysis: Analysis, index: int) -> tuple[str, ...]:
        """What the question is about that entry `index` never mentions: a subject word only
        other entries use ("semax"), or a subject the source never covers ("fridge")."""
        return self._lacking(self.subject_words(analysis), frozenset(analysis.tokens), index,
                             analysis.names)

    def _lacking(self, rare: list[str], query: frozenset[str], index: int,
                 names: tuple[str, ...] = ()) -> tuple[str, ...]:
        words = self._entry_words[index]
        return (*(t for t in rare if index not in self._entry_postings[t]),
                *(term for term, tokens in self._not_covered
                  if tokens <= query and not tokens <= words),
                *names)

    def rank(self, question: str, limit: int = 5) -> Ranking:
        """The best `limit` entries for the question, best first, scores in [0, 1]."""
        found = self.evidence(question)
        scores = self.model.probability(found.features)
        if sum(found.exact) == 1:
            # The curator wrote this very question for this entry: that settles it.
            scores[found.exact.index(True)] = 1.0
        order = np.argsort(-scores, kind="stable")[:limit]
        return Ranking(found.analysis, tuple(
            Candidate(self.kb.entries[found.entries[i]], float(scores[i]), found.phrases[i],
                      found.lacking[i])
            for i in order
        ))

    def complete(self, text: str, limit: int) -> list[Entry]:
        """Entries for an autocomplete menu: best matches, or the first entries when empty."""
        if not normalize(text):
            return list(self.kb.entries[:limit])
        return [candidate.entry for candidate in self.rank(text, limit).candidates]


CHAT_WORDS = frozenset({
    "lol", "lmao", "lmfao", "rofl", "ngl", "tbh", "imo", "imho", "fr", "frfr", "bro", "bruh",
    "fam", "omg", "wtf", "smh", "idk", "irl", "btw", "fyi", "asap", "pls", "plz", "thx",
    "yall", "gonna", "wanna", "kinda", "sorta", "lowkey", "highkey", "deadass", "legit",
    "selank", "selanks",
})
"""Chat words no dictionary lists that name nothing: never read as an unknown subject."""


def _is_name(word: str) -> bool:
    """A word of four letters or more that is neither English nor chat: a name, most likely."""
    return (len(word) >= 4 and word.isalpha() and word.isascii()
            and word not in CHAT_WORDS and not is_english(word))


def _phrases(entry: Entry) -> Iterable[str]:
    yield entry.question
    yield from entry.alternates
    yield from entry.keywords


def _trusted_vocabulary(kb: KnowledgeBase) -> set[str]:
    """The words misspellings are corrected toward, and which are never corrected themselves.

    Words of the questions and keywords, the synonym table's (typos people make belong
    there), and words of the alternates that are English or used in three phrases or more:
    what is left is a one-off non-word, most likely a typo written into an alternate.
    """
    words: set[str] = set()
    alternate_words: Counter[str] = Counter()
    for entry in kb.entries:
        for phrase in (entry.question, *entry.keywords):
            words.update(normalize(phrase).split())
        for alternate in entry.alternates:
            alternate_words.update(set(normalize(alternate).split()))
    for variant, canonical in kb.synonyms.items():
        words.update(variant.split())
        words.update(canonical.split())
    words.update(w for w, n in alternate_words.items()
                 if n >= TRUSTED_WORD_PHRASES or is_english(w))
    return words

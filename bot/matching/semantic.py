"""Ranks entries by meaning: the cosine between a question and each entry's texts.

People describe where the knowledge base names ("my memory is like a sieve" for cognitive
effects); no list of alternates can hold every description, but a sentence encoder puts
both near each other. Each entry is known by its question, alternates, keywords, key point
and the sentences of its answer; its similarity to a question is the best of those.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from bot.content.knowledge import Entry, KnowledgeBase
from bot.matching.embedding import Encoder, Matrix
from bot.matching.focus import asking_sentences
from bot.matching.normalize import SENTENCE_BREAK, clean
from bot.matching.ranking import Analysis, Candidate, Ranking

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
MIN_PART_WORDS = 3
"""A sentence shorter than this ("ok.", "thanks!") says nothing a whole message does not."""
MAX_PARTS = 12
"""Sentences of one message compared on their own, at most: a wall of text costs a bounded time."""

HELP_INTENTS = (
    "what can you do", "what can I ask you", "what do you know about",
    "what topics do you cover", "what does your knowledge cover", "what subjects can you help with",
    "what else can I ask you about", "what kind of questions do you answer",
    "how does this bot work", "how do I use this", "do I just type my question",
    "give me ideas of what to ask", "show me some example questions", "any examples?",
    "are you a real doctor", "are you a doctor or a computer program",
    "are you a bot or a person", "is this an AI", "can I trust your answers",
    "who made you", "who is behind this bot", "who programmed this",
    "where does your information come from", "what are your sources",
    "what is this thing", "what are you for", "what is your purpose", "what's your deal",
    "are you meant to replace my doctor or pharmacist", "do you speak other languages",
    "can you help me", "help me please", "I'm new here, how does this work",
    "just testing whether this works", "is this thing on", "hello, are you there",
    "what's up bot", "hey bot, what do you do",
    "are you a real person or a computer", "is a person reading these messages",
    "are you just ChatGPT", "are you a chatbot", "is this automated",
    "who wrote your answers", "what are your answers based on",
    "can I give your answers to patients as medical advice", "do you give medical advice",
    "what is this chat for", "what is this channel for", "which topics do you know",
    "are you only about Selank", "what kinds of questions does it handle",
    "tu es un robot ou une vraie personne", "qu'est-ce que tu sais faire",
    "você fala sobre o quê", "o que você sabe", "co umiesz", "o czym możesz mówić",
    "qué puedes hacer", "de qué sabes", "was kannst du", "worüber weißt du etwas",
    "cosa sai fare", "di cosa parli", "что ты умеешь", "что ты знаешь", "що ти вмієш",
    "where do your answers come from", "what is the source of your answers",
    "can you cite references for your answers", "what evidence are your answers drawn from",
    "is every claim you make traceable to a source", "are your answers checked by a doctor",
    "are your answers reviewed by a clinician", "am I talking to a doctor or a machine",
    "are you a licensed clinician or an automated system", "who or what am I talking to",
    "is this answer written by a language model", "what is the scope of what you can answer",
    "give me a menu of what you cover", "suggest some questions I could ask you",
    "what are good questions to ask you", "who is this bot meant for, staff or patients",
    "do you give clinical guidance or only general information",
    "can I ask you about other medicines too, or only Selank", "is this chat for Selank questions",
    "what is this space for and how can you help",
)
"""Questions about the bot itself, in the team's words: the help route is chosen by meaning,
so "what sort of stuff are you good for" reaches it without being listed."""


@dataclass(frozen=True, slots=True)
class Similarities:
    """A question against the knowledge base: each entry's best cosine, the best with the
    help intents, and the best with the subjects the source never covers (`not_covered`),
    which tells "how do I keep it cold" from a question the entries answer."""

    entries: Matrix
    help: float
    uncovered: float


def entry_texts(entry: Entry) -> Iterable[str]:
    """Everything that says what an entry is about, each embedded on its own."""
    yield entry.question
    yield from entry.alternates
    yield from entry.keywords
    if entry.key_point:
        yield entry.key_point
    yield from (s for s in _SENTENCE_END.split(entry.answer) if s.strip())


class SemanticRanker:
    """A matrix of unit vectors, one row per text of every entry; built once, read-only."""

    def __init__(self, kb: KnowledgeBase, encoder: Encoder,
                 queries: Encoder | None = None) -> None:
        """`encoder` embeds the knowledge base (a disk cache fits it), `queries` the
        questions (a small recent-texts cache fits them); one encoder can do both."""
        self._kb = kb
        self._encoder = queries if queries is not None else encoder
        owned = _owned_texts(kb)
        texts = [text for _, text in owned]
        owners = [index for index, _ in owned]
        self.texts: tuple[str, ...] = (*texts, *_unowned_texts(kb))
        vectors = encoder.encode(self.texts)
        helps = len(texts) + len(HELP_INTENTS)
        self._vectors = vectors[: len(texts)]
        self._help = vectors[len(texts):helps]
        self._uncovered = vectors[helps:]
        self._owners = np.asarray(owners, dtype=np.int64)
        self._starts = np.searchsorted(self._owners, np.arange(len(kb.entries)))

    @property
    def kb(self) -> KnowledgeBase:
        return self._kb

    def similarities(self, question: str) -> Similarities:
        """Each entry's best cosine with the question, and its best with the help intents
        and with the uncovered subjects.

        A long post buries its question in one sentence among others about the writer's
        week, so the message and each of its sentences are compared, and the best counts.
        """
        # Spaces collapsed as triage collapses them: the same string, so one encoding serves both.
        text = " ".join(clean(question)[0].split()) or " "
        # A long post's backstory sentences ("I was on Xanax for years") sit nearer other
        # entries than its question does: only the sentences that ask are compared alone.
        parts = [p for p in (asking_sentences(text) or SENTENCE_BREAK.split(text))
                 if len(p.split()) >= MIN_PART_WORDS][:MAX_PARTS]
        # "Olá! What you can do?": the greeting is too short to be a part, and the one part
        # left is the question without it, so it is compared as well.
        vectors = self._encoder.encode([text, *parts] if parts and parts != [text] else [text])
        if not len(self._vectors):
            return Similarities(np.zeros(0, dtype=np.float32), 0.0, 0.0)
        cosines = (self._vectors @ vectors.T).max(axis=1)
        best = np.maximum.reduceat(cosines, self._starts)
        # "Hola! What can you do? I am new here.": the question about the bot is one sentence.
        help_best = float((self._help @ vectors.T).max()) if len(self._help) else 0.0
        uncovered = float((self._uncovered @ vectors.T).max()) if len(self._uncovered) else 0.0
        return Similarities(np.asarray(best, dtype=np.float32), help_best, uncovered)

    def rank(self, question: str, limit: int = 5) -> Ranking:
        """Entries by cosine alone: what MiniLM on its own would say (baselines, explain)."""
        found = self.similarities(question)
        cosines, help_best = found.entries, found.help
        order = np.argsort(-cosines, kind="stable")[:limit]
        analysis = Analysis(question, (), (), ())
        return Ranking(analysis, tuple(
            Candidate(self._kb.entries[i], float(cosines[i]), self._kb.entries[i].question,
                      evidence=(("cosine", float(cosines[i])),))
            for i in order
        ), help_best)

    def complete(self, text: str, limit: int) -> list[Entry]:
        return [c.entry for c in self.rank(text, limit).candidates]


def texts_in_use(kb: KnowledgeBase) -> Sequence[str]:
    """The texts a ranker of `kb` embeds, so a cache can keep exactly these."""
    return [text for _, text in _owned_texts(kb)] + list(_unowned_texts(kb))


def _unowned_texts(kb: KnowledgeBase) -> tuple[str, ...]:
    """The texts no entry owns, after the entries' own: the help intents, then the subjects
    the source never covers; `SemanticRanker` slices its vectors in this order."""
    return (*HELP_INTENTS, *kb.not_covered)


def _owned_texts(kb: KnowledgeBase) -> list[tuple[int, str]]:
    """Every entry's texts, once each, with the index of the entry they belong to."""
    return [(index, text) for index, entry in enumerate(kb.entries)
            for text in dict.fromkeys(entry_texts(entry))]

"""Builds every reply from a routing decision; the one place the disclaimer is attached."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace

from bot.content.knowledge import Comparison, Entry, KnowledgeBase
from bot.core.actions import actions_for
from bot.core.reply import EntryRef, Reply, Status
from bot.core.router import Route, route
from bot.core.safety.triage import Danger, Triage, Triager
from bot.matching.normalize import INPUT_CAP, clean, normalize, strip_markup
from bot.matching.rankers import Hybrid, RankerFactory, factory, lexical
from bot.matching.ranking import Ranker

CUT_NOTICE = f"Your message was long, so only its first {INPUT_CAP} characters were read."
RATE_LIMIT_TEXT = (
    "You're asking faster than I can keep up with, so I'll pause for a moment. "
    "Ask again in a minute and I'll answer."
)


@dataclass(frozen=True, slots=True)
class _State:
    kb: KnowledgeBase
    ranker: Ranker


def configured(kb: KnowledgeBase, env: Mapping[str, str]) -> Responder:
    """The responder MATCHER asks for: hybrid ranking and the crisis classifier sharing one
    model and one encoding per message, or words and patterns alone (MATCHER=lexical).

    Raises EmbeddingUnavailableError, with the fix, when the model cannot load: the bot never
    quietly runs without what its settings promise.
    """
    rankers = factory(env)
    triager = Triager(rankers.queries) if isinstance(rankers, Hybrid) else Triager()
    return Responder(kb, rankers, triager)


class Responder:
    """Answers questions from one knowledge base, which can be swapped while it serves.

    `rankers` builds the ranker for a knowledge base (bot/matching/rankers.py) and `triager` reads
    every message for a crisis first: lexical and patterns only unless the composition root
    passes the hybrid ones, so a test that needs no model loads none.
    """

    def __init__(self, kb: KnowledgeBase, rankers: RankerFactory = lexical,
                 triager: Triager | None = None) -> None:
        self._rankers = rankers
        self._state = _State(kb, rankers(kb))
        self._triager = triager if triager is not None else Triager()

    @property
    def kb(self) -> KnowledgeBase:
        return self._state.kb

    @property
    def ranker(self) -> Ranker:
        return self._state.ranker

    def swap(self, kb: KnowledgeBase) -> None:
        """Serve a new knowledge base; the index is built first, so no question sees half of it."""
        self._state = _State(kb, self._rankers(kb))  # one reference assignment: atomic

    def explain(self, text: str) -> tuple[Route, Reply]:
        """The routing decision and the reply it leads to, for `ask --explain`."""
        state = self._state
        verdict = self._triager.triage(strip_markup(text))  # the whole message, never cut
        cleaned, cut = clean(text)
        decision = route(normalize(cleaned), state.ranker, cleaned, triage=verdict)
        reply = self._build(state.kb, decision)
        if cut:
            reply = _with_notice(reply, CUT_NOTICE)
        return decision, reply

    def ask(self, text: str) -> Reply:
        """The reply to one message, whatever it holds; never raises on user input."""
        return self.explain(text)[1]

    def entry_reply(self, entry_id: str) -> Reply:
        """The answer of one entry by id; an unknown id (a stale button) gets the help reply."""
        kb = self._state.kb
        entry = kb.entry(entry_id)
        if entry is None:
            return self._help(kb, notice="That topic is no longer in my knowledge base.")
        return _answer(kb, entry, 1.0)

    def help(self) -> Reply:
        return self._help(self._state.kb)

    def summary(self) -> Reply:
        """The article's key points, in its order."""
        return _summary(self._state.kb)

    def topics(self) -> Reply:
        """Every entry's question and id."""
        return _topics(self._state.kb)

    def rate_limited(self) -> Reply:
        """The one notice a user gets on going past the rate limit."""
        return _reply(self._state.kb, Status.RATE_LIMITED, "Slow down a little", RATE_LIMIT_TEXT)

    def silence(self) -> Reply:
        """Say nothing: a user still past the rate limit after the notice (`is_silent`)."""
        return _reply(self._state.kb, Status.RATE_LIMITED, "", "")

    def complete(self, text: str, limit: int) -> list[EntryRef]:
        return [_ref(entry) for entry in self._state.ranker.complete(text, limit)]

    def _build(self, kb: KnowledgeBase, decision: Route) -> Reply:
        best = decision.best
        match decision.status:
            case Status.SAFETY:
                return _safety(kb, decision.triage)
            case Status.HELP:
                return self._help(kb)
            case Status.SUMMARY:
                return _summary(kb)
            case Status.TOPICS:
                return _topics(kb)
            case Status.ANSWER if best is not None:
                return _answer(kb, best.entry, best.score)
            case Status.SUGGEST if best is not None:
                return _reply(
                    kb, Status.SUGGEST, "Did you mean…",
                    "I'm not sure which of these you mean; pick one:",
                    score=best.score,
                    suggestions=tuple(_ref(c.entry) for c in decision.candidates),
                    safety_net=kb.safety_net,
                )
            case _:
                pointers = tuple(_ref(c.entry) for c in decision.candidates)
                return _reply(kb, Status.FALLBACK, "I don't know", kb.texts.fallback,
                              score=best.score if best else 0.0, related=pointers,
                              safety_net=kb.safety_net)

    def _help(self, kb: KnowledgeBase, notice: str | None = None) -> Reply:
        examples = "\n".join(f"- {q}" for q in kb.help_examples[:3])
        body = kb.texts.help + (f"\n{examples}" if examples else "")
        return _reply(kb, Status.HELP, "What I can do", body, notice=notice)


def _summary(kb: KnowledgeBase) -> Reply:
    points = [f"- {e.key_point}" for e in kb.entries if e.key_point]
    return _reply(kb, Status.SUMMARY, "Selank: the key points", "\n".join(points),
                  source=kb.source_title)


def _topics(kb: KnowledgeBase) -> Reply:
    lines = [f"- {e.question} (`{e.id}`)" for e in kb.entries]
    return _reply(kb, Status.TOPICS, "What I can answer", "\n".join(lines),
                  source=kb.source_title)


def _ref(entry: Entry) -> EntryRef:
    return EntryRef(entry.id, entry.question)


def _answer(kb: KnowledgeBase, entry: Entry, score: float) -> Reply:
    related = tuple(_ref(e) for rid in entry.related if (e := kb.entry(rid)) is not None)
    source = f"{kb.source_title}, section \"{entry.source}\""
    return _reply(kb, Status.ANSWER, entry.question, entry.answer, entry_id=entry.id,
                  score=score, source=source, related=related,
                  comparison=entry.comparison, reviewed=entry.reviewed)


_SAFETY_TITLES = {
    "en": ("Please get help now", "Help them get help now"),
    "es": ("Por favor, busca ayuda ahora", "Ayúdale a recibir ayuda ahora"),
    "ru": ("Пожалуйста, обратись за помощью сейчас", "Помоги человеку получить помощь"),
    "uk": ("Будь ласка, звернися по допомогу зараз", "Допоможи людині отримати допомогу"),
    "de": ("Bitte hol dir jetzt Hilfe", "Hilf der Person, jetzt Hilfe zu bekommen"),
    "fr": ("S'il te plaît, demande de l'aide maintenant", "Aide cette personne à obtenir de "
           "l'aide"),
    "pt": ("Por favor, procure ajuda agora", "Ajude essa pessoa a receber ajuda agora"),
    "it": ("Per favore, chiedi aiuto adesso", "Aiuta questa persona a ricevere aiuto"),
    "pl": ("Proszę, poszukaj pomocy teraz", "Pomóż tej osobie dostać pomoc"),
}


def _safety(kb: KnowledgeBase, verdict: Triage | None) -> Reply:
    """The safety reply in the message's language, for the writer or for someone helping."""
    lang = verdict.lang if verdict is not None else "en"
    texts = kb.safety_texts(lang)
    if lang not in kb.safety:
        lang = "en"
    other = verdict is not None and verdict.danger is Danger.OTHER
    title = _SAFETY_TITLES.get(lang, _SAFETY_TITLES["en"])[1 if other else 0]
    lines = "\n".join(f"- {line}" for line in texts.lines)
    body = texts.other_text if other else texts.self_text
    return _reply(kb, Status.SAFETY, title, f"{body}\n\n{lines}")


def _with_notice(reply: Reply, notice: str) -> Reply:
    return replace(reply, notice=f"{reply.notice} {notice}" if reply.notice else notice)


def _reply(
    kb: KnowledgeBase,
    status: Status,
    title: str,
    body: str,
    *,
    entry_id: str | None = None,
    score: float = 0.0,
    source: str | None = None,
    suggestions: tuple[EntryRef, ...] = (),
    related: tuple[EntryRef, ...] = (),
    comparison: Comparison | None = None,
    notice: str | None = None,
    safety_net: str | None = None,
    reviewed: dt.date | None = None,
) -> Reply:
    """Every reply is made here, so every reply carries the knowledge base's disclaimer."""
    return Reply(
        status=status, title=title, body=body, disclaimer=kb.disclaimer,
        source=source or kb.source_title, entry_id=entry_id, score=score,
        suggestions=suggestions, related=related, comparison=comparison, notice=notice,
        safety_net=safety_net, reviewed=reviewed,
        actions=actions_for(status, entry_id, suggestions, related),
    )

"""Crisis phrases in nine languages, from `crisis_lexicon.yaml`, matched on folded text.

The lists were written by fluent writers in each language's chat register and curated
here; they are data, so a fluent admin can extend them without touching code. Each
language has:

- `ideation`, `self_harm`, `emergency_now`: a phrase alone is a crisis;
- `overdose`: taking words and substances, a crisis next to a `quantities` phrase
  ("a whole box", "todas las pastillas") or a count of five or more;
- `means_imminence`: a means or a time; two different ones together are a plan;
- `children`, `swallowed`: a young child ("mi hijo de 2 años") who swallowed ("se tragó")
  something an `overdose` phrase names ("pastillas") got into medicine, whatever the
  amount ("took", which a child given a dose also does, is not enough);
- `third_person_markers`: someone other than the writer is the one in danger;
- `calm_idioms`: "my mom will kill me": a phrase found inside one of these is not a crisis;
- `risk_markers`: a question about risk, a hypothesis or a past event ("can it cause",
  "years ago"); they calm the `weak` phrases only (a bare "suicide" or "seizure").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from bot.core.safety.folding import fold, skeleton
from bot.core.safety.hit import Hit
from bot.core.safety.safety import CONTAINER

LEXICON_PATH = Path(__file__).with_name("crisis_lexicon.yaml")
_STANDALONE = ("ideation", "self_harm", "emergency_now")
_COUNT = re.compile(
    r"(?<![\w.,])(?<!at )(?<!od )(?<!since )(?<!\d )([5-9]|[1-9]\d{1,2})(?![\w.,])"
    r"(?! ?(lat|years?|yrs?|yo|am|pm|ans|anos|anni|jahre|jahren|let|lata|weeks?|days?|months?|"
    r"hours?|mins?|minutes?|tabs open|mg|mcg|ug|ml|g|мг|мл|лет|года|год|років|роки|рік)\b)"
)
"""A count of five or more ("took 12"), not a time, a span, an age or a dose's size ("at 8",
"19 years", "a 6 yr old", "5 mg"), nor a decimal's part ("0.5 a pop", folded to "0 5")."""
_BOUGHT = re.compile(
    r"\b(bought|buy|buying|ordered|purchased|picked up|compre|compramos|comprei|comprato|"
    r"comprati|ordinato|kupilem|kupilam|kupil|kupila|zamowilem|zamowilam|gekauft|bestellt|"
    r"achete|commande|купил|купила|купили|заказал|заказала|купив|замовив|замовила)\b")
"""Containers counted as bought ("compré 10 viales"): a purchase, not an overdose."""
_LOOKALIKES = str.maketrans("aceiopxyk", "асеіорхук")
"""Latin letters typed inside Cyrillic words ("всi" with a Latin i), as their Cyrillic twins."""
_MIXED_WORD = re.compile(r"\w*[\u0400-\u04ff]\w*")


def _alternation(phrases: Iterable[str], form: str = "fold") -> re.Pattern[str] | None:
    shaped = {skeleton(p) if form == "skeleton" else fold(p) for p in phrases}
    shaped.discard("")
    if not shaped:
        return None
    body = "|".join(re.escape(p) for p in sorted(shaped, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


@dataclass(frozen=True)
class LanguageLexicon:
    """One language's compiled lists."""

    lang: str
    standalone: Mapping[str, re.Pattern[str]]
    weak: frozenset[str]
    overdose: re.Pattern[str] | None
    quantities: re.Pattern[str] | None
    means: re.Pattern[str] | None
    children: re.Pattern[str] | None
    swallowed: re.Pattern[str] | None
    others: re.Pattern[str] | None
    idioms: re.Pattern[str] | None
    risk: re.Pattern[str] | None
    cyrillic: bool

    def find(self, sentence: str) -> Hit | None:
        """The first crisis phrase of this language in one sentence, or None."""
        text = fold(sentence)
        if self.cyrillic:
            text = _MIXED_WORD.sub(lambda m: m.group(0).translate(_LOOKALIKES), text)
        hit = self._find(text, self._calm_spans(text))
        if hit is None and self.cyrillic:
            # Russian or Ukrainian typed in Latin letters: compare skeletons.
            hit = self._find_skeleton(sentence)
        return hit

    def is_risk_talk(self, sentence: str) -> bool:
        """A question about a risk, a hypothesis or a past event, in this language."""
        return self.risk is not None and bool(self.risk.search(fold(sentence)))

    def is_idiom(self, sentence: str) -> bool:
        """The sentence holds one of this language's calm idioms ("nearly had a heart attack")."""
        return self.idioms is not None and bool(self.idioms.search(fold(sentence)))

    def names_someone_else(self, sentence: str) -> bool:
        return self.others is not None and bool(self.others.search(fold(sentence)))

    def opens_with_someone_else(self, sentence: str) -> bool:
        """"mi hermana dice...", "meine Frau hat...": the sentence is about that person, though
        its first word is one a writer also uses of themselves ("mi quiero", "mi voglio")."""
        return self.others is not None and bool(self.others.match(fold(sentence)))

    def _calm_spans(self, text: str) -> list[tuple[int, int]]:
        return [m.span() for m in self.idioms.finditer(text)] if self.idioms else []

    def _find(self, text: str, calm: list[tuple[int, int]]) -> Hit | None:
        def outside(match: re.Match[str]) -> bool:
            return not any(a <= match.start() and match.end() <= b for a, b in calm)

        for kind, pattern in self.standalone.items():
            for match in pattern.finditer(text):
                if outside(match):
                    phrase = match.group(0)
                    return Hit(kind, phrase, match.start(), phrase in self.weak, self.lang)
        if self.overdose is not None:
            quantity = next((m for m in self.quantities.finditer(text) if outside(m)), None) \
                if self.quantities else None
            quantity = quantity or _COUNT.search(text)
            if quantity is not None:
                taken = [m for m in self.overdose.finditer(text)
                         if m.group(0) != quantity.group(0) and outside(m)]
                if taken and not _bought_containers(text, taken):
                    return Hit("overdose", f"{quantity.group(0)} + {taken[0].group(0)}",
                               quantity.start(), lang=self.lang)
        if self.children is not None and self.swallowed is not None \
                and self.overdose is not None:
            child = self.children.search(text)
            swallow = self.swallowed.search(text)
            what = [m.group(0) for m in self.overdose.finditer(text)
                    if outside(m) and swallow is not None
                    and not (swallow.start() <= m.start() < swallow.end())]
            if child is not None and swallow is not None and what:
                return Hit("child_ingestion", f"{child.group(0)} + {swallow.group(0)} + {what[0]}",
                           child.start(), lang=self.lang)
        if self.means is not None:
            found = {m.group(0): m.start() for m in self.means.finditer(text) if outside(m)}
            if len(found) >= 2:
                return Hit("means_imminence", " + ".join(sorted(found)), min(found.values()),
                           lang=self.lang)
        return None

    def _find_skeleton(self, sentence: str) -> Hit | None:
        text = skeleton(sentence)
        for kind, pattern in _skeleton_patterns(self.lang).items():
            match = pattern.search(text)
            if match:
                return Hit(kind, match.group(0), match.start(), lang=self.lang)
        return None


def _bought_containers(text: str, taken: list[re.Match[str]]) -> bool:
    """Every "taken" word is a container and the sentence says they were bought: "bought 10
    vials" is a purchase. "bought 10 vials and injected them all" still names a taking."""
    return bool(_BOUGHT.search(text)) and all(CONTAINER.search(m.group(0)) for m in taken)


@cache
def _skeleton_patterns(lang: str) -> dict[str, re.Pattern[str]]:
    raw = _raw()[lang]
    # Only phrases of two words or more: a single transliterated word ("suicid") could be
    # an English word, and the English patterns already look for those.
    compiled = {}
    for kind in _STANDALONE:
        phrases = [p for p in raw.get(kind, []) if len(p.split()) >= 2]
        pattern = _alternation(phrases, "skeleton")
        if pattern is not None:
            compiled[kind] = pattern
    return compiled


@cache
def _raw() -> dict[str, dict[str, list[str]]]:
    data = yaml.safe_load(LEXICON_PATH.read_text(encoding="utf-8"))
    return {lang: {kind: [str(p) for p in (lists.get(kind) or []) if str(p).strip()]
                   for kind in lists} for lang, lists in data.items()}


@cache
def lexicons() -> tuple[LanguageLexicon, ...]:
    """Every language's compiled lists, English first."""
    built = []
    for lang, lists in _raw().items():
        standalone = {kind: pattern for kind in _STANDALONE
                      if (pattern := _alternation(lists.get(kind, []))) is not None}
        built.append(LanguageLexicon(
            lang=lang,
            standalone=standalone,
            weak=frozenset(fold(p) for p in lists.get("weak", [])),
            overdose=_alternation(lists.get("overdose", [])),
            quantities=_alternation(lists.get("quantities", [])),
            means=_alternation(lists.get("means_imminence", [])),
            children=_alternation(lists.get("children", [])),
            swallowed=_alternation(lists.get("swallowed", [])),
            others=_alternation(lists.get("third_person_markers", [])),
            idioms=_alternation(lists.get("calm_idioms", [])),
            risk=_alternation(lists.get("risk_markers", [])),
            cyrillic=lang in ("ru", "uk"),
        ))
    return tuple(built)


def find(sentence: str) -> Hit | None:
    """The first crisis phrase of any language in the sentence."""
    for lexicon in lexicons():
        hit = lexicon.find(sentence)
        if hit is not None:
            return hit
    return None


def lexicon(lang: str) -> LanguageLexicon | None:
    return next((item for item in lexicons() if item.lang == lang), None)

"""Triage: is the writer, or someone near them, in danger? Decided before anything else.

It reads the whole message (no input cut applies here), sentence by sentence, so one
crisis sentence inside a long question is still seen. Two signals, either of which is
enough: the phrase patterns (English in `safety.py`, nine languages in `lexicon.py`)
and, when an encoder is given, the classifiers: sentence embeddings for English, character
n-grams (`chargrams.py`) for the other eight. The answer is a value: who is in danger,
which signal fired on which sentence, and the language to reply in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.core.safety import lexicon, safety
from bot.core.safety.chargrams import CharGramClassifier
from bot.core.safety.folding import fold
from bot.core.safety.language import detect
from bot.core.safety.triage_model import CrisisClassifier
from bot.core.smalltalk import is_help_request
from bot.matching.embedding import Encoder
from bot.matching.normalize import normalize

_SENTENCE_END = re.compile(r"(?<=[.!?;…。])\s+|\n+|\s+[-–—]\s+")
WINDOW_WORDS = 24
"""A sentence longer than this is read in overlapping windows of this many words."""
WHOLE_WORDS = 60
"""A message of at most this many words is classified whole, as the classifier was trained."""
MAX_CLASSIFIED = 48
"""At most this many pieces of one message are encoded; patterns still read every piece."""
STATEMENT_WORDS = 5
"""A statement of this many words or fewer ("salut tout le monde 👋", "grazie mille") is
held to the classifier's usual bar: greetings and thanks read much like farewells."""
_ASKS = re.compile(r"\?|\bselank|\bселанк|\bselanc", re.IGNORECASE)

_OPENER_REACH = 28
"""Characters from the start of a sentence with no question mark within which its opening
question ("could selank trigger...") still calms a weak word ("...a seizure")."""

_QUOTED_WORK = re.compile(
    r"(\b(?:song|lyrics?|theme|title|book|novel|film|movie|show|episode|poem|track|album|"
    r"chorus|scene)\b[^'\"‘“\n]{0,40})['\"‘“][^'\"’”\n]{3,120}['\"’”]", re.IGNORECASE)
"""A quoted line or title named as a work's: "the MASH theme 'Suicide Is Painless'"."""
_STORY_OPENER = re.compile(
    r"(in|on) (the|that|this|a) (movie|film|show|series|episode|book|novel|game|play)\b",
    re.IGNORECASE)
"""A sentence that opens inside a story ("In the movie the guy starts seizing")."""
_OTHERS = re.compile(
    r"\b(he|she|they|him|her|them|his|their|himself|herself|themselves|someone|somebody|"
    r"(my|our|a|the|this) (friend|best friend|bf|gf|boyfriend|girlfriend|wife|husband|partner|"
    r"son|daughter|kid|kids|child|baby|toddler|brother|sister|bro|sis|mom|mum|mother|dad|"
    r"father|grandma|grandmother|grandpa|grandfather|uncle|aunt|cousin|roommate|flatmate|"
    r"housemate|coworker|colleague|neighbor|neighbour|patient|client|student|resident|"
    r"customer|teen|teenager|"
    r"niece|nephew|fiance|fiancee|spouse|ex|twin|stepson|stepdaughter|guy|girl|little one|"
    r"\d+ year old|\d+ yo))\b"
)
_SELF = re.compile(r"\b(i|me|myself|my ?self|i am|im)\b")
_DATED_PAST = re.compile(
    r"\b(19|20)\d\d\b|\byears ago\b|\blast year\b|\bin high school\b"
    r"|\bback in (january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\b"
    r"|\bhace (\d+ |unos |varios |muchos |un par de |dos |tres |cuatro |cinco |seis |siete |"
    r"ocho |nueve |diez )?anos\b|\bel ano pasado\b"
    r"|\bcuando (era|tenia) (nino|nina|chico|chica|joven|adolescente|\d+)\b|\bde (nino|nina)\b"
    r"|\bha (\d+ |uns |alguns |muitos |dois |duas |tres |quatro |cinco |seis |sete |oito |"
    r"nove |dez )?anos\b|\banos atras\b|\bano passado\b"
    r"|\bquando (eu )?era (crianca|adolescente|nova|novo)\b|\bna infancia\b"
    r"|\by a (\d+|quelques|plusieurs) ans\b|\bl ?annee derniere\b|\bdans mon enfance\b"
    r"|\bquand j ?etais (enfant|petit|petite|ado|jeune)\b"
    r"|\bvor (\d+|einigen|vielen|ein paar|zwei|drei) jahren\b|\bletztes jahr\b"
    r"|\bals (kind|teenager|jugendliche|jugendlicher)\b|\bin meiner kindheit\b"
    r"|\b(\d+|qualche|alcuni|molti|due|tre|dieci) anni fa\b|\bl ?anno scorso\b"
    r"|\bda (bambino|bambina|piccolo|piccola|ragazzo|ragazza)\b"
    r"|\b(\d+|dwa|trzy|cztery|piec|kilka|pare|wiele|kilkanascie)? ?(lat|lata) temu\b"
    r"|\brok temu\b|\bw zeszlym roku\b|\bw dziecinstwie\b"
    r"|\bjako (dziecko|nastolatek|nastolatka)\b"
    r"|(лет|года|год) (\w+ )?назад|\bв прошлом году|\bв детстве|\bв юности"
    r"|(років|роки|рік) (\w+ )?тому|\bминулого року|\bторік|\b[ув] дитинстві"
    r"|\bна (первом|втором|третьем|четвертом) курсе"
    r"|\bна (першому|другому|третьому|четвертому) курсі")
"""History told with a date or an age, in any of the nine languages ("hace 10 años",
"в 2019", "da bambina"): a phrase in such a sentence tells of the past, not of now."""
_RENEWED = re.compile(
    r"\b(otra vez|de nuevo|esta noche|ahora mismo|de novo|outra vez|essa noite|hoje a noite"
    r"|a nouveau|de nouveau|encore une fois|ce soir|schon wieder|wieder|heute nacht"
    r"|di nuovo|ancora una volta|stanotte|stasera|znowu|znow|ponownie|dzis w nocy"
    r"|dzisiaj w nocy|again|tonight|right now)\b"
    r"|снова|опять|сегодня ночью|прямо сейчас|знову|сьогодні вночі|прямо зараз")
"""What makes old history new again ("de nuevo", "снова", "tonight")."""


class Danger(StrEnum):
    """Who the message says is in danger."""

    NONE = "none"
    SELF = "self"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Triage:
    """The decision, with what led to it (for the reply's language and `--explain`)."""

    danger: Danger
    lang: str
    signal: str = ""
    """The pattern's name, or `classifier p=0.93`; empty when no danger."""
    sentence: str = ""

    @property
    def is_crisis(self) -> bool:
        return self.danger is not Danger.NONE


class Triager:
    """Runs triage; the encoder and the classifier are optional collaborators.

    Without them (MATCHER=lexical, no model installed), the patterns alone decide.
    """

    def __init__(self, encoder: Encoder | None = None,
                 classifier: CrisisClassifier | None = None,
                 chargrams: CharGramClassifier | None = None) -> None:
        if encoder is not None and classifier is None:
            classifier = CrisisClassifier.load()
        if encoder is not None and chargrams is None:
            chargrams = CharGramClassifier.load()
        self._encoder = encoder if classifier is not None else None
        self._classifier = classifier
        self._chargrams = chargrams

    def triage(self, text: str) -> Triage:
        """Triage one whole message."""
        pieces = split(text)
        whole_normalized = normalize(text)
        framed = safety.is_general_frame(whole_normalized)
        reporting = safety.is_professional_report(whole_normalized)
        hints: list[str] = []
        unquoted = _without_quoted_works(text)
        for piece in pieces if unquoted == text else split(unquoted):
            if _STORY_OPENER.match(piece):
                continue
            found = _by_pattern(piece, framed, reporting)
            if found is not None:
                signal, phrase_lang, danger = found
                hints.append(phrase_lang)
                return Triage(danger, detect(text, hints), signal, piece)
        across = safety.find_in_message(whole_normalized)
        if across is not None:
            return Triage(_person(whole_normalized, across.start), detect(text, ["en"]),
                          f"pattern `{across.name}`", text)
        lang = detect(text)
        # The encoder is English: other languages are left to their phrase lists and to
        # the character n-gram classifier below.
        if self._encoder is not None and self._classifier is not None and pieces \
                and lang == "en":
            # A short message is read whole, the same text the ranker encodes, so the
            # encoder's cache serves both. Events told as past are calm evidence it lacks.
            chosen = _to_classify(pieces, lang, skip_past=True)
            probabilities = self._classifier.probabilities(self._encoder.encode(chosen))
            best = int(probabilities.argmax()) if chosen else 0
            if chosen and probabilities[best] >= self._classifier.threshold:
                piece = chosen[best]
                return Triage(_person(normalize(piece)), lang,
                              f"classifier p={probabilities[best]:.2f}", piece)
        if self._chargrams is not None and pieces and lang in self._chargrams.languages:
            return self._by_chargrams(self._chargrams, pieces, lang)
        return Triage(Danger.NONE, lang)

    @staticmethod
    def _by_chargrams(model: CharGramClassifier, pieces: list[str], lang: str) -> Triage:
        """The other languages' classifier, on the pieces `_to_classify` chooses; a message
        that tells rather than asks is held to the lower statement bar."""
        scored = sorted(((model.probability(p), p) for p in _to_classify(pieces, lang)),
                        reverse=True)
        bar = model.bar_for_statements if tells_rather_than_asks(" ".join(pieces), lang) \
            else model.threshold
        if scored and scored[0][0] >= bar:
            probability, piece = scored[0]
            own = lexicon.lexicon(lang)
            others = own is not None and own.names_someone_else(piece)
            return Triage(Danger.OTHER if others else Danger.SELF, lang,
                          f"chargrams p={probability:.2f}", piece)
        return Triage(Danger.NONE, lang)


def tells_rather_than_asks(text: str, lang: str) -> bool:
    """A statement of some length: no question mark, no mention of Selank, more than
    `STATEMENT_WORDS` words, and neither a greeting, a dated past nor one of the language's
    calm idioms. Ordinary messages to this bot ask about Selank; crises mostly tell."""
    own = lexicon.lexicon(lang)
    return (len(text.split()) > STATEMENT_WORDS and not _ASKS.search(text)
            and not is_help_request(normalize(text)) and not _told_as_history(text)
            and not (own is not None and own.is_idiom(text)))


def _to_classify(pieces: list[str], lang: str, skip_past: bool = False) -> list[str]:
    """What a classifier reads: a short message whole, as both were trained, a long one
    piece by piece; never a piece holding one of the language's calm idioms, nor (with
    `skip_past`, for the English classifier) one told as past or as a hypothesis; at most
    `MAX_CLASSIFIED` pieces."""
    idioms = lexicon.lexicon(lang)
    whole = " ".join(pieces)
    candidates = [whole] if len(whole.split()) <= WHOLE_WORDS else pieces
    return [p for p in candidates
            if not (idioms is not None and idioms.is_idiom(p))
            and not (skip_past and safety.is_past_or_hypothesis(normalize(p)))][:MAX_CLASSIFIED]


def split(text: str) -> list[str]:
    """The message's sentences; a long one also as overlapping windows of words."""
    pieces: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        words = sentence.split()
        if not words:
            continue
        if len(words) <= WINDOW_WORDS:
            pieces.append(" ".join(words))
            continue
        step = WINDOW_WORDS // 2
        for start in range(0, len(words) - step, step):
            pieces.append(" ".join(words[start:start + WINDOW_WORDS]))
    return pieces


def _by_pattern(piece: str, framed: bool = False,
                reporting: bool = False) -> tuple[str, str, Danger] | None:
    """The pattern or phrase that fires on one piece.

    `framed`: the message is a professional or general question, which calms the weak words
    as risk talk does; `reporting`: a professional tells of someone in danger now, and risk
    talk ("nurse", "patients") calms nothing.
    """
    normalized = normalize(piece)
    english = safety.find(normalized)
    if english is not None and english.weak and _idiom_in_any_language(piece):
        english = None
    # A weak word is calmed by risk talk around it, not by a question elsewhere in a long
    # run-on sentence ("how long does it take to work i passed out twice today").
    around = _around(normalized, english.start) if english else ""
    # A professional frame calms the bare words ("overdose presentations"), not a weak
    # pattern that tells of a means ("got the rope").
    framed_word = framed and english is not None and english.name.endswith(" word")
    # Without a question mark, a short sentence's opening question calms only the words
    # next to it: "how long does it take to work suicidal again" is a report.
    asked = piece.rstrip().endswith("?")
    talk = _risk_talk(around, around) if asked or english is None else (
        safety.is_risk_talk_past_the_opener(
            around, normalized if english.start <= _OPENER_REACH else "")
        or any(item.is_risk_talk(around) for item in lexicon.lexicons()))
    history = _told_as_history(piece)
    calmed = framed_word or (not reporting and talk) or history
    if english is not None and not (english.weak and calmed):
        person = Danger.SELF if english.name in safety.ABOUT_THE_WRITER else _person(
            normalized, english.start)
        return f"pattern `{english.name}`", "en", person
    hit = lexicon.find(piece)
    if hit is None or (hit.weak and (framed or _idiom_in_any_language(piece)
                                     or _risk_talk(piece, normalized))):
        return None
    if hit.name == "overdose" and safety.used_over_a_course(hit.matched, normalized):
        return None  # "went through the whole bottle in 10 days": a schedule
    at = normalized.find(hit.matched)
    if (hit.lang == "en" and safety.is_past_or_hypothesis(normalized, at if at >= 0 else None)) \
            or history:
        return None
    own = lexicon.lexicon(hit.lang)
    other = own is not None and own.names_someone_else(piece) and (
        not _first_person(piece) or own.opens_with_someone_else(piece))
    danger = Danger.OTHER if other or _person(normalized) is Danger.OTHER else Danger.SELF
    return f"phrase `{hit.matched}` ({hit.lang} {hit.name})", hit.lang, danger


def _idiom_in_any_language(piece: str) -> bool:
    """A weak word is shared by several languages ("suicidio"), so any language's idiom
    calms it ("un suicidio professionale"); asked only once a weak word has fired."""
    return any(item.is_idiom(piece) for item in lexicon.lexicons())


def _without_quoted_works(text: str) -> str:
    """The message with the quoted titles and lines of songs, films and books left out:
    "the song lyric 'killing myself slowly'" quotes a work; the writer says nothing of
    themselves. The classifiers still read the whole message."""
    return _QUOTED_WORK.sub(lambda m: m.group(1) + " …", text)


def _told_as_history(piece: str) -> bool:
    """Dated or told as childhood, and not made new again: a past event, in any language."""
    folded = fold(piece)
    return bool(_DATED_PAST.search(folded)) and not _RENEWED.search(folded)


def _around(normalized: str, at: int) -> str:
    """The clause around a match: a few words before it (whole words only), a few after.

    A short sentence is one clause and is read whole.
    """
    if len(normalized.split()) <= 16:
        return normalized
    start = max(0, at - 24)
    if start > 0:
        start = normalized.find(" ", start) + 1 or at
    return normalized[min(start, at): at + 40]


def _risk_talk(piece: str, normalized: str) -> bool:
    """A question about a risk, a hypothesis or a past event, in any of the languages."""
    return safety.is_risk_talk(normalized) or any(
        item.is_risk_talk(piece) for item in lexicon.lexicons())


def _person(normalized: str, at: int | None = None) -> Danger:
    """Whose crisis: the person named nearest before the words that fired, else the writer."""
    before = normalized if at is None else normalized[: at + 40]
    others = list(_OTHERS.finditer(before))
    selves = list(_SELF.finditer(before))
    if not others:
        return Danger.SELF
    if not selves:
        return Danger.OTHER
    # "my son took my pills": the subject comes first; "i found my dad unconscious": the
    # reflexive or the nearest subject before the verb decides.
    if re.search(r"\b(myself|my ?self)\b", normalized):
        return Danger.SELF
    return Danger.OTHER if others[0].start() <= selves[0].start() else _nearest(others, selves)


def _nearest(others: Sequence[re.Match[str]], selves: Sequence[re.Match[str]]) -> Danger:
    return Danger.OTHER if others[-1].start() > selves[-1].start() else Danger.SELF


_FIRST_PERSON_WORDS = frozenset(fold(w) for w in (
    "yo me mi quiero ich mich mir je moi me j io mi voglio eu me quero ja mnie я мне меня "
    "хочу мені мене").split())


def _first_person(piece: str) -> bool:
    words = fold(piece).split()
    return bool(words) and words[0] in _FIRST_PERSON_WORDS

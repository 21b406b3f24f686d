"""Guesses which of the bot's nine languages a message is written in, to reply in it.

No language model installs here, so this counts common function words, which every
sentence has and which differ between these languages; Cyrillic text is Russian or
Ukrainian by the letters only one of them uses. A guess that finds nothing is English.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.core.safety.folding import fold, has_cyrillic, skeleton

LANGUAGES = ("en", "es", "ru", "uk", "de", "fr", "pt", "it", "pl")
DEFAULT = "en"

_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split()) for lang, words in {
        "en": "i the and is are my you to of it not what do does can he she they want me "
              "this that with have has was am be just so",
        "es": "el la los las yo mi que no es un una por para con me se lo quiero ya esta "
              "estoy tengo muy pero como del al mas hoy todo nada hijo hija puedo",
        "de": "ich der die das und ist nicht mein meine mich mir ein eine zu es er sie was "
              "hat habe bin kann will auch sich wie noch heute",
        "fr": "je le la les et est pas mon ma mes moi un une de du des que il elle ce suis "
              "ai veux plus avec pour sur dans tout fils fille",
        "pt": "eu o a os as meu minha nao que um uma de do da com para por se me quero mais "
              "estou tenho muito voce ele ela isso tudo filho filha pra tomei ou em no na "
              "dos das ja",
        "it": "io il lo la gli le mio mia non che un una di del della con per mi si voglio "
              "piu sono ho sto molto lui lei questo tutto figlio figlia ce cosa fa e o "
              "ti mi ha meglio senza nel dal sul anche",
        "pl": "ja nie jest to sie mnie mi moj moja moje czy co jak juz tylko chce mam jestem "
              "na ze do w z syn corka brat siostra mama tata sobie juz dzis bardzo przez",
    }.items()
}
# Russian and Ukrainian typed in Latin letters, compared by skeleton.
_LATIN_CYRILLIC: dict[str, frozenset[str]] = {
    "ru": frozenset(skeleton(w) for w in (
        "ya ne hochu menya mne chto eto moy moya uzhe segodnya vse ochen umeret zhit "
        "pomogite ona on oni kak pochemu nichego sebya").split()),
    "uk": frozenset(skeleton(w) for w in (
        "ya ne hochu mene meni shcho tse miy moya vzhe sohodni vse duzhe pomerty zhyty "
        "dopomozhit vona vin vony yak chomu nichoho sebe").split()),
}
# Letters that mark one language (a weight of two function words each).
_LETTERS: dict[str, frozenset[str]] = {
    "pl": frozenset("ąćęłńśźż"), "pt": frozenset("ãõ"), "es": frozenset("ñ¿¡"),
    "de": frozenset("äöüß"), "fr": frozenset("âêëîïûœ"), "it": frozenset("òì"),
}
_UKRAINIAN_LETTERS = frozenset("іїєґ")
_RUSSIAN_LETTERS = frozenset("ыэъё")
_UKRAINIAN_WORDS = frozenset("я не хочу мене мені що це мій моя вже сьогодні він вона вони "
                             "як чому себе жити".split())
_RUSSIAN_WORDS = frozenset("я не хочу меня мне что это мой моя уже сегодня он она они как "
                           "почему себя жить".split())


def detect(text: str, hints: Iterable[str] = ()) -> str:
    """The message's language code; English when no other language shows more evidence.

    `hints` are languages whose crisis phrases were found in the text: a short message
    ("qro morrer") has few function words, but the phrase itself says which language it is.
    """
    if has_cyrillic(text):
        return _cyrillic(text)
    words = fold(text).split()
    if not words:
        return DEFAULT
    scores = {lang: sum(w in vocabulary for w in words) for lang, vocabulary in _WORDS.items()}
    letters = set(text.casefold())
    for lang, marks in _LETTERS.items():
        scores[lang] += 2 * len(letters & marks)
    skeletons = [skeleton(w) for w in words]
    for lang, vocabulary in _LATIN_CYRILLIC.items():
        scores[lang] = sum(s in vocabulary for s in skeletons) - scores["en"] // 2
    for lang in hints:
        if lang in scores:
            scores[lang] += 3
    best = max(scores, key=lambda lang: (scores[lang], lang == DEFAULT))
    return best if scores[best] > scores[DEFAULT] else DEFAULT


def _cyrillic(text: str) -> str:
    lowered = text.casefold()
    letters = set(lowered)
    if letters & _UKRAINIAN_LETTERS and not letters & _RUSSIAN_LETTERS:
        return "uk"
    if letters & _RUSSIAN_LETTERS and not letters & _UKRAINIAN_LETTERS:
        return "ru"
    words = lowered.split()
    uk = sum(w in _UKRAINIAN_WORDS for w in words) + 2 * len(letters & _UKRAINIAN_LETTERS)
    ru = sum(w in _RUSSIAN_WORDS for w in words) + 2 * len(letters & _RUSSIAN_LETTERS)
    return "uk" if uk > ru else "ru"

"""Recognizes messages that need a person, not an FAQ: crisis, self-harm, overdose, emergency.

Checked before any matching. A false alarm costs a kind message; a miss could cost a life,
so the patterns lean wide and tolerate the usual misspellings.
"""

from __future__ import annotations

import re

from rapidfuzz import process
from rapidfuzz.distance import OSA

_PATTERNS = [
    r"\bsu[i1]c[i1]d",
    r"\bsuic?ide?",
    r"\bkill(ing)? (my ?self|me)\b",
    r"\bkms\b",
    r"\bend(ing)? (my|it) (own )?(life|all)\b",
    r"\bend it all\b",
    r"\b(end|ending) it (all|tonight|today|now|soon)\b",
    r"\b(feel like|thinking (of|about)|want to|going to) (end|ending) it\b",
    r"\bswallow(ed)? (a |the |an )?(whole |entire |full )?(bottle|pack|packet|box|handful)\b",
    r"\b(bottle|handful) of (pills|tablets)\b",
    r"\btake my (own )?life\b",
    r"\b(want|wanna|wish|going|planning|ready) (to )?(die|be dead)\b",
    r"\bbetter off dead\b",
    r"\bno reason to live\b",
    r"\bdo not want to (live|be alive|wake up)\b",
    r"\bself ?harm",
    r"\bhurt(ing)? my ?self\b",
    r"\bcut(ting)? my ?self\b",
    r"\bover ?dos(e|ed|ing)\b",
    r"\bo ?d(ed|d)?\b on\b",
    r"\btook (way |far |much )?(too much|too many|a lot too much|double|triple)\b",
    r"\b(can not|cannot|cant|hard to|trouble|struggling to) breath",
    r"\bnot breathing\b",
    r"\bthroat (is )?(closing|swelling|swollen|tight)",
    r"\b(tongue|tounge|lips?|face|mouth|eyes?) .{0,25}(swelling|swollen|swell(ed|s)? up)",
    r"\b(not|wo not|will not|can not|cannot) (waking|wake) (up|him|her|them)\b",
    r"\b(turning|turned|going) blue\b",
    r"\banaphyla",
    r"\bchest pains?\b",
    r"\bseizure",
    r"\bconvuls",
    r"\b(passed|passing) out\b",
    r"\bunconscious\b",
    r"\bunresponsive\b",
    r"\bheart (is )?(racing|pounding) .*(faint|dizzy)",
    r"\bsevere (allergic )?reaction\b",
    r"\bemergency\b",
    r"\bcall (911|112|999|an ambulance)\b",
    r"\bpoison(ed|ing)?\b",
]
_CRISIS = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))
_CRISIS_WORDS = ("suicide", "suicidal", "overdose", "overdosed", "anaphylaxis", "unconscious")


def is_crisis(normalized: str) -> bool:
    """True when the normalized message reads as a crisis or a medical emergency."""
    if _CRISIS.search(normalized):
        return True
    for word in normalized.split():
        if len(word) >= 6 and process.extractOne(
            word, _CRISIS_WORDS, scorer=OSA.distance, score_cutoff=2
        ):
            return True
    return False

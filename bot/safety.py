"""Recognizes messages that need a person, not an FAQ: crisis, self-harm, overdose, emergency.

Checked before any matching, on normalized text (lowercase, contractions spelled out).
A false alarm costs a kind message; a miss could cost a life, so the patterns lean wide
and tolerate the usual misspellings. Hypothetical questions that merely use an alarming
word ("is it safe to drive", "this exam is killing me") are left to the FAQ.
"""

from __future__ import annotations

import re

from rapidfuzz import process
from rapidfuzz.distance import OSA

_SELF = r"(my ?self|me)"
_PATTERNS = [
    # Suicide and wanting to die.
    r"\bsu[i1]c[i1]d", r"\bsuic?ide?", r"\bsucid", r"\bkms\b", r"\bkys\b", r"\bunalive",
    rf"\bkill(ing)? {_SELF}\b", rf"\boff(ing)? {_SELF}\b", rf"\bend(ing)? {_SELF}\b",
    r"\bend(ing)? (my|it) (own )?(life|all)\b", r"\bend it all\b", r"\btake my (own )?life\b",
    r"\b(end|ending) it (all|tonight|today|now|soon)\b",
    r"\b(feel like|thinking (of|about)|want to|going to|gonna) (end|ending) it\b",
    r"\b(want|wanna|wish|going|planning|ready|deserve) (to )?(die|be dead)\b",
    r"\bwish i (was|were) (dead|gone|never born)\b",
    r"\bbetter off (dead|without me)\b", r"\bno (reason|point) (to|in) (live|living|go on)",
    r"\b(do not|dont) want to (live|be alive|wake up|be here|exist)\b",
    r"\b(can not|cannot|cant) (go on|take it anymore|do this anymore|keep going)\b",
    r"\bnobody (would|will) (miss|care)", r"\bsleep (and|forever|and never) (not )?wake",
    r"\b(not|never) wake up again\b", rf"\bhang(ing)? {_SELF}\b",
    r"\b(jump|jumping) (off|from) (a |the )?(bridge|building|roof)",
    r"\blethal (dose|amount)", r"\bhow (much|many) .{0,30}to (die|kill)",
    r"\bgoodbye (forever|world|everyone)\b",
    # Self-harm.
    r"\bself ?harm", r"\bself ?injur", rf"\bhurt(ing)? {_SELF}\b", rf"\bcut(ting)? {_SELF}\b",
    rf"\bburn(ing)? {_SELF}\b", r"\b(been|started|keep) cutting\b", r"\bslit (my )?wrist",
    # Overdose and poisoning.
    r"\bover ?dos(e|ed|es|ing)\b", r"\boverdosd", r"\bo ?d(ed|d)?\b on\b", r"\bpoison",
    r"\btook (way |far |much |a lot |so much )?(too much|too many|double|triple|the whole)",
    r"\b(took|take|taking|swallowed) (all|a bunch|a handful|\d+) (of )?(my |the )?"
    r"(pills|tablets|meds|sprays|shots|doses)",
    r"\bswallow(ed)? (a |the |an )?(whole |entire |full )?(bottle|pack|packet|box|handful)",
    r"\b(bottle|handful) of (pills|tablets)\b", r"\bdouble dosed\b",
    # Breathing, allergy, heart, brain.
    r"\b(can not|cannot|cant|hard to|trouble|struggling to|difficulty|unable to) breath",
    r"\bnot breathing\b", r"\bstopped breathing\b", r"\bshort(ness)? of breath\b",
    r"\bthroat (is )?(closing|swelling|swollen|tight)",
    r"\b(tongue|tounge|lips?|face|mouth|eyes?) .{0,25}(swelling|swollen|swell(ed|s)? up)",
    r"\banaphyla", r"\bsevere (allergic )?reaction\b", r"\ballergic reaction\b.{0,40}\bbreath",
    r"\bchest (pains?|tight|pressure|hurts?)", r"\bheart attack\b", r"\bstroke\b",
    r"\bface (is )?droop", r"\bslurred speech\b", r"\bseiz(ure|ing)", r"\bconvuls",
    r"\bfitting\b.{0,20}\b(floor|ground)", r"\b(passed|passing|pass) out\b", r"\bfaint(ed|ing)\b",
    r"\bunconscious\b", r"\bunresponsive\b", r"\b(not|wo not|will not|can not) (waking|wake)"
    r" (up|him|her|them)\b", r"\b(turning|turned|going) blue\b",
    r"\bheart (is )?(racing|pounding) .*(faint|dizzy|chest|breath|dying)",
    r"\bfeel(s|ing)? like (i am|i m|im) dying\b", r"\b(i am|im|i m) dying\b(?! to)",
    r"\b(vomiting|throwing up|coughing up) blood\b", r"\bbleeding (heavily|a lot|badly)\b",
    # Asking for emergency help.
    r"\bemergency\b(?! use)", r"\bcall (911|112|999|an ambulance)\b", r"\bambulance\b",
    r"\b(go|going|get) to (the )?(er|a and e|emergency room|hospital) (now|right now)\b",
    r"\bshould i go to the (er|emergency room|hospital)\b",
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

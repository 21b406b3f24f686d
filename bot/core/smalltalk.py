"""Recognizes greetings and requests for help, which get the help reply, not an FAQ match.

A greeting followed by a real question is a question ("hi, is it addictive?"), so only
what is left after greetings and politeness decides.
"""

from __future__ import annotations

import re

from bot.core.safety.folding import fold

_GREETING = re.compile(
    r"^((hi+|hey+|hello+|helo|hiya|howdy|yo+|sup|hola|greetings|gm|morning|evening|"
    # The greetings of the languages our members write English in (dev sets A and B).
    r"hallo|servus|moin|bonjour|salut|ciao|buongiorno|ola|oi|privet|zdravstvuyte|wsg|"
    r"tudo bem|namaskar|salam|salaam|marhaba|kamusta|"
    r"czesc|dzien dobry|namaste|buenos dias|buenas|guten tag|"
    r"good (morning|afternoon|evening|day)|thanks?|thank you|ty|ok|okay)\b"
    r"( (there|bot|selank bot|selankbot|all|everyone|guys|folks|friend|mate|ji)\b)*\s*)+"
)
_POLITE = re.compile(r"\b(please|pls|plz|kindly|the|bot|selank bot|selankbot|assistant|quick)\b")
_ABOUT_THE_BOT = (
    r"(what|which) (kinds? of |sorts? of |types? of )?(questions|topics|things|stuff)"
    r" (can|could|do|should|may) i ask",
    r"(what|which) (topics|things|questions|subjects) (can|do|does) (you|this|it) "
    r"(cover|answer|know|handle|help with)",
    r"(what|which) (can|could|do) you (do|know|answer|cover|help( me)? with|tell me)",
    r"(explain|tell me|show me) (what|which) (topics|questions|things) (you|this|it)",
    r"how (do|can|should) i (use|ask|talk to) (you|this|it)",
    r"how does this (thing |bot )?work",
    r"(who|what) are you", r"what is this", r"what can i ask( you)?",
    r"what do you know( about)?", r"(list|show) (your )?(topics|commands)",
)
_HELP = re.compile(
    r"^(help|halp|hlep|help me|helpp+|commands?|menu|start|usage|options|info|\?+)$"
    # A question about the bot may trail a word or two ("...this covers"), no more: "what
    # can you tell me about side effects" is a question about Selank.
    + "".join(rf"|(^|\b){pattern}( \w+){{0,2}}$" for pattern in _ABOUT_THE_BOT)
)


_ABOUT_THE_BOT_ANYWHERE = re.compile(
    r"\bare you (just |only |actually |really |even )?(a |an )?(real |actual |licensed |"
    r"qualified )?(human|person|people|bot|robot|ai|machine|program|programme|computer|"
    r"doctor|doc|clinician|pharmacist|chatgpt|gpt|language model|automated)\b"
    r"|\bwho (made|built|coded|created|programmed|runs|owns|is behind) (you|this bot|"
    r"this thing)\b"
    r"|\bwh?at (can|could) you (even |actually |really )?(do|answer)\b"
    r"|\bwhat is your (deal|purpose|job)\b"
    r"|\b(give|show|suggest) me (a |some )?(sample|example) questions?\b"
)
"""Questions about the bot that say so wherever they stand in a short message ("hi! what
can you do, and are you a real person?"); no question about Selank asks them."""
SHORT_WORDS = 14
"""A message this short that asks who or what the bot is asks nothing else."""


def is_help_request(normalized: str) -> bool:
    """True for an empty message, a bare greeting, or a question about the bot itself.

    Accents are folded first, so "Olá" and "Cześć" are the greetings "ola" and "czesc".
    """
    rest = " ".join(_POLITE.sub(" ", fold(normalized)).split())
    rest = _GREETING.sub("", rest).strip()
    return not rest or bool(_HELP.search(rest)) or (
        len(rest.split()) <= SHORT_WORDS and bool(_ABOUT_THE_BOT_ANYWHERE.search(rest)))

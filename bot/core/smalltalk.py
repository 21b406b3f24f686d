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
    r"|\b(you are|am i (talking|speaking|chatting) (to|with))( \w+){0,4} (a |an )?"
    r"(real |actual |live )?(human|person|people|bot|robot|ai|machine|program|programme|"
    r"computer|doctor|chatbot)\b"
)
"""Questions about the bot that say so wherever they stand in a short message ("hi! what
can you do, and are you a real person?"); no question about Selank asks them."""
SHORT_WORDS = 14
"""A message this short that asks who or what the bot is asks nothing else."""

_WHO_OR_WHAT_ANSWERS = re.compile(
    # Who or what is answering: a person or a program.
    r"\b(human|person|people|doctor|clinician|pharmacist)\b[^.?!]{0,30}\bor\b[^.?!]{0,30}"
    r"\b(bot|robot|ai|machine|program|programme|programmes|computer|automated|automatic)\b"
    r"|\b(bot|robot|ai|machine|program|programme|computer)\b[^.?!]{0,30}\bor\b[^.?!]{0,30}"
    r"\b(human|person|people|doctor)\b"
    r"|\bis (this|it) (all |just )?(automated|automatic|a bot|a robot|an ai|a chatbot|"
    r"a program|a programme|a machine|chatgpt)\b"
    r"|\b(is|are) (a |any |some )?(real )?(person|people|human|humans|someone) (reading|"
    r"answering|writing|behind)\b"
    r"|\b(generated|written) by (a |an )?(language model|ai|bot|machine|chatgpt|gpt)\b"
    r"|\bto whom\b|\bwhat (exactly )?are you\b|\bwho'?s? (is )?(behind|running) (this|it|"
    r"the bot|you)\b"
    # Where its answers come from, and what they may be used for.
    r"|\b(who|what) (wrote|writes|composed|made|checks|checked|reviews|reviewed) (your|the|"
    r"these) (answers|replies|content|info|information)\b"
    r"|\b(source|sources|provenance|origin|basis)( material)? (of|for|behind) (your|these|"
    r"the bot'?s?) (answers|replies|content|info|information|knowledge)\b"
    r"|\byour (knowledge|information|info|content|data)( base)? (sources?|provenance|"
    r"comes? from|based on)\b|\banswers? sources?\b"
    r"|\b(copy|use|share|quote|cite|trust) your (answers|replies|content)\b"
    # What it can be asked, and how.
    r"|\bwhat (all|else) (can|could|may) you\b|\bwhat (can|could|may) i ask you\b"
    r"|\bwhat (all )?you (are able to|can) (answer|do|cover|help)\b"
    r"|\bwhat (kinds?|sorts?|types?) of (questions|things|stuff|queries|topics) (can|could|"
    r"do|may|should) (you|i)\b"
    r"|\b(questions|things) (i (can|could|should|might) ask|to ask) you\b"
    r"|\b(menu|scope|outline|overview) of (what |the (queries|questions|topics) )?you\b"
    r"|\bscope of (queries|questions|topics)\b|\bhow (do |can |should )?i (use|ask) you\b"
    r"|\bare you (only|just) (about|for)\b"
    r"|\b(clinical|medical) (guidance|advice) or (just |only )?general\b"
)
"""Who or what answers, where its answers come from, and what it can be asked: the dev
sets' help questions the shorter list missed ("You are robot or real people answer me?",
"What's your knowledge source, PubMed or something narrower?"). Each names the bot as
"you" or its answers as "your answers", which no question about Selank does."""
ABOUT_THE_BOT_WORDS = 30
"""A message up to this long that asks one of those is a question about the bot: a
sentence of context may come first ("Before I trust anything you say...")."""


def is_help_request(normalized: str) -> bool:
    """True for an empty message, a bare greeting, or a question about the bot itself.

    Accents are folded first, so "Olá" and "Cześć" are the greetings "ola" and "czesc".
    """
    rest = " ".join(_POLITE.sub(" ", fold(normalized)).split())
    rest = _GREETING.sub("", rest).strip()
    words = len(rest.split())
    return not rest or bool(_HELP.search(rest)) or (
        words <= SHORT_WORDS and bool(_ABOUT_THE_BOT_ANYWHERE.search(rest))) or (
        words <= ABOUT_THE_BOT_WORDS and bool(_WHO_OR_WHAT_ANSWERS.search(rest)))

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
    r"\b(human|person|persn|people|doctor)\b"
    r"|\bis (this|it) (all |just )?(automated|automatic|a bot|a robot|an ai|a chatbot|"
    r"a program|a programme|a machine|chatgpt)\b"
    r"|\b(is|are) (a |any |some )?(real )?(person|people|human|humans|someone) (reading|"
    r"answering|writing|behind)\b"
    r"|\b(generated|written) by (a |an )?(language model|ai|bot|machine|chatgpt|gpt)\b"
    r"|\bto whom\b|\bwhat (exactly )?are you\b|\bwho'?s? (is )?(behind|running) (this|it|"
    r"the bot|you)\b"
    # Where its answers come from, and what they may be used for.
    r"|\b(who|what) (actually |really )?(wrote|writes|composed|made|checks|checked|reviews|"
    r"reviewed) (your|the|"
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
_BOT = (r"(you|yu|ya|your|this (bot|thing|thng|tool|assistant|service|helper|robot|channel)|"
        r"the (bot|assistant|peptide bot|machine|helper|robot|service)|(this|the) selank "
        r"(bot|helper|assistant)|whoever answers|ths|bot|assistant)")
"""The bot, however a member names it; never a bare "it", which is Selank in most questions."""
_NAMED_BOT = _BOT.replace("you|yu|ya|your|", "")
"""The bot named as such, not as "you": "are you a doctor?" may open a question about Selank."""
_ABOUT_THE_BOT_BY_NAME = re.compile(
    # The languages it answers in, and what it keeps.
    rf"\b{_BOT}\b[^.?!]{{0,25}}\b(speak|speek|talk|answer|reply|respond|understand|handle|"
    r"do|does|write|work)s?( also| any| in)*\b[^.?!]{0,12}\b(spanish|espanol|german|deutsch|"
    r"french|francais|russian|portuguese|portugues|chinese|hindi|japanese|italian|polish|"
    r"ukrainian|arabic|other languages?|any languages?|languages?)\b"
    r"|\b(which|what|other|any) languages?\b|^languages\b"
    r"|\b(store|stores|save|saves|keep|keeps|log|logs|retain|retained|record|records)\b"
    r"[^.?!]{0,30}\b(messages?|chats?|conversations?|wh?at i (type|write|say)|my (data|"
    r"questions|history)|correspondence|a record)\b|^privacy\b|\bdata protection\b"
    rf"|\b{_BOT} (retains?|stores?|saves?|keeps?|logs?|records?|remembers?)\b"
    rf"|\b(will|do|does|can) {_BOT} remember\b|\bcorrespondence with {_BOT}\b"
    # Whether its answers can be trusted, and who stands behind them.
    rf"|\b(trust|trst|reliable|vetted|unvetted|verified|accountable|hallucinat\w*|accurate)\b"
    rf"[^.?!]{{0,40}}\b(this bot|the bot|this service|this tool|this assistant|your "
    r"(answers|answrs|anwsers|replies|responses|information|info))\b"
    rf"|\b(this bot|the bot|this service|this tool|this assistant|your (answers|answrs|anwsers|"
    r"replies|responses|information|info))\b[^.?!]{0,40}\b(trust|trst|reliable|vetted|"
    r"unvetted|verified|accountable|hallucinat\w*|accurate|reviewed|checked|expert)"
    r"|\b(trust|quote|reproduce|share|cite|copy|use|pass along) (what|anything) (you|the bot|"
    r"this bot) (says?|tells?( me)?|said|gives?)\b"
    r"|\b(reproduce|share|quote|cite|copy|print|print out|screenshot) (your|the bot'?s?|"
    r"this bot'?s?) (responses|answers|replies)\b|\b(use|quote) this bot'?s? answers\b"
    r"|\bscreenshot (what|anything) (you|the bot) (says?|tells?)\b"
    r"|\b(anything|what) (you|the bot) (says?|tells?)\b[^.?!]{0,20}\b(legit|true|accurate|"
    r"reliable)\b|\btrust (a|this|the) (chat ?bot|bot|robot|machine)\b"
    r"|\b(confidence|faith) in (the answers of (this|the) bot|your answers|this bot|the bot)\b"
    r"|\banswers (given )?here (are )?(verified|checked|reviewed|reliable|accurate)\b"
    r"|\b(vetted|verified|reviewed|checked|approved|accurate|reliable)\b[^.?!]{0,40}"
    r"\b(content|information|info|answers) (this bot|the bot|you|this service) (provides?|"
    r"gives?)\b"
    r"|\bsource your answers\b|\byour answers are (drawn|taken|based)\b"
    r"|\byour answers (appropriate|ok|okay|fine|allowed) to (cite|quote|share|use)\b"
    r"|\bwhe?re? (do|does) (your|the bot'?s?|this bot'?s?) (answers|anwsers|answrs|info|"
    r"information|replies) come\b"
    r"|\b(are you|is (this|the) bot)\b[^.?!]{0,15}\b(run|owned|made|paid|funded) by\b"
    r"|\bwho'?s? (is )?(runnin|running|runs|operates|owns|responsible for|behind|in charge "
    r"of)\b"
    r"[^.?!]{0,30}\b(this|ths|bot|service|thing|thng|you)\b"
    r"|\b(provenance|source|sources|origin) of the (information|info|answers|content) (you|"
    r"this bot|the bot)\b|\b(one|a single) article repackaged\b|\bdraws? on (a single|one|"
    r"many) (article|source)"
    # What it is for, what it covers, and how to use it.
    rf"|\b(is|are) {_BOT}\b[^.?!]{{0,15}}\b(only|just|solely|restricted)\b[^.?!]{{0,25}}"
    r"\b(selank|peptides?)\b"
    r"|\bselank only,? or\b|\b(scope|range) of (this|the) (tool|bot|service|assistant)\b"
    r"|\bis (this|ths) (only|just) (for|about|abt) (selank|peptides)\b"
    rf"|\b{_BOT} (only|just) (talks?|answers?|covers?|knows?)\b"
    r"|\bis this the (selank )?(bot|helper|assistant)\b"
    rf"|\bwhat (is|are|'s) {_BOT} (\w+ )?for\b|\bwhat (kind|kinds|sort|type) of questions "
    rf"(is|are) {_BOT}\b"
    rf"|\b(how|hw) (do |can |should |must |to )?(i |we )?(can )?(use|ask|write|word|phrase|type|"
    rf"talk to)\b[^.?!]{{0,30}}"
    rf"\b{_BOT}\b|\bhow (does|do) {_BOT} work"
    rf"|\b(range|scope|kinds?|sorts?|types?) of (questions|topics|queries|things)\b"
    rf"[^.?!]{{0,30}}\b(you|the bot|this bot)\b"
    r"|\bwh?a?t (should|shud|shld|can|could|do|am) i (supposed to |meant to )?ask (you|yu)\b"
    rf"|\b(is|are) {_NAMED_BOT}\b[^.?!]{{0,10}}\b(a |an )?(real |actual )?(person|human|people|"
    r"doctor|program|ai|bot|robot|persn|machine)\b|\bis (that|it) a bot\b"
    r"|\bwhat exactly (it|this) is set up\b"
    # The same questions in the other languages members write in.
    r"|\b(que|qu) (puedes|puede|sabes) (hacer|responder)|\bpara (que|qu) (sirve|serve) "
    r"(este|esta|esse|el|o|ce) (bot|canal|chat)|\bhablas? (espanol|ingles)\b|\bbot habla\b"
    r"|\b(kann|spricht|versteht) (der|dieser|das) bot\b|\bwas kann (der|dieser) bot\b"
    r"|\bbot parle\b|\ba quoi sert (ce|le|cet) (bot|canal|assistant)\b"
    r"|бот (понимает|говорит|умеет|отвечает)|что умеет (этот )?бот|бот (розуміє|говорить|вміє)"
    r"|\bo bot (responde|fala)\b|\bbot kya karta\b|机器人|ボット"
)
"""Questions about the bot that name it ("does the bot speak French?", "do you store my
messages?", "can I trust your answers?"), in the words of a training set written for it
(`help-train`): the languages it speaks, what it keeps, who stands behind its answers, what
it is for and how to use it. Read before "bot" and "the" are set aside as politeness."""
ABOUT_THE_BOT_WORDS = 30
"""A message up to this long that asks one of those is a question about the bot: a
sentence of context may come first ("Before I trust anything you say...")."""


def is_help_request(normalized: str) -> bool:
    """True for an empty message, a bare greeting, or a question about the bot itself.

    Accents are folded first, so "Olá" and "Cześć" are the greetings "ola" and "czesc".
    """
    folded = fold(normalized)
    rest = " ".join(_POLITE.sub(" ", folded).split())
    rest = _GREETING.sub("", rest).strip()
    words = len(rest.split())
    return not rest or bool(_HELP.search(rest)) or (
        words <= SHORT_WORDS and bool(_ABOUT_THE_BOT_ANYWHERE.search(rest))) or (
        words <= ABOUT_THE_BOT_WORDS and bool(_WHO_OR_WHAT_ANSWERS.search(rest)
                                              or _ABOUT_THE_BOT_BY_NAME.search(folded)))

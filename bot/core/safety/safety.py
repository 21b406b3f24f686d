"""English crisis patterns, written for any person, tense and number, on normalized text.

Each pattern has a name (shown by `ask --explain`) and a strength. A strong pattern is a
report ("my wife is seizing on the floor", "took 12 ambien") and always fires. A weak one
is a bare alarming word ("seizure", "suicide", "overdose") that a question about a risk,
a hypothesis or a past event uses too ("could it trigger a seizure?", "my uncle had a
heart attack in 2019"): it fires only when the sentence is none of those.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.safety.safety_earlier import EARLIER

_WHO = (r"(i|me|my|myself|he|she|they|him|her|them|his|their|we|someone|somebody|"
        r"(my|our|a|the) \w+( \w+)?)")
_SELVES = r"(my ?self|him ?self|her ?self|them ?selves|them ?self|your ?self|one ?self)"
_WANT = (r"(want|wants|wanted|wanting|wanna|want to|wish|wishes|wished|going to|gonna|"
         r"planning|plans|plan|planned|ready|deserve|deserves|trying|tried|try|"
         r"would rather|rather|decided|need|needs|about|thinking about|thought about|"
         r"going|gonna|will|is going|am going)")
_TAKE = (r"(took|take|taken|taking|takes|swallowed|swallow|swallowing|drank|drink|drunk|ate|"
         r"eaten|eat|popped|pop|downed|chugged|injected|inject|snorted|had|has|got into|"
         r"gotten into|into)")
_AMOUNT = (r"(\d{2,}|[5-9]|(five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
           r"thirty|forty|fifty|hundred)|a (whole|full|entire) \w+|the (whole|entire|rest of "
           r"the) \w+|all (of )?(my|his|her|their|the|your)|a (handful|bunch|fistful|lot|ton|"
           r"dozen)|handfuls|dozens|way too (much|many)|too (much|many)|half (a|the) bottle|"
           r"a (bottle|box|pack|packet|strip|sheet|blister))")
_RELATIVE_CHILD = (r"(kid|child|son|daughter|baby|toddler|little one|year old|yo|\d+ ?yo|"
                   r"niece|nephew|grandson|granddaughter|boy|girl)")

_STRONG = {
    "kill oneself": rf"\bkill(s|ed|ing)? {_SELVES}\b|\bkms\b|\bkys\b|\bunaliv",
    "suicide slang": r"\bsewer ?slide|\bself ?delet|\bsu[i1]c[i1]d(e|al)? (myself|himself)",
    "suicidal now": r"\b(i am|i feel|i m|feeling|been feeling|i have been|getting|he is|she "
                    r"is|they are|i get) (so |very |really |pretty |kind of |kinda )?su[i1]c[i1]"
                    r"?d(al|e)\b",
    "want to die": rf"\b{_WANT} (to )?(die|be dead|not be alive|not exist|disappear forever|"
                   r"end (it|it all|everything|things|my life|his life|her life|their life)|"
                   r"not wake up|never wake up|sleep forever|stop existing|be gone)\b"
                   r"(?! (of|if|than|for|laughing|when))",
    "wish dead": r"\bwish(es|ed)? (i|he|she|they) (was|were|would be|could be) (dead|gone|never"
                 r" born)|\bbetter off (dead|without (me|him|her|them))|\brather be dead",
    "end it all": r"\bend(s|ed|ing)? (it all|my life|his life|her life|their life|"
                  r"(it|things|everything) (tonight|today|now|soon|for good))\b|"
                  r"\b(take|taking|took|takes) (my|his|her|their) (own )?life\b|"
                  r"\b(want|wants|wanted) (it|everything|it all) to (just )?(end|stop)",
    "no will to live": r"\b(do not|does not|did not|no longer) (want|wants|wanted) to (live|"
                       r"be alive|wake up|be here|exist|go on)\b|\btired of (living|life|being "
                       r"alive|existing)|\bno (reason|point) (to|in) (live|living|go on|going "
                       r"on|keep going|being alive)|\b(life|living) is not worth|\bnot worth "
                       r"living\b|\b(can not|cannot) (go on|do this anymore|take it anymore)",
    "no one would miss": r"\b(nobody|no one|noone) (would|will|is going to) (even )?(miss|care|"
                         r"notice)|\b(everyone|everybody|they|family) (would|will) be better "
                         r"(off )?without (me|him|her)|\bwill not be (a burden|around|here) "
                         r"(much )?(longer|anymore|tomorrow|next week)",
    "farewell": r"\b(goodbye|suicide|farewell) (note|letter|message)s?\b|\bthis is goodbye\b|"
                r"\bsay(ing|s)? goodbye to (everyone|everybody|all)|\btexted (me |us )?goodbye"
                r"|\b(give|gives|giving|given|gave) (away )?(all )?(my|his|her|their) "
                r"(stuff|things|belongings|possessions) away\b|\bgiving away (my|his|her|their) "
                r"(stuff|things|belongings|possessions)",
    "means": r"\bnoose\b|\b(rope|gun|pistol|rifle|shotgun) (is |are )?(ready|loaded|in my hand)"
             r"|\b(gun|pistol) (to|in) (my|his|her) (head|mouth)|\b(holding|have|got|bought|has"
             r"|found|loaded) (a|the|my|his|her|dad s|my dad s) (gun|pistol|rope|shotgun|rifle)"
             r"\b.{0,40}\b(tonight|now|today|use|ready|end|do it|know what)|\bhang(ing|ed)? "
             rf"{_SELVES}",
    "jump": rf"\b(jump|jumping|jumped|throw {_SELVES}|step|stepping) (off|from|in front of) "
            r"(a |the |this |that )?(bridge|building|roof|cliff|balcony|train|bus|car|truck|"
            r"window|tower|overpass|ledge|parking garage)|\b(standing|sitting|am|is) on (the|a|"
            r"this) (ledge|edge|railing|roof|bridge)\b|\b(parked|standing) (by|at|on) the "
            r"bridge",
    "pills ready": r"\b(pills|meds|tablets) (are )?(lined up|ready|counted|saved up|in front of)"
                   r"|\b(counted|counting|saved|saving|stockpil\w*|hoard\w*) (out |up )?(my |the |"
                   r"his |her |all )?(pills|meds|tablets)",
    "lethal amount": r"\b(lethal|fatal|deadly) (dose|amount)|\bhow (much|many) .{0,40}\b(to die|"
                     r"to kill|would kill|is fatal|to not wake up|to never wake up)|\bbest way"
                     r" to (die|kill)|\bpainless(ly)? (way|death|to die)|\bquickest way to die|"
                     r"\benough to (die|kill|not wake up|never wake up|end it)",
    "self-harm act": rf"\b(cut|cuts|cutting|burn|burns|burned|burnt|burning|stab|stabbed|"
                     rf"stabbing|hurt|hurts|hurting|harm|harms|harming|harmed|punch|punching|"
                     rf"hit|hitting|starv\w+|scratch\w*|carv\w+) {_SELVES}\b|\b(been|started|"
                     r"keep|kept|still|back to|again) (cutting|burning|self harming)\b|\b(slit|"
                     r"cut|slash|slashed|slitting|cutting) (my |his |her |their )?(wrists?|"
                     r"veins?|throat)|\b(till|until) (they|it|i|he|she) (bleed|bleeds|bled)\b",
    "overdose report": rf"\b{_TAKE} (like |about |around |maybe |over |at least |almost |"
                       rf"nearly )?{_AMOUNT}\b|\b(whole|entire) (bottle|prescription|supply|"
                       r"pack|packet|box|vial|blister|strip)\b|\b(do not|does not|no idea|not "
                       r"sure) (know )?how many (i |he |she |they )?(took|swallowed|ate|had)|"
                       r"\b(i|he|she|they|we|just|has|have) (overdosed|od|od would|oded|od d)\b",
    "poisoning": r"\b(drank|swallowed|ingested|ate|drinking|swallowing|drunk) (some |a |the )?"
                 r"(bleach|poison|antifreeze|detergent|drain cleaner|laundry pod|tide pod|rat "
                 r"poison|pesticide|lighter fluid|button battery|battery|magnets)",
    "child into medicine": rf"\b{_RELATIVE_CHILD}\b.{{0,50}}\b(got into|ate|swallowed|drank|"
                           r"took|chewed|found|into|eaten|in) .{0,30}\b(pills|meds|medicine|"
                           r"medication|tablets|gummies|vitamins|bottle|cabinet|vial|selank|"
                           r"drugs|xanax|tylenol|advil|melatonin)",
    "breathing": r"\b(can not|cannot|could not|can barely|barely|hard to|trouble|struggling to|"
                 r"difficulty|unable to) breath|\b(not|stopped|is not|are not|isnt) breathing\b"
                 r"|\bbreathing (is |are )?(really |very |so )?(slow|shallow|weird|strange)|"
                 r"\bgasping\b|\bchoking\b",
    "turning blue": r"\b(lips|face|skin|he|she|they|is|are) (are |is )?(turning |turned |going )"
                    r"?blue\b",
    "collapse now": rf"\b{_WHO} (is|are|am|just|has|have|keeps?|started) (seizing|convulsing|"
                    r"fitting|having a seizure|having seizures|having a stroke|having a heart "
                    r"attack|unconscious|unresponsive|collapsed|passed out|fainted|not "
                    r"responding|foaming)|\b(shaking|jerking|convulsing|seizing|twitching|lying)"
                    r" .{0,20}\b(on the floor|on the ground)|\bfoaming at the mouth|\b(will not|"
                    r"wo not|can not|cannot|could not) (wake|waking) (him|her|them|up)|\bnot "
                    r"(waking|wake) up\b|\bunconscious\b|\bunresponsive\b",
    "stroke signs": r"\bface (is |are )?droop|\bdroop(ing|y)? (face|on one side|mouth)|"
                    r"\bslurr(ed|ing)|\bone side of (my|his|her|their) (body|face)|\b(can not|"
                    r"could not) (lift|move|feel) (my|his|her|their) (arm|leg|face|hand)|"
                    r"\bwords (come|coming|came) out wrong|\bworst headache",
    "chest pain now": r"\bcrushing\b.{0,20}\bchest|\bchest .{0,30}(down|into) (my|his|her) "
                      r"(left )?arm|\bpain (down|in) (my|his|her) left arm",
    "bleeding": r"\b(vomiting|throwing up|coughing up|puking) blood|\bbleeding (heavily|a lot|"
                r"badly|so much)|\bbleeding (will not|would not|does not|can not) stop|\b(will "
                r"not|would not|does not) stop bleeding|\bblood everywhere",
    "dying now": r"\bfeel(s|ing)? like (i am|i m|he is|she is) dying\b|\b(i am|i think i am|he "
                 r"is|she is|they are) dying\b(?! (to|of laughter|of boredom|for))",
    "plans and hints": r"\b(have|got|made) a plan\b(?! (for|to (take|use|start|try|taper|"
                       r"stop|buy|ask)))|\bwill (it|this|that) kill me\b|"
                       r"\basking for (me|my ?self)\b|"
                       r"\b(do not|dont) try to stop me\b|\b(bought|got|have) a gun\b|"
                       r"\b(no|any) way out\b|\bother than dying\b|\bthinking (about|of) "
                       r"(dying|death)\b|\bto end it\b|\bpainless(ly)?\b|\bhigh enough\b|"
                       r"\b(not|never) (plan on |planning on )?(be|being) (alive|around)\b|"
                       r"\bnot that (i will|ill|i ll) be around\b|\b(shoot|shooting|drown|"
                       rf"drowning|poison|poisoning|hang|hanging) {_SELVES}\b",
    "body in danger": r"\bblack(ing|ed)? out\b|\bhigh fever\b.{0,40}\b(shak|chill|rigid|confus|"
                      r"stiff)|\b(redness|red) .{0,25}spreading|\brigid muscles\b|\bfeel(s|ing)?"
                      r" faint\b|\bdouble dosed\b",
    "call for help": r"\bcall (911|112|999|an ambulance|ems)\b|\bambulance\b|\b(go|going|get|"
                     r"take (him|her|them|me)) to (the )?(er|a and e|emergency room|hospital) "
                     r"(now|right now)\b|\bshould i (go to|call|take (him|her|them) to) (the )?"
                     r"(er|emergency room|hospital|911|ambulance)",
}
_WEAK = {
    "suicide word": r"\bsu[i1]c[i1]d|\bsuicd|\bsucid|\bsuiside",
    "self-harm word": r"\bself ?harm|\bself ?injur",
    "overdose word": r"\bover ?dos(e|ed|es|ing)\b|\boverdosd",
    "reaction word": r"\banaphyla|\bsevere (allergic )?reaction|\bseiz(ure|ures|ing)\b|"
                     r"\bconvuls|\bheart attack\b|\bstroke\b|\bchest (pain|pains|tight|tightness"
                     r"|pressure)\b|\b(passed|passing) out\b|\bfaint(ed|ing)\b|\bcollaps(ed|"
                     r"ing)\b",
    "throat or face swelling": r"\bthroat (is |feels |keeps )?(closing|swelling|swollen|tight)|"
                               r"\b(tongue|lips?|face|mouth|eyes?) (is |are |keeps )?(swelling|"
                               r"swollen|swelled up|swells up|puffing up|puffed up)",
    "swelling word": r"\b(tongue|tounge|lips?|face|mouth|eyes?) .{0,25}(swelling|swollen|"
                     r"swell(ed|s)? up)",
    "emergency word": r"\bemergency\b(?! (use|authorization|contraception))",
}
_RISK_TALK = re.compile(
    r"^(can|could|does|do|did|is|are|will|would|might|may|has|have|what|how|which|why|any|"
    r"should|in theory|theoretically)\b.{0,60}\b(selank|it|this|that|you|one|people|someone|"
    r"a person|anyone|users?|peptides?)\b|\b(side effects?|risk|risks|cause|causes|trigger|"
    r"triggers|lead to|linked|associated|known|reported|theoretically|in theory|possible|"
    r"history of|symptoms of|signs of|what happens if|what would happen|what if|look like|"
    r"research|study|studies|article|paper|podcast|volunteer|counselor|nurse|paramedic|"
    r"ideation|novel|thesis|character|screenwriter|writing|movie|film|emt|patients|"
    r"hypothetically|antidote|reports of|prevention)\b|\bif (i|you|someone|he|she)\b"
)
_PAST = re.compile(
    r"\b(in|back in) (19|20)\d\d\b|\b(\d+|a|one|a few|few|couple|several|two|three|many|ten)"
    r" (of )?(years?|months?|yrs) (ago|back)\b|\blast (year|month|summer|winter|spring|fall|"
    r"decade)\b|\bwhen i was\b|\bas a (kid|child|teen|teenager)\b|\bused to\b|\bin the past\b"
    r"|\bhistory\b|(?<!at )\bonce\b(?! (i|you|he|she|they|we|it|everything|all))"
    r"|\bas a (teen|teenager|kid)\b|\bdied (of|from)\b|"
    r"\b(stopped|quit) .{0,30}\bago\b|\bdisorder\b|\bin college\b|\bwhen (he|she) was\b"
)
_NEGATED = re.compile(r"\b(no|not|never|without|nor|zero)( \w+){0,2}$")


@dataclass(frozen=True, slots=True)
class PatternHit:
    """One English pattern that fired, with the words it matched."""

    name: str
    matched: str
    start: int
    weak: bool = False


_STRONG_RE = {name: re.compile(pattern) for name, pattern in _STRONG.items()}
_WEAK_RE = {name: re.compile(pattern) for name, pattern in _WEAK.items()}
_WEAK_RE["earlier pattern"] = EARLIER


_TOLD_AS_INTENT = frozenset({
    "want to die", "plans and hints", "lethal amount", "suicidal now", "no will to live",
    "no one would miss", "farewell", "means", "jump", "pills ready", "wish dead",
})
"""Wishes and plans: a crisis even when told with "if" or a date ("if it fails i'll...")."""
_HYPOTHESIS = re.compile(r"\b(if|hypothetically|what if|in theory|theoretically|imagine)\b")


def find(normalized: str) -> PatternHit | None:
    """The first pattern that reads this normalized sentence as a crisis, or None.

    A report told as past ("years ago I took too many pills") or as a hypothesis ("if
    someone swallowed a whole vial") is history or a question, not a crisis now.
    """
    past = _PAST.search(normalized)
    for name, pattern in _STRONG_RE.items():
        match = pattern.search(normalized)
        if match is None:
            continue
        if name in _TOLD_AS_INTENT:
            return PatternHit(name, match.group(0), match.start())
        if not past and not _HYPOTHESIS.search(normalized[: match.start()]):
            return PatternHit(name, match.group(0), match.start())
    for name, pattern in _WEAK_RE.items():
        for match in pattern.finditer(normalized):
            if not _NEGATED.search(normalized[: match.start()].rstrip()):
                return PatternHit(name, match.group(0), match.start(), weak=True)
    return None


def is_past_or_hypothesis(normalized: str) -> bool:
    """Told as history ("years ago", "when i was 19") or as a hypothesis ("if someone")."""
    return bool(_PAST.search(normalized) or _HYPOTHESIS.search(normalized))


def is_risk_talk(normalized: str) -> bool:
    """A question about a risk, a hypothesis or a past event, not a report of one."""
    return bool(_RISK_TALK.search(normalized) or _PAST.search(normalized))


def is_crisis(normalized: str) -> bool:
    """True when the normalized sentence reads as a crisis, on English patterns alone."""
    hit = find(normalized)
    return hit is not None and not (hit.weak and is_risk_talk(normalized))

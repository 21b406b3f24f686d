"""The patterns of the first crisis check, kept as a weak signal under the new guards.

They were written against the team's 120-message set and cover its wordings; under the
risk-question, past-event and idiom guards of `bot.core.safety.safety` their false alarms ("could it
trigger a seizure?", "my uncle had a heart attack in 2019") no longer fire.
"""

from __future__ import annotations

import re

_OLD_SELF = r"(my ?self|me)"
_EARLIER = [
    # Suicide and wanting to die.
    r"\bsu[i1]c[i1]d", r"\bsuic?ide?", r"\bsucid", r"\bsewer ?slide", r"\bkms\b", r"\bkys\b",
    r"\bunaliv", r"\bkill(ing)? (my ?self|yourself|your self)\b",
    r"\b(want|wanna|need|please|just) (to )?kill me\b", r"\bkill me now\b",
    rf"\boff(ing)? {_OLD_SELF}\b", r"\bend(ing)? my ?self\b", r"\bshoot(ing)? my ?self\b",
    r"\bend(ing)? (my|it) (own )?(life|all)\b", r"\bend it all\b", r"\btake my (own )?life\b",
    r"\b(end|ending) (it|things|everything) (all|tonight|today|now|soon|once)\b",
    r"\b(feel like|thinking (of|about)|want to|going to|gonna|planning to|plan to) "
    r"(end|ending) (it|things|everything)\b", r"\bto end it\b",
    r"\b(want|wanna|wish|going|planning|ready|deserve) (to )?(die|be dead)\b",
    r"\bwish i (was|were) (dead|gone|never born)\b", r"\bthinking about (dying|death)\b",
    r"\bbetter off (dead|without me)\b", r"\btired of (living|life|being alive)\b",
    r"\bno (reason|point) (to|in) (live|living|go on|going on|keep going|stay)",
    r"\b(life|living) is not worth", r"\bwhat is even the point\b", r"\bno way out\b",
    r"\b(do not|dont) want to (live|be alive|wake up|be here|exist)\b",
    r"\b(can not|cannot|cant) (go on|take it anymore|do this anymore|keep going)\b",
    r"\b(nobody|no one) (would|will) (even )?(miss|care)", r"\bnever wake up\b",
    r"\bsleep (and|forever|and never) (not )?wake", r"\b(not|never) wake up again\b",
    r"\b(not|never) (plan on |planning on )?(be|being) (alive|around)\b",
    r"\bnot that (i will|ill|i ll) be around\b", r"\bwill (it|this|that) kill me\b",
    r"\bway out (other than|but|except) (dying|death|suicide)", r"\bother than dying\b",
    rf"\bhang(ing)? {_OLD_SELF}\b", r"\bnoose\b",
    r"\b(got|have|bought) (a|the) (rope|gun)\b", r"\b(jump|jumping) (off|from) (a |the )?"
    r"(bridge|building|roof)", r"\b(bridge|building|roof) .{0,20}high enough\b",
    r"\blethal (dose|amount)", r"\bhow (much|many) .{0,30}to (die|kill)",
    r"\bbest way to (die|kill)", r"\bpainless(ly)? (way|death|to die)|\bwill it be painless",
    r"\bgoodbye (forever|world|everyone|letters?|notes?)\b", r"\bsay(ing)? goodbye to everyone",
    r"\b(suicide|goodbye) (note|letter)", r"\btexted (me )?goodbye\b",
    r"\bdo not try to stop me\b", r"\bpills (lined up|ready)\b", r"\basking for (me|my ?self)\b",
    # Self-harm.
    r"\bself ?harm", r"\bself ?injur", rf"\bhurt(ing)? {_OLD_SELF}\b", r"\bcut(ting)? my ?self\b",
    r"\bburn(ing)? my ?self\b", r"\bstab(bed|bing)? my ?self\b", r"\b(been|started|keep) "
    r"cutting\b", r"\b(slit|cut) (my |his |her |their )?wrists?", r"\b(till|until) (they|it|i) "
    r"bleeds?\b", r"\bon purpose\b.{0,40}\b(hurt|bleed|cut|stab)",
    # Overdose and poisoning.
    r"\bover ?dos(e|ed|es|ing)\b", r"\boverdosd", r"\bo ?d(ed|d)?\b on\b", r"\bpoison",
    r"\btook (way |far |much |a lot |so much )?(too much|too many|double|triple|the whole)",
    r"\b(took|take|taking|swallowed|ate) (all|a bunch|a handful|\d{2,}|[5-9]) (of )?"
    r"(my |the |your |his |her |their )?(sleeping )?(pills|tablets|meds|sprays|shots|doses|"
    r"antidepressants|medication)", r"\b(whole|entire) (bottle|prescription|supply|pack)\b",
    r"\b(all|whole|entire) .{0,20}at once\b", r"\b(do not|dont) know how many\b",
    r"\b(bottle|handful) of (pills|tablets)\b", r"\bdouble dosed\b",
    r"\b(swallowed|took|ate) (a |the |an )?(whole |entire |full )?(bottle|pack|packet|box|handful)",
    r"\ball (of )?(my|the|his|her|their) sleeping pills\b",
    r"\b(swallowed|drank|ingested) (some )?(bleach|poison|antifreeze|detergent|drain cleaner)",
    r"\b(mistake|accident|accidentally)\b.{0,80}\b(spinning|faint|vomit|can not stand|"
    r"heart|breath|confus|collapse)",
    # Breathing, allergy, heart, brain, infection, bleeding.
    r"\b(can not|cannot|cant|hard to|trouble|struggling to|difficulty|unable to) breath",
    r"\bnot breathing\b", r"\bstopped breathing\b", r"\bshort(ness)? of breath\b",
    r"\bbreathing (is )?(really |very |so )?(slow|shallow)\b",
    r"\bthroat (is )?(closing|swelling|swollen|tight)",
    r"\b(tongue|tounge|lips?|face|mouth|eyes?) .{0,25}(swelling|swollen|swell(ed|s)? up)",
    r"\b(lips|face|skin) (are |is )?(turning |turned |going )?blue\b",
    r"\banaphyla", r"\bsevere (allergic )?reaction\b", r"\ballergic reaction\b.{0,40}\bbreath",
    r"\bchest (pains?|tight|pressure|hurts?)", r"\b(sitting|sits) on my chest\b",
    r"\bcrushing\b.{0,20}\bchest", r"\bheart attack\b", r"\bstroke\b",
    r"\bface (is )?droop", r"\bslurr(ed|ing)", r"\bone side of (my|his|her|their) (body|face)",
    r"\b(can not|cant) (lift|move|feel) (my|his|her) (arm|leg|face|hand)",
    r"\bwords (come|coming|came) out wrong\b", r"\bsuddenly confused\b",
    r"\bworst headache\b", r"\bseizure", r"\bseizing\b(?! (the |my |our |their )?(parcels?|"
    r"packages?|shipments?|orders?|goods|imports?|mail))", r"\bconvuls",
    r"\bfitting\b.{0,20}\b(floor|ground)", r"\b(passed|passing|pass) out\b",
    r"\bfaint(ed|ing)\b", r"\bblack(ing|ed)? out\b", r"\bunconscious\b", r"\bunresponsive\b",
    r"\b(not|is not|are not) responding\b", r"\b(not|wo not|will not|can not) (waking|wake)"
    r" (up|him|her|them)\b", r"\b(turning|turned|going) blue\b",
    r"\bheart (is )?(racing|pounding) .*(faint|dizzy|chest|breath|dying)",
    r"\bfeel(s|ing)? like (i am|i m|im) dying\b",
    r"\b(i am|im|i m) dying\b(?! (to|here|over here|lol))",
    r"\bhigh fever\b.{0,40}\b(shak|chill|rigid|confus|stiff)", r"\b(redness|red) .{0,25}spreading",
    r"\bmuscles? (are |is )?(rigid|stiff)\b.{0,40}\b(fever|confus)", r"\brigid muscles\b",
    r"\b(vomiting|throwing up|coughing up) blood\b", r"\bbleeding (heavily|a lot|badly)\b",
    r"\bbleeding (wo not|will not|would not|does not|doesnt|won t) stop", r"\bblood everywhere\b",
    # Asking for emergency help.
    r"\bemergency\b(?! use)", r"\bcall (911|112|999|an ambulance)\b", r"\bambulance\b",
    r"\b(go|going|get) to (the )?(er|a and e|emergency room|hospital) (now|right now)\b",
    r"\bshould i go to the (er|emergency room|hospital)\b",
]
EARLIER = re.compile("|".join(f"(?:{p})" for p in _EARLIER))

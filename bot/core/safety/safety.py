"""English crisis patterns, written for any person, tense and number, on normalized text.

Each pattern has a name (shown by `ask --explain`) and a strength. A strong pattern is a
report ("my wife is seizing on the floor", "took 12 ambien") and always fires. A weak one
is a bare alarming word ("seizure", "suicide", "overdose") that a question about a risk,
a hypothesis or a past event uses too ("could it trigger a seizure?", "my uncle had a
heart attack in 2019"): it fires only when the sentence is none of those.
"""

from __future__ import annotations

import re

from bot.core.safety.hit import Hit
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
           r"most of (my|his|her|their|the) (pills|meds|medication|tablets|bottle|supply|"
           r"prescription|"
           r"stash|oxy\w*|painkillers|sleeping pills|benzos|xanax|opioids)|"
           r"a (bottle|box|pack|packet|strip|sheet|blister))")
_SPANS = (r"(seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?|yrs?|"
          r"times|tries|attempts|goes|nerves|nervios|anxiety|stress|energy|trouble|problems|"
          r"questions|homework|work|pressure|patience|experience|friends|people|kids)\b")
"""What an amount after "took" or "has" measures when it is no dose: time, tries, feelings."""
_RELATIVE_CHILD = (r"(kid|child|son|daughter|baby|toddler|little one|year old|yo|\d+ ?yo|"
                   r"niece|nephew|grandson|granddaughter|boy|girl)")

_STRONG = {
    "kill oneself": rf"\bkill(s|ed|ing)? {_SELVES}\b|\bkms\b|\bkys\b|\bunaliv|\b(top|tops|topped|"
                    rf"topping|off|offs|offed|offing|do|does|did|doing) {_SELVES} in\b|\b(top|"
                    rf"tops|topped|topping|offed|offing) {_SELVES}\b",
    "suicide slang": r"\b(thinking about|think about|thought about|thinking of|planning|plan to|"
                     r"want to|wanna|going to|gonna|ready to|about to|decided to) (ctb|catch the "
                     r"bus|cth)\b|\bsewer ?slide|\bself ?delet|\bsu[i1]c[i1]d(e|al)? (myself|"
                     r"himself)|\bcommit (die|dying|death|sudoku|seppuku|toaster bath|self ?delete|"
                     r"neck|not alive|unalive)\b",
    "suicidal now": r"\b(patient|client|student|resident|caller|member) (is|seems|looks|sounds) "
                    r"(\w+ )?su[i1]c[i1]?d(al|e)\b|\b(i am|i feel|i m|feeling|been feeling|"
                    r"i have been|getting|he is|she is|"
                    r"they are|i get) (so |very |really |pretty |kind of |kinda "
                    r")?su[i1]c[i1]?d(al|e)\b",
    "want to die": rf"\b{_WANT} (to |2 )?(die|be dead|not be alive|not exist|disappear forever|end "
                   rf"(it|it all|everything|things|my life|his life|her life|their life)|not wake "
                   rf"up|never wake up|sleep forever|stop existing|be gone)\b(?! (of|if|than|"
                   rf"laughing|when|a little)\b)(?! for (?!(days|weeks|months|years|ages|a (while|"
                   rf"long "
                   rf"time|few (days|weeks|months))|so long|a year|ever|now|good)\b))",
    "wish dead": r"\bwish(es|ed)? (i|he|she|they) (was|were|would be|could be) (dead|gone|never "
                 r"born)|\bbetter off (dead|without (me|him|her|them))|\brather be dead",
    "end it all": r"\bend(s|ed|ing)? (it all|my life|his life|her life|their life|(it|things|"
                  r"everything) (tonight|today|now|soon|for good))\b|\b(take|taking|took|takes) "
                  r"(my|his|her|their) (own )?life\b|\b(want|wants|wanted) (it|everything|it all) "
                  r"to (just )?(end|stop)",
    "no will to live": r"\b(do not|does not|did not|no longer) (really |even |honestly |actually |"
                       r"particularly |truly )?(want|wants|wanted) to (live|be alive|wake up|be "
                       r"here|exist|go on)\b|\btired of (living|life|being alive|existing)|\bno "
                       r"(reason|point) (to|in) (live|living|go on|going on|keep going|being "
                       r"alive)|\b(life|living) is not worth|\bnot worth living\b|\b(can not|"
                       r"cannot) (go on|do this anymore|take it anymore)|\b(can not|cannot|"
                       r"could not|do not|"
                       r"does not|no longer|not) (really |even )?(see|imagine|picture) (a|any) "
                       r"future (for (me|my ?self|him ?self|her ?self)|anymore|any more|ahead|"
                       r"at all)\b|"
                       r"\bno future for (me|my ?self|him|her)\b|"
                       r"\bnothing left (for me|to live for|to look forward to)\b",
    "no one would miss": r"\b(nobody|no one|noone) (would|will|is going to) (even )?(miss|care|"
                         r"notice)|\b(everyone|everybody|they|family) (would|will) be better (off "
                         r")?without (me|him|her)|\b(everyone|everybody|the world|(my|his|her|"
                         r"their) (family|kids|parents|friends)|family|they|people) (would|will) "
                         r"(\w+ )?be (better off|happier|relieved|fine|glad|better)( \w+)? "
                         r"(without (me|him|her|them)|(if|when|once) (i|he|she|they) (just |"
                         r"simply |finally |were to )?(was |were |am |is |m )?(gone|dead|not "
                         r"(here|around|alive)|no longer (here|around|alive)|died|die|dies|"
                         r"disappeared|left for good|killed|kill|topped|top|offed|ended it|end it|"
                         r"never (came|come) back|(did|do|does) not (come back|wake up|exist)|"
                         r"never woke up|never existed|(was|were) never born)\b)|\b(everyone|"
                         r"everybody|the world) (would|will) (\w+ )?be better off (if )?(i|he|"
                         r"she)$|\bwill not be (a burden|around|here) (much )?(longer|anymore|"
                         r"tomorrow|next week)|\blife insurance\b.{0,60}\bbetter off\b|"
                         r"\bbetter off\b.{0,60}\b(life "
                         r"insurance|insurance (money|payout|pays out))\b",
    "farewell": r"\b(goodbye|suicide|farewell) (note|letter|message)s?\b|\b(this is|it is|that "
                r"this is|that it is|said it was|was) (probably |likely |definitely |going to "
                r"be |gonna be |prob )?(my|his|her|their) (very )?last (post|"
                r"message|msg|text|video|story|tweet|day)(?=$| (ever|here|on here|goodbye|"
                r"bye|and|so|"
                r"sorry|love)\b)|\b(writing|wrote|written|write|writes|"
                r"left) (letters|notes) (to|for) (everyone|everybody|the people|people|my (family|"
                r"kids|loved ones|parents|friends)|his|her|their)\b|\b(will not|wo not) (be "
                r")?need(ing)? (them|it|these|those|this|anything|any of (it|this|them|that))( "
                r"(anymore|any more|again|after \w+( \w+)?|where i am going))?$|\b(will not|wo "
                r"not) need (a refill|anything|any more|more).{0,30}\b(after|where i am going|"
                r"anymore|any more)\b|\bthis is goodbye\b|\bsay(ing|s)? goodbye to (everyone|"
                r"everybody|all)|\btexted (me |us )?goodbye|\b(give|gives|giving|given|gave) "
                r"(away )?(all )?(my|his|her|their) (stuff|things|belongings|possessions) away\b|"
                r"\bgiving away (my|his|her|their) (stuff|things|belongings|possessions)",
    "means": rf"\bnoose\b|\b(rope|gun|pistol|rifle|shotgun) (is |are )?(all )?(ready|loaded|"
             rf"in my hand|set "
             rf"up|tied|tied up|hung|hung up)\b|"
             rf"\b(gun|pistol) (to|in) (my|his|her) (head|mouth)|\b(holding|have|got|bought|has|"
             rf"found|loaded) (a|the|my|his|her|dad s|my dad s) (gun|pistol|rope|shotgun|"
             rf"rifle)\b.{{0,40}}\b(tonight|now|today|use|ready|end|do it|know what)|\bhang(ing|"
             rf"ed)? {_SELVES}",
    "jump": rf"\b(jump|jumping|jumped|throw {_SELVES}|step|stepping) (off|from|out of|in front "
            rf"of) (a |the |this |that |my |our )?(\w+ )?(bridge|building|roof|cliff|balcony|train|"
            rf"bus|car|truck|window|"
            rf"tower|overpass|ledge|parking garage)|\b(standing|sitting|am|is) on (the|a|this) "
            rf"(ledge|edge|railing|roof|bridge|tracks|train tracks|railway tracks)\b|\b(parked|"
            rf"standing) (by|at|on) the bridge|\b(standing|"
            rf"sitting|am|is|are) (up|out|right|now|already|here) (up |out |here )?on (the|a|this|"
            rf"top of the|top of a) (ledge|edge|railing|roof|rooftop|bridge|tracks|train tracks)\b"
            rf"(?!.*\b(fixing|cleaning|repairing|painting|installing|working|party|barbecue|"
            rf"bbq)\b)|"
            rf"\b(bridge|roof|rooftop|ledge|cliff|balcony|overpass)\b.{{0,80}}\b(to )?(look|"
            rf"looking|"
            rf"stare|staring|looked|stared) (down|over the edge)\b|\btrain\b.{{0,40}}\b(not|never) "
            rf"(to |going to )?(get|getting|board|boarding) on (it|the train|board)\b",
    "pills ready": r"\b(pills|meds|tablets) (are )?(lined up|ready|counted|saved up|in front of)|"
                   r"\b(counted|counting|saved|saving|stockpil\w*|hoard\w*) (out |up )?(my |the |"
                   r"his |her |all )?(pills|meds|tablets)|\b(stockpil\w*|hoard\w*|saved up|"
                   r"saving up) (my |the "
                   r"|his |her |all )?(oxy\w*|opioids?|painkillers?|sleeping pills|sleepers|"
                   r"benzos?|"
                   r"xanax|valium|insulin|medication|medicine|prescriptions?|morphine|fentanyl|"
                   r"tramadol|codeine|seroquel|lithium|antidepressants)\b",
    "passive wish": r"\bif (i|he|she) (do not|does not|did not|never|dont) wake "
                    r"up\b.{0,40}\b(fine|ok|okay|good|better|relief|whatever|do not care|would "
                    r"not mind|would not care)\b|\b(hope|hoping|praying|pray) (i|he|she) (do not|"
                    r"does not|never|wont|will not) (wake up|see (tomorrow|the morning))\b|"
                    r"\b(would not|wouldn t|do not|dont) mind (if i|not|never) (died|die|dying|"
                    r"waking up|wake up|being here|existing)\b",
    "lethal amount": r"\b(lethal|fatal|deadly) (dose|amount)|\bhow (much|many) .{0,40}\b(to die|"
                     r"to kill|would kill|is fatal|to not wake up|to never wake up)|\bbest way to "
                     r"(die|kill)|\bpainless(ly)? (way|death|to die)|\bquickest way to die|"
                     r"\benough to (die|kill|not wake up|never wake up|end it)|\b(car |the "
                     r")?exhaust (fumes? )?.{0,30}\b(garage|hose|closed|sealed|inside the car)|"
                     r"\bhose .{0,20}\bexhaust|\b(charcoal|coal) .{0,20}\b(sealed|closed|room|"
                     r"tent|car|bathroom)\b.{0,20}\b(how long|enough|die)|\b(looked up|look up|"
                     r"looking up|"
                     r"googled|searched|researched|calculated|worked out|figured out) how (much|"
                     r"many) (of )?(my |his |her |the |those |these )?(\w+ )?(pills|tablets|meds|"
                     r"medication|painkillers|sleepers)\b.{0,30}\b(would be|is|are|be|it would "
                     r"take) enough\b(?! (to|for) (work|feel|notice|help|see|get|treat|start|"
                     r"last|sleep|fall asleep|relax|calm)\b)|\benough\b.{0,40}\b(i|he|she|they) "
                     r"(have|has|got|have got) (way )?(more than (that|enough)|that many|plenty)\b",
    "self-harm act": rf"\b(cut|cuts|cutting|burn|burns|burned|burnt|burning|stab|stabbed|stabbing|"
                     rf"hurt|hurts|hurting|harm|harms|harming|harmed|punch|punching|hit|hitting|"
                     rf"starv\w+|scratch\w*|carv\w+) {_SELVES}\b|(?<!nose )(?<!eyes )(?<!skin )"
                     rf"(?<!throat )(?<!it )\b(been|started|keep|kept|still|back to|again) "
                     rf"(cutting|burning|self harming)\b|\b(slit|cut|slash|slashed|"
                     rf"slitting|cutting) (my |his |her |their )?(wrists?|veins?|throat)|\b(till|"
                     rf"until) (they|it|i|he|she) (bleed|bleeds|bled)\b|\b(relapsed|relapse|"
                     rf"relapsing|relapses) (on|into|with|back into) (self ?harm\w*|cutting|"
                     rf"burning|sh)\b|\b(my|the) urges? to (self ?harm|cut|burn|hurt my ?self) "
                     rf"(got|has gotten|have gotten|is getting|are getting|gets|is|are|has been|"
                     rf"have been|became|keeps? getting) (a lot |so much |much |way )?(stronger|"
                     rf"worse|unbearable|really bad|so bad|back)|\b(cut|cuts|cutting|burn|burns|"
                     rf"burned|burnt|burning|carve|carved|carving|scratch|scratched|slash|slashed) "
                     rf"(my|his|her|their) (wrists?|arms?|forearms?|legs?|thighs?|stomach|skin|"
                     rf"hips?|ankles?|chest) with (a |the |my |his |her )?(lighter|cigarette|"
                     rf"razor|razor blade|blade|knife|scissors|box cutter|compass|hot (iron|"
                     rf"metal|spoon))\b(?!.*\b(accident\w*|slipped|while (cooking|shaving|"
                     rf"chopping)))",
    "self-harm now": r"\b(hitting|bang|bangs|banging|bashing|smashing) "
                     r"(my|his|her|their) head (against|on|into) (the |a )?(wall|floor|door|desk)"
                     r"|\b(cutting|burning) (again|at night|tonight|every night|every day|daily|"
                     r"deeper)\b|\b(opened|opening|reopened) (up )?(the |my |his |her )?(old )?"
                     r"(scars|wounds|cuts)\b|\b(pour|poured|pouring) (boiling|hot) water on "
                     r"(my|his|her|their) (hand|arm|skin|leg|wrist)s?\b",
    "means set up": r"\b(belt|rope|cord|cable|scarf|sheet) .{0,25}\b(over|to|around|on) (the |a |"
                    r"my )?(closet|wardrobe|door|rod|rail|beam|hook|banister|ceiling)\b|\b(test|"
                    r"tested|testing) (if |whether )?it (holds|held|will hold|would hold) (my|his|"
                    r"her) weight\b|\b(grill|charcoal|bbq)\b.{0,40}\b(bathroom|bedroom|car|"
                    r"garage)\b.{0,60}\b(taped|sealed|blocked)\b|\bair (into|in) (a|my|his|her) "
                    r"vein\b|\bmethod (is |s )?(sorted|chosen|ready|picked|decided)\b|\b(going "
                    r"to|gonna|thinking about|thinking of|about to|planning to|want to|will) "
                    r"(drive|driving|swerve|swerving|crash|crashing) (\w+ ){0,3}(into|off) (a |the "
                    r"|an )?(next |oncoming |nearest )?(wall|truck|tree|bridge|cliff|coast road|"
                    r"oncoming|lorry|river|lake)\b",
    "on purpose": r"\b(took|mixed|swallowed|injected|drank|downed|ate) .{0,50}\bon purpose\b"
                  r"|\b(whole|entire|all (of )?(my|his|her|their)) (\w+ ){0,3}(pills|meds|"
                  r"tablets|methadone|insulin|supply|prescription|medication)\b.{0,20}\b(at "
                  r"once|in one go|all at once)\b",
    "told plainly": r"\b(dying|death|being dead|not being here) (feels|sounds|seems) like (a )?"
                    r"(relief|rest|peace|freedom)\b|\b(do not|dont) see (myself|me) (being )?"
                    r"(around|alive|here) (much longer|for long|for much longer|next year)\b|"
                    r"\bhow to (not exist|stop existing|disappear for good|disappear forever)\b|"
                    r"\btell (my|him|her|them) (\w+ )?(it was not|it wasnt|it was never) (his|her|"
                    r"their|your|anyone s) fault\b|\b(easier|better off|lighter|happier) (\w+ )"
                    r"{0,6}without me( in it| around| here)?\s*([.!,;]|$)|\beverything (from|in) "
                    r"the medicine cabinet\b|\b(lethal|fatal|deadly) in a (big|large|high) enough "
                    r"(amount|dose)\b",
    "emergency told plainly": r"\b(he|she|they) (is|are|s|looks|look) (grey|gray|pale|blue) and "
                              r"(sweaty|clammy|cold|limp|floppy)\b|\b([2-9]|two|three|four|five) "
                              r"(\w+ )?patches\b.{0,20}\b(at once|at the same time)\b|\b(was "
                              r"given|given|gave|got) (another|someone else s|the wrong) (\w+ )?"
                              r"(\w+ )?(insulin|meds|medication|methadone|pills)\b|\bhad a fit\b"
                              r".{0,40}\b(floor|ground|woke|tongue)\b|\b(got|has|have) a (knife|"
                              r"blade|gun|rope)\b.{0,40}\b(going to|gonna) do it\b",
    "slang now": r"\bctb (soon|tonight|today|now|this weekend)\b|\b(gonna|going to|will|about "
                 r"to|might) sudoku\b|\bsh ?ing (again|agian)\b|\b(do not|dont) (wanna|want "
                 r"to) (b|be) here (no )?(mor|more|anymore|no more)\b",
    "overdose report": rf"(?<!not want to )(?<!not wanna )(?<!never )\b{_TAKE} (like |about |"
                       rf"around |maybe |over |at least |almost |nearly )?{_AMOUNT}\b"
                       rf"(?! (of )?({_SPANS}|tabs open))|\b(whole|entire) (bottle|prescription|"
                       rf"supply|pack|packet|"
                       rf"box|vial|blister|strip)\b|\b(do not|does not|no idea|not sure) (know "
                       rf")?how many (i |he |she |they )?(took|swallowed|ate|had)|\b(i|he|she|"
                       rf"they|we|just|has|have) (overdosed|od|od would|oded|od d)\b|\b(oded|od "
                       rf"d)\b|\b(did|done|used|sprayed|took|taken|had|snorted|injected|put on|"
                       rf"applied|stuck on) (like |"
                       rf"about "
                       rf"|around |maybe |over |at least )?(\d{{2,}}|[5-9]|ten|twelve|fifteen|"
                       rf"twenty|"
                       rf"thirty|forty|fifty|three|four) (\w+ )?(sprays|pumps|puffs|squirts|doses|"
                       rf"shots|"
                       rf"hits|injections|patches)\b.{{0,25}}\b(at once|in one go|at one time|all "
                       rf"at once|in "
                       rf"an hour)\b|\b{_TAKE} (my|his|her|their) (\w+ )?(meds|medication|"
                       rf"medicine|pills|tablets|dose|doses|insulin)\b.{{0,15}}\b(three|four|five|"
                       rf"several|multiple|[3-9]) times (over|by (accident|mistake)|the (usual )?"
                       rf"(dose|amount))\b",
    "weapon post": r"\b(posted|sent|shared|texted|put up|uploaded) (me |us )?(a |an )?(photo|"
                   r"picture|pic|video|selfie|image|story) (of|with) (a |an |his |her |their |"
                   r"the )?(gun|rifle|pistol|shotgun|noose|rope)\b(?! (show|shop|store|range|"
                   r"safety|"
                   r"license|licence|sale|collection|cleaning))",
    "poisoning": r"\b(drank|swallowed|ingested|ate|drinking|swallowing|drunk) (some |a |the "
                 r")?(bleach|poison|antifreeze|detergent|drain cleaner|laundry pod|tide pod|rat "
                 r"poison|pesticide|lighter fluid|button battery|battery|magnets)",
    "child into medicine": rf"\b{_RELATIVE_CHILD}\b.{{0,50}}\b(got into|ate|swallowed|drank|took|"
                           rf"chewed|found|into|eaten|in) .{{0,30}}\b(pills|meds|medicine|"
                           rf"medication|tablets|gummies|vitamins|bottle|cabinet|vial|selank|"
                           rf"drugs|xanax|tylenol|advil|melatonin)",
    "allergic reaction now": r"\bhives (all over (me|my body|him|her|his body|her body)|on (my|his|"
                             r"her|their) (whole|entire) body)|\b(severe|bad|serious|massive) "
                             r"allergic reaction\b.{0,20}\b(hives|swelling|swollen|dizzy|can not "
                             r"breathe|throat)\b",
    "breathing": r"\b(can not|cannot|could not|can barely|barely|hard to|trouble|struggling to|"
                 r"difficulty|unable to) breath|\b(not|stopped|is not|are not|isnt) breathing\b|"
                 r"\bbreathing (is |are )?(really |very |so )?(slow|shallow|weird|strange)|"
                 r"\bgasping\b|\bchoking\b",
    "turning blue": r"\b(lips|face|skin|he|she|they|is|are) (are |is )?(turning |turned |going "
                    r"|look |looks |looking )?blue\b",
    "collapse now": rf"\b{_WHO} (is|are|am|just|has|have|keeps?|started) (seizing|convulsing|"
                    rf"fitting|having a seizure|having seizures|having a stroke|having a heart "
                    rf"attack|unconscious|unresponsive|collapsed|passed out|fainted|not "
                    rf"responding|foaming)|\b(shaking|jerking|convulsing|seizing|twitching|lying) "
                    rf".{{0,20}}\b(on the floor|on the ground)|\bfoaming at the mouth|\b(will not|"
                    rf"wo not|can not|cannot|could not) (wake|waking) (him|her|them|up)|\b(grey|"
                    rf"gray|blue|pale|limp|cold|floppy) and (will not|wo not|is not|does not|not|"
                    rf"can not) (respond|responding|wake|breath)|\bnot (waking|wake) up\b|"
                    rf"\bunconscious\b|\bunresponsive\b",
    "stroke signs": r"\bface (is |are )?droop|\bdroop(ing|y)? (face|on one side|mouth)|\bslurr(ed|"
                    r"ing)|\bone side of (my|his|her|their) (body|face)|\b(can not|could not) "
                    r"(lift|move|feel) (my|his|her|their) (arm|leg|face|hand)|\bwords (come|"
                    r"coming|came) out wrong|\bworst headache|\bsudden(ly)? (vision loss|loss of "
                    r"vision|"
                    r"blindness|lost (the )?(vision|sight))|\b(arm|leg|hand|face) (suddenly "
                    r")?(went|goes|going|gone|has gone|is|feels) (weak|limp|numb|dead|"
                    r"floppy)\b(?! (after|from) (sleeping|lying|sitting))(.{0,40})\b(can not|"
                    r"cannot|"
                    r"could not|unable to) (lift|move|raise) (it|them|(my|his|her|their) (arm|"
                    r"leg|hand))\b|\b(half|one side of) (my|his|her|their|the) face (is |went |has "
                    r"gone )?(numb|droop|drop)",
    "chest pain now": r"\bcrushing\b.{0,20}\bchest|\bchest\b.{0,25}\bcrushing\b|"
                      r"\bchest\b.{0,40}\bleft arm (is |feels |going |gone |went )?(numb|tingl|"
                      r"heavy|weak|dead)|\bleft arm (is |feels |going |gone |went )?(numb|"
                      r"tingl)\w*.{0,40}\bchest\b|\bchest .{0,30}(down|into) (my|his|her) (left "
                      r")?arm|\bpain (down|in) (my|his|her) left arm",
    "bleeding": r"\b(vomiting|throwing up|coughing up|puking) blood|\bbleeding (heavily|a lot|"
                r"badly|so much)|\bbleeding (will not|would not|does not|can not) stop|\b(will "
                r"not|would not|does not) stop bleeding|\bblood everywhere",
    "dying now": r"\bfeel(s|ing)? like (i am|i m|he is|she is) dying\b|\b(i am|i think i am|he is|"
                 r"she is|they are) dying\b(?! (to|of laughter|of boredom|for|here|over here|lol))",
    "plans and hints": rf"\b(have|got|made) a plan\b(?! (for|to (take|use|start|try|taper|stop|"
                       rf"buy|ask)))|\bwill (it|this|that) kill me\b|\basking for (me|my ?self)\b|"
                       rf"\b(do not|dont) try to stop me\b|\b(bought|got|have) a gun\b|\b(no|any) "
                       rf"way out\b|\bother than dying\b|\bthinking (about|of) (dying|death)\b|"
                       rf"\bto end it\b|\bpainless(ly)?\b|\bhigh enough\b|\b(not|never) (plan on |"
                       rf"planning on )?(be|being) (alive|around)\b|\bnot that (i will|ill|i ll) "
                       rf"be around\b|\b(shoot|shooting|drown|drowning|poison|poisoning|hang|"
                       rf"hanging) {_SELVES}\b",
    "body in danger": r"\bblack(ing|ed)? out\b|\bhigh fever\b.{0,40}\b(shak|chill|rigid|confus|"
                      r"stiff)|\b(redness|red) .{0,25}spreading|\brigid muscles\b|\bfeel(s|ing)? "
                      r"faint\b|\bdouble dosed\b",
    "call for help": r"\bcall (911|112|999|an ambulance|ems)\b|\bambulance\b|\b(go|going|get|take "
                     r"(him|her|them|me)) to (the )?(er|a and e|emergency room|hospital) (now|"
                     r"right now)\b|\bshould i (go to|call|take (him|her|them) to) (the )?(er|"
                     r"emergency room|hospital|911|ambulance)",
}
_WEAK = {
    "suicide word": r"\bsu[i1]c[i1]d|\bsuicd|\bsucid|\bsuiside",
    "self-harm word": r"\bself ?harm|\bself ?injur",
    "overdose word": r"\bover ?dos(e|ed|es|ing)\b(?! on (coffee|caffeine|sugar|work|"
                     r"spreadsheets|netflix|memes|information|chocolate|candy|podcasts))|\boverdosd",
    "reaction word": r"\banaphyla|\bsevere (allergic )?reaction|\bseiz(ure|ures)\b|\bseizing\b(?! "
                     r"(the |my |our |your |their |a )?(parcels?|packages?|shipments?|orders?|"
                     r"goods|imports?|products?|assets|property|vials|peptides|mail))|\bconvuls|"
                     r"\bheart attack\b|\bstroke\b|\bchest (pain|pains|tight|tightness|"
                     r"pressure)\b|\b(passed|passing) out\b|\bfaint(ed|ing)\b|\bcollaps(ed|ing)\b",
    "throat or face swelling": r"\bthroat (is |feels |keeps |has been |started )?(closing|"
                               r"swelling|swollen|tight)|"
                               r"\b(tongue|tounge|lips?|throat) (feels?|is|are|looks?|getting|"
                               r"going|got) (huge|fat|too big|massive|enormous|so big)\b|"
                               r"\b(tongue|lips?|face|mouth|eyes?) (is |are |keeps )?(swelling|"
                               r"swollen|swelled up|swells up|puffing up|puffed up)",
    "swelling word": r"\b(tongue|tounge|lips?|face|mouth|eyes?) .{0,25}(swelling|swollen|swell(ed|"
                     r"s)? up)",
    "emergency word": r"\bemergency\b(?! (use|authorization|contraception))",
}
_OPENER = (r"^(can|could|does|do|did|is|are|will|would|might|may|has|have|what|how|which|why|"
           r"any|should|in theory|theoretically)\b.{0,60}\b(selank|it|this|that|you|one|people|"
           r"someone|a person|anyone|users?|peptides?)\b")
_OPENS_AS_QUESTION = re.compile(_OPENER)
_RISK_TALK = re.compile(
    _OPENER + r"|\b(side effects?|risk|risks|cause|causes|trigger|"
    r"triggers|lead to|linked|associated|known|reported|theoretically|in theory|possible|"
    r"history of|symptoms of|signs of|what happens if|what would happen|what if|look like|"
    r"research|study|studies|article|paper|podcast|volunteer|counselor|nurse|paramedic|"
    r"ideation|novel|thesis|character|screenwriter|writing|movie|film|emt|patients|"
    r"hypothetically|antidote|reports of|prevention)\b|\bif (i|you|someone|he|she)\b"
)
_PAST = re.compile(
    r"\b(in|back in) (19|20)\d\d\b|\b(\d+|a|one|a few|few|couple|several|two|three|four|five|"
    r"six|seven|eight|nine|many|ten|twenty)"
    r" (of )?(years?|months?|yrs) (ago|back)\b|\blast (year|month|summer|winter|spring|fall|"
    r"decade)\b|\bwhen i was\b|\bas a (kid|child|teen|teenager)\b|\bused to\b|\bin the past\b"
    r"|\bback in (uni|college|school|high school|the day)\b"
    r"|\byears ago\b|\((19|20)\d\d\)"
    r"|\bhistory\b|(?<!at )\bonce\b(?! (i|you|he|she|they|we|it|everything|all))"
    r"|\bas a (teen|teenager|kid)\b|\bdied (of|from)\b|"
    r"\b(stopped|quit) .{0,30}\bago\b|\bdisorder\b|\bin college\b|\bwhen (he|she) was\b|"
    r"\b(a long time|long|ages|many years|decades) ago\b|\b(been|stayed|kept|remained) (stable|"
    r"well|clean|sober|in recovery) (for|since)\b"
    r"|\bin (high|middle|grade) school\b|\bsurvivor of\b|\bas a (baby|toddler)\b"
    r"|\bin my (teens|twenties|thirties|forties|20s|30s)\b"
    r"|\bback in (january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\b"
)
_MESSAGE = {
    "date chosen": r"\b(picked|chosen|chose|set|decided on|settled on|circled) (a|the) (date|"
                   r"day|night)\b(?! (for|of|with) )(.{0,160})\b(so (i|it|that) (do not|does not|"
                   r"will not|wo not|would not) (ruin|spoil|mess up)|(goodbye|farewell|last) "
                   r"(letters?|notes?)|(wrote|written|writing) (the |my |a )?(letters?|notes?))\b",
    "giving things away": r"\b(gave|given|giving|give|gives) (away )?(my|his|her|their) (\w+ )"
                          r"{1,3}(and (my |his |her |their )?(\w+ ){1,3})?(away|to)\b(.{0,100})"
                          r"\b((he|she|they|nobody|no one) (does not|do not|did not|would not) "
                          r"(know|understand|ask|get) why\b(?! (it|this|that|"
                          r"the|my|his|her) )|(i|he|she|they) (will not|wo not|would "
                          r"not) need (it|them|those|any of (it|them))|(will|would) (not|never) "
                          r"(see|use) (it|them) again)\b",
}
"""Crises told across sentences: each part is calm alone ("I gave my guitar to my brother")."""
_MESSAGE_RE = {name: re.compile(pattern) for name, pattern in _MESSAGE.items()}
_FRAME = re.compile(
    r"\b(i am|i m|im|as|speaking as|i work as) (a|an) (\w+ ){0,2}(nurse|doctor|physician|gp|"
    r"pharmacist|paramedic|emt|medic|researcher|scientist|student|psychologist|psychiatrist|"
    r"therapist|counsel+or|social worker|journalist|reporter|writer|author|teacher|lecturer|"
    r"facilitator|volunteer|moderator|clinician|toxicologist|epidemiologist|pharmacologist|"
    r"crisis worker|peer worker|case worker|caseworker)\b|^(\w+ ){0,3}(nurse|doctor|"
    r"pharmacist|paramedic|researcher|student|clinician|toxicologist|epidemiologist|journalist|"
    r"counsel+or|therapist|psychologist|psychiatrist) (here|revising|studying|compiling|writing|"
    r"researching|asking|working on|looking)\b|"
    r"\bi (facilitate|run|lead|moderate|host|coordinate|organi[sz]e) (a |an |the |our )?(\w+ )"
    r"{0,2}(support |peer |recovery |bereavement )?(group|circle|forum|helpline|workshop)\b|"
    r"\b(for|writing|researching|working on) (my|an|a|our|the) (article|paper|thesis|"
    r"dissertation|essay|report|blog post|presentation|class|course|lecture|review|module|"
    r"exam|assignment)\b|\bin general\b|\bgenerally speaking\b|\b(suicide|overdose|"
    r"self ?harm) (rates?|statistics|stats|figures|epidemiology|prevalence|prevention|"
    r"presentations?|potential|literature|research|data)\b|\b(rates?|statistics|stats|"
    r"prevalence|incidence|epidemiology) of (suicide|overdose|self ?harm)|\bcompiling data\b|"
    r"\bpoison (centre|center|control) (reports?|data)\b|\bpublic health\b"
)
"""A professional or general question ("as a nurse...", "suicide rates", "for my article")."""
_NOW_REPORT = re.compile(
    r"\b(right now|currently|at the moment|tonight|in front of me|on (my |the )?shift|"
    r"just now)\b|\b((my|a|the|our) (patient|client|resident|student|member|group member|"
    r"caller)|one of (my|our|the) (patients|clients|residents|students|members|callers)) (is|"
    r"has|just|keeps|took|said|told|texted|posted)\b"
)
"""A professional who tells of someone in danger now: a report, whatever the framing."""
_NEGATED = re.compile(r"\b(no|not|never|without|nor|zero)( \w+){0,2}$")


_STRONG_RE = {name: re.compile(pattern) for name, pattern in _STRONG.items()}
_WEAK_RE = {name: re.compile(pattern) for name, pattern in _WEAK.items()}
_WEAK_RE["earlier pattern"] = EARLIER


ABOUT_THE_WRITER = frozenset({"told plainly"})
"""Patterns that only a writer says of themselves ("tell my brother it wasn't his fault",
"easier for my wife without me"): the people they name are not the ones in danger."""
_TOLD_AS_INTENT = frozenset({
    "want to die", "plans and hints", "lethal amount", "suicidal now", "no will to live",
    "no one would miss", "farewell", "means", "jump", "pills ready", "wish dead",
    "passive wish", "told plainly",
})
"""Wishes and plans: a crisis even when told with "if" or a date ("if it fails i'll...")."""
_DISTANT_PAST = re.compile(
    r"\b(in|back in) (19|20)\d\d\b|, (19|20)\d\d\b|\b(\d+|a few|few|couple|several|two|three|"
    r"many|ten) (of )?(years?|yrs) (ago|back)\b|\bback in (uni|college|school|high school)\b"
    r"|\bwhen i was (a )?(\d+|kid|child|teen|teenager|younger|in)\b|\blast year\b")
"""History told with a date: even a wish or a plan told so is over ("in 2017 i tried to...")."""
_STILL = re.compile(r"\b(again|still|tonight|right now|anymore|lately|these days|once more)\b")
"""What makes a dated wish current. Not "now" or "today": "i'm stable now" tells of recovery."""
_AGAIN = re.compile(r"\b(again|once more)\b")
"""What makes history new: "years ago i tried, and now i want to again"."""
_COURSE = re.compile(
    r"\b(in|over|within|this|next|per|each|every) (\d+ |few |couple of |two |three )?"
    r"(days?|weeks?|months?|cycle|course)\b(?! ago)|\b(then|before) (take|taking|a) .{0,20}"
    r"\b(off|break)\b"
    # The same in the other languages: "en 10 días", "in 10 giorni", "за 10 дней".
    r"|\b(en|dans|durante|em|in|w|za|innerhalb|binnen) (\d+ )?(dias|días|jours|semaines|"
    r"giorni|settimane|semanas|tagen|wochen|dni|tygodni|tygodnie)\b"
    r"|\b(за|через) (\d+ )?(дней|дня|днів|дні|недель|недели|тижнів|тижні)")
"""A container used up over a course ("finished the whole vial in 10 days"): a schedule."""
CONTAINER = re.compile(
    r"\b(bottle|vial|pack|packet|box|supply|pen|cartridge)s?\b"
    r"|\b(frascos?|viales?|flacons?|fiala|fiale|flacone|flaconi|ampullen?|fiolk[ai]|fiolek|"
    r"botellas?|garrafas?|caixas?|cajas?|bottiglia|scatola|flaschen?|packung|opakowanie)\b"
    r"|флакон|пузыр|упаковк|пачк")
_HYPOTHESIS = re.compile(r"\b(if|hypothetically|what if|in theory|theoretically|imagine)\b")


def find(normalized: str) -> Hit | None:
    """The first pattern that reads this normalized sentence as a crisis, or None.

    A report told as past ("years ago I took too many pills") or as a hypothesis ("if
    someone swallowed a whole vial") is history or a question, not a crisis now.
    """
    past = _PAST.search(normalized) and not _AGAIN.search(normalized)
    for name, pattern in _STRONG_RE.items():
        match = pattern.search(normalized)
        if match is None:
            continue
        if name in _TOLD_AS_INTENT:
            if _DISTANT_PAST.search(normalized) and not _STILL.search(normalized):
                continue
            return Hit(name, match.group(0), match.start())
        if used_over_a_course(match.group(0), normalized):
            continue
        if not past and not _HYPOTHESIS.search(normalized[: match.start()]):
            return Hit(name, match.group(0), match.start())
    for name, pattern in _WEAK_RE.items():
        for match in pattern.finditer(normalized):
            if not _NEGATED.search(normalized[: match.start()].rstrip()) \
                    and not used_over_a_course(match.group(0), normalized):
                return Hit(name, match.group(0), match.start(), weak=True)
    return None


def used_over_a_course(matched: str, normalized: str) -> bool:
    """A vial or a bottle finished over days or weeks: a schedule, not an overdose."""
    return bool(CONTAINER.search(matched) and _COURSE.search(normalized))


def is_past_or_hypothesis(normalized: str, at: int | None = None) -> bool:
    """Told as history ("years ago", "when i was 19") or as a hypothesis ("if someone").

    With `at`, only an "if" before that point makes a hypothesis: "she has a belt around
    her neck and is asking if i'll remember her" is a report.
    """
    before = normalized if at is None else normalized[:at]
    return bool(_PAST.search(normalized) or _HYPOTHESIS.search(before))


def is_risk_talk(normalized: str) -> bool:
    """A question about a risk, a hypothesis or a past event, not a report of one."""
    return bool(_RISK_TALK.search(normalized) or _PAST.search(normalized))


def is_crisis(normalized: str) -> bool:
    """True when the normalized sentence reads as a crisis, on English patterns alone."""
    hit = find(normalized)
    return hit is not None and not (hit.weak and is_risk_talk(normalized))


def find_in_message(normalized: str) -> Hit | None:
    """A crisis told across the sentences of one normalized message, or None."""
    for name, pattern in _MESSAGE_RE.items():
        match = pattern.search(normalized)
        if match is not None:
            return Hit(name, match.group(0), match.start())
    return None


def is_general_frame(normalized: str) -> bool:
    """The whole message is a professional or general question, with no one in danger now.

    Such a frame calms the weak words ("overdose presentations", "people with suicidal
    feelings"); the strong patterns, a report of something happening, still fire.
    """
    return bool(_FRAME.search(normalized)) and not _NOW_REPORT.search(normalized)


def is_professional_report(normalized: str) -> bool:
    """A professional telling of someone in danger now ("as a nurse: a patient is ... now").

    Their role words ("nurse", "patients") read as risk talk elsewhere; here they do not.
    """
    return bool(_FRAME.search(normalized)) and bool(_NOW_REPORT.search(normalized))


def is_risk_talk_past_the_opener(normalized: str, clause: str) -> bool:
    """Risk talk, where an opening question ("how long does it take to work") counts only
    when `clause` (the sentence, or nothing when the match is far from its start) holds it:
    told without a question mark, a question can be run into a report ("... suicidal again")."""
    if _PAST.search(normalized):
        return True
    found = _RISK_TALK.search(normalized)
    if found is None:
        return False
    others = [m for m in _RISK_TALK.finditer(normalized) if not _OPENS_AS_QUESTION.fullmatch(
        m.group(0)) or m.start() > 0]
    return bool(others) or bool(_OPENS_AS_QUESTION.search(clause))

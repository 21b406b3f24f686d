"""Words that say little about which entry a question wants, in any English question.

Two kinds: grammar (articles, pronouns, auxiliaries, prepositions) and talk around the
question (hedges, politeness, the asker's context: "basically", "I'm writing an article",
"could you summarize"). They still count a little; what matters is that they are never
taken for content the knowledge base lacks, which is the sign of an out-of-scope question.
Question words (how, why, when...) are kept apart: they do tell entries apart.
"""

QUESTION_WORDS = frozenset("how why when what which who whom whose where".split())

GRAMMAR = frozenset("""
a an the this that these those some any each every either neither both all no none
i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his
himself she her hers herself it its itself they them their theirs themselves one someone
anyone everyone somebody anybody something anything everything nothing thing things stuff
is are was were be been being am do does did doing done have has had having get gets got
getting will would shall should can could may might must ought need needs let lets
of to in on at by for with about from into onto over under between through during before
after above below up down out off than then so as or and nor but if because while though
although unless until since whether yet also too very really just only even still quite
rather much many more most less least few lot lots such same other another own else
not there here now again ever never always often sometimes usually perhaps maybe
please thanks thank hi hello hey okay ok yes yeah yep nope
""".split())

FILLER = frozenset("""
actually basically exactly literally generally honestly seriously simply clearly
essentially overall particular particularly specific specifically general typically
currently current recently really truly certainly probably possibly likely apparently
kind sort type bit pretty somewhat fairly quite anyway anyhow otherwise however therefore
thus hence indeed furthermore moreover additionally regarding concerning respect
terms way ways case cases example instance aspect aspects point points matter matters
question questions answer answers ask asking asked tell telling told explain explaining
explained describe describing summarize summarise summary overview brief briefly short
shortly quick quickly word words sentence sentences detail details detailed simple simply
understand understanding understood know knowing known knew learn wondering wonder wondered
think thinking thought believe guess feel feeling curious interested interest
say says said saying mean means meant want wants wanted wanting like likes liked looking
look looks try trying tried going go goes gone come comes came make makes made making
take takes took taking give gives gave given use used using uses
help helps helped helping hear heard read reading reader readers write writing written
article articles blog post review piece report paper papers draft newsletter audience
client clients customer customers colleague colleagues friend friends someone people person
folks guys bro dude man mate team member members community group server channel
available availability consider considering considered consideration associated
relation related relating relevant appropriate suitable address addressing offer offers
provide provides provided mention mentioned mentions note noted notes state states stated
claim claims claimed suggest suggests suggested indicate indicates indicated show shows
shown exist exists existing overall principal primary main mainly mostly major key
fine good great nice cool ok okay alright lol lmao haha hmm um uh meh idk tbh imo ngl btw
fyi omg pls plz thx ty
""".split())

LOW_WEIGHT_WORDS = GRAMMAR | FILLER

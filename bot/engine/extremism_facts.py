"""Severity facts about extremist views: what moves a radicalisation worry from one level to the next.

Every matrix puts extremist views themselves at levels 2-3 and sets the levels apart by what the child says about
violence:
- level 2: sympathy for an ideology, "casual support for extremist views", open to other views (002 Tier 2 lines
  1104-1107; 004 line 182 Level 2; 001 lines 477-480);
- level 3: the child "believes extreme violence should be used against people who disrespect their beliefs/ values"
  (002 Tier 3 lines 1076-1083; 004 line 182 Level 3); 000 line 1062 Level 3 "Exhibiting extremist language";
- the top line: an intention or plan to act, or to travel to fight (000 Level 4*, 002 Tier 4, 004 Level 4).

``bot/engine/facts`` reads these with the other severity facts (negation included); ``level_caps.FACT_TOPS`` reads
``violent_intent`` and ``level_floors`` reads ``endorses_violence``.
"""

from __future__ import annotations

# A group named as the target, then "deserve(s) to die / get hurt / get their heads kicked in": 004 line 182 Level 3.
_GROUP = (r"(?:people|anyone|anybody|those|they|them|all of them|the lot of them|whoever|non-? ?believers|kuffar|"
          r"kafirs?|infidels|migrants|immigrants|refugees|foreigners|boat people|asylum seekers|muslims|jews|gays|"
          r"women|feminists)")
_HARMED = (r"(?:die|dead|death|killed|kill\w*|hurt|stabbed|shot|beaten|battered|bombed|burn(?:ed|t)|hanged|hung|"
           r"kicked|a kicking|a beating|punched|attacked|wiped out|their heads kicked in|what'?s coming)")

EXTREMISM_FACTS = {
    # An intention or plan to carry out violence, or to travel to fight (000 Level 4 and Appendix 2 "Participates in
    # extremist actions in language and behaviour*"; 002 Tier 4 "planning to travel to a conflict zone; evidence
    # ... going to support/participate in extremist activities"; 004 Level 4 "saying that they will carry out
    # violence in support of extremist views"). Only bot/engine/level_caps.FACT_TOPS reads it.
    "violent_intent": r"(?:plan\w*|intend\w*|intention|going to|gonna|wants? to|threat\w*|talk\w* (?:about|of)|"
                      r"vow\w*|promis\w*|said (?:he|she|they)(?:'d| would| will)?|says (?:he|she|they)(?:'ll| will)) "
                      r"(?:\w+ ){0,4}(?:attack\w*|bomb\w*|shoot\w*|stab\w*|blow (?:\w+ )?up|massacre|"
                      r"kill (?!(?:him|her|my|them|your)sel)\w+)|"
                      # "someone should do the same here / at the mosque": a copycat attack on a place. "should do that
                      # to the boat people" is a call for violence against a group (endorses_violence), not a plan.
                      r"should (?:do|repeat|copy) (?:the same|this|that|it|one)(?: \w+)? (?:at|in|here)|"
                      r"should (?:do|repeat|copy) (?:the same|this|that|it|one)(?: \w+)? to (?:the |a |that |our )?"
                      r"(?:mosque|synagogue|church|temple|gurdwara|school|college)|"
                      # "going to 'do one' on the mosque ... got a plan", "how to make things that go bang" (set Q)
                      r"(?:going to|gonna|wants? to|will) ['\"‘“]?do one['\"’”]? (?:on|at|in)|got a plan|"
                      r"(?:how to|how you) make (?:a )?(?:bomb|bombs|explosives?|things that go bang|pipe bombs?)|"
                      r"(?:might|could|will|would|wants to) be the one|"
                      r"(?:travel\w*|go|going|get|getting|fly\w*|head\w*) (?:\w+ ){0,3}(?:to|and) (?:fight|"
                      r"join (?:the )?(?:fighters|brothers|fight|jihad|isis|daesh|caliphate))|"
                      r"join (?:the )?(?:fighters|brothers|jihad|isis|daesh|caliphate)|"
                      r"(?:saving|saved) (?:up )?(?:\w+ ){0,3}(?:to (?:go|travel|fly|leave)|for (?:a|the) (?:ticket|"
                      r"flight|passport))|passport without|"
                      # "I know how to make one", "you lot will get what's coming", "do it properly" (said beside
                      # extremist views: only the radicalisation top line reads this fact, bot/engine/level_caps.py).
                      r"knows? how to (?:make|build) (?:one|a bomb|a device|it|them)|(?:get|gets|getting) what'?s "
                      r"coming|(?:do|doing) it properly|"
                      # "should be wiped out", "next one's closer to home", "making something in his shed".
                      r"(?:should|will|gonna|going to|must|need to) (?:all )?be wiped out|"
                      r"next one'?s? (?:closer|nearer|here|coming)|"
                      r"(?:making|make|build\w*) (?:a device|devices|a bomb|bombs|explosives)|"
                      r"(?:making|make|build\w*) something (?:in (?:his|her|the) (?:shed|garage|bedroom|room)|"
                      r"dangerous|that (?:goes bang|explodes))|"
                      r"someone (?:round|around) here (?:will|is going to|gonna) do|"
                      # Preparation said as things found: a weapon posed with beside the views, a target marked on a
                      # map ("the mosque circled and times written next to it"), "someone has to" as a caption.
                      r"(?:holding|holds|waving|posing with|poses with|brandishing) (?:\w+ ){0,5}(?:knife|knives|"
                      r"machete|gun|guns|rifle|weapon|weapons|blade|axe|crossbow)(?! and fork)|"
                      r"(?:mosque|synagogue|church|temple|gurdwara|school|college|stadium|station|march|festival|"
                      r"centre)s?(?:\W+\w+){0,2}?\W+(?:circled|highlighted|ringed)|"
                      # "he's got a list of 'targets'", going to "sort out" the new mosque, a machete bought online
                      # (set N): a plan, a target and a weapon said in the words of a teenager's group chat.
                      r"(?:list|lists|names) of ['‘\"]?targets|(?:going to|gonna|will|plan\w* to|want\w* to) ['‘\"]?"
                      r"sort (?:out|them out)['’\"]? (?:\w+ ){0,3}(?:mosque|synagogue|church|temple|gurdwara|them|"
                      r"those)|"
                      r"(?:bought|ordered|buying|ordering|photo of) (?:a |an |the |his |her |himself a |herself a )?"
                      r"(?:machete|knife|gun|weapon|blade|axe|crossbow)s?|"
                      r"someone (?:has|needs|have|need) to"
                      r"(?: (?:do (?:something|it)|act|stop them))?(?=\W*(?:[.'\"!]|$))",
    # The child says violence against a group is deserved, justified or the only answer (002 Tier 3 line 1081
    # "believes extreme violence should be used against people who disrespect their beliefs/ values"; 004 line 182
    # Level 3, the same words). Views with no call for violence are not this fact (002 Tier 2, 004 Level 2).
    "endorses_violence": rf"{_GROUP}\b[^.!?]{{0,60}}?\bdeserved? (?:to )?(?:get |be |have |getting )?"
                         rf"(?:\w+ ){{0,2}}?{_HARMED}|"
                         r"only (?:understand|understands|know|knows|respond to|responds to) (?:violence|force|"
                         r"a (?:good )?(?:beating|kicking|slap))|"
                         r"violence (?:is|'s|was) (?:the )?(?:only (?:thing|language|way|answer)|answer|the way)|"
                         r"(?:violence|attacks?|bombings?|shootings?|stabbings?|killings?|terror\w*|what (?:he|they) "
                         r"did)(?: \w+){0,5}? (?:is|was|are|were|being) (?:totally |completely |fully |always )?"
                         r"(?:justified|justifiable|deserved|fair enough|allowed)|"
                         r"(?:justified|justifiable) (?:to (?:use violence|attack|hurt|kill)|violence|attacks?|"
                         r"killing)|"
                         r"someone should (?:sort|deal with|do (?:something about|it to)) (?:them|those|these|'?em)|"
                         r"should (?:do|have done) (?:that|the same|it|this) to (?:the |them|those|these|all)",
}

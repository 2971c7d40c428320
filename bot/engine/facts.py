"""Severity facts read from what was said: the things that move a worry from one level to the next.

The seeds tell the levels of one need apart by facts, not by wording: how often and for how long,
an injury or mark, an implement, the head or face, the child's age and mobility, the child's own
words, the impact on the child, a parent's capacity or refusal, an older person involved. The
level variant of a concept is chosen from these facts (``bot/engine/indicators.choose_indicator``), and
the facts that were *not* given become the open questions that would change the level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import FrozenSet, List

from bot.engine.extremism_facts import EXTREMISM_FACTS

FACT_PATTERNS = {
    # An injury or visible mark: outside the seeds' "legal limits" for chastisement (Norfolk tier 3/4, Bedford).
    # "cuts" but not "hours cut", "pay cuts", "cut off", "cut down" (set O: "Dad's hours cut at the factory").
    "mark": r"bruis\w*|marks?|marked|welts?|burn[st]?|burned|scald\w*|fractur\w*|"
            r"(?<!hours )(?<!pay )(?<!wage )(?<!wages )(?<!benefit )(?<!benefits )(?<!funding )(?<!budget )(?<!hair )"
            r"cuts?(?! (?:off|down|back|short|out|in|up|ties)\b)|graze[sd]?|scratch\w*|"
            r"swell\w*|swollen|bleed\w*|blood\w*|black eye|red (?:mark|patch|lines?)|hand ?print|injur\w*|lumps?",
    "implement": r"belt\w*|slipper|stick|cable|wire|wooden spoon|spoon|shoe|hanger|ruler|bat|lead|strap|hairbrush|"
                 r"charger|object|implement|whip\w*|cane|hose",
    # A place on the head or face, not a word that contains one: "head lice", "head teacher", "keep an eye on", "eye
    # contact", "face to face", "word of mouth"; teeth only when knocked or broken (decay is a health need, set O).
    "head_face": r"(?<!to )face(?! to face)|head(?!\s+(?:lice|teacher|of (?:year|house|school|department)|office|"
                 r"start|count))|ear|ears|cheek|(?<!an )(?<!keep )eyes?(?! contact)|(?<!word of )mouth|lips?|nose|jaw|"
                 r"(?:knocked|broke|broken|chipped|smashed|loose|lost|cracked) (?:\w+ )?(?:teeth|tooth)|"
                 r"round the head|across the face",
    "shaking": r"shak(?:e|es|en|ing)|shook",
    "strangling": r"strangl\w*|chok(?:e|ed|es|ing)|throttl\w*|(?:hands?|grip\w*|arm) (?:round|around|on) (?:[\w']+ )?"
                  r"(?:neck|throat)|by the (?:neck|throat)|marks? on (?:\w+ )?(?:neck|throat)|(?:neck|throat) marks?|"
                  r"couldn'?t breathe|can'?t breathe|non-? ?fatal strangulation|(?:red\w*|marks?|bruis\w*|"
                  r"scratch\w*|finger ?marks) (?:to|on|around|round|across) (?:her |his |the )?(?:neck|throat)",
    # "stab" but not "stable" (a stable methadone script is no weapon).
    "weapon": r"knife|knives|gun|machete|weapon\w*|hammer|blade|axe|baseball bat|screwdriver|"
              r"stab(?:s|bed|bing|ber|bers)?",
    "serious_assault": r"beat(?:en|ing)? (?:up|her|mum|unconscious)|battered|knocked (?:her|mum|him)? ?(?:out|"
                       r"unconscious)|stamp\w* on|kick\w* (?:her|mum) (?:in|on) the|broken (?:nose|jaw|arm|ribs?|"
                       r"cheekbone)|hospitali[sz]\w*|in hospital|ambulance|a ?& ?e|head ?butt\w*|threw (?:her|mum) "
                       r"(?:down|across|against)|pushed (?:her|mum) down the stairs|serious (?:assault|violence)|"
                       r"gbh|abh|attempted murder|threat\w* to kill|"
                       r"thr[eo]wn? (?:a |an |the |his |her )?(?:\w+ )?(?:glass|bottle|plate|knife|chair|iron|kettle|"
                       r"brick|ashtray|vase|pan|hammer) at (?:her|mum|mummy|mother|the mother|ip|his (?:wife|partner|"
                       r"girlfriend))",
    # A child hurt in the incident, stepping in or caught by what was thrown: 002 line 2103 and 004 line 304,
    # "A child being traumatised injured or neglected as a result of domestic violence" (bot/engine/rules/hit_rules.py).
    "child_hurt": r"(?:stepped|steps|got|gets|jumped|came|went|tried to get|ran|stood) (?:in )?(?:between|"
                  r"in front of)\b[^.]{0,60}?\b(?:hit|struck|caught|cut|hurt|injur\w*|glued|stitch\w*|bruis\w*)|"
                  r"(?:glass|bottle|plate|mug|cup|chair|punch|blow|it) (?:hit|struck|caught|cut) (?:him|her|"
                  r"the (?:child|baby|boy|girl|kids?)|(?:my|her|his|their) (?:son|daughter|baby|child|boy|girl))|"
                  r"caught (?:in )?(?:the )?(?:crossfire|middle of it)|"
                  r"(?:child|baby|son|daughter|boy|girl|kids?) (?:was|were|got) (?:hit|hurt|injured|caught|struck|cut) "
                  r"(?:in the|during|when|as|trying)",
    "repeated_police": r"(?:police|officers|999|cops)\W+(?:\w+\W+){0,6}?(?:again|every|regular\w*|lots|loads|"
                       r"several|many|numerous|multiple|repeated\w*|\d+ times|twice|three times|four times|"
                       r"so many times|all the time|most weekends|often)|(?:second|third|fourth|fifth|"
                       r"\d+(?:nd|rd|th)|repeat\w*|several|multiple|numerous|regular) (?:call-? ?outs?|callouts?|"
                       r"police (?:call|visit|attendance)s?|(?:da|dv|domestic) (?:incidents?|calls?|notifications?))|"
                       r"(?:call-? ?outs?|callouts?|police (?:visits?|attendances?)|domestic incidents?) "
                       r"(?:x|×) ?[2-9]|"
                       r"(?:[2-9]|two|three|four|five|six) (?:call-? ?outs?|callouts?|police call-? ?outs?|"
                       r"domestic incidents|(?:da|dv) incidents)",
    "frightened": r"scared|frightened|terrified|afraid|petrified|fearful|flinch\w*|cower\w*|won'?t go home|"
                  r"doesn'?t want to go home|scared to go home",
    "frequent": r"again and again|yet again|once again|(?:happen\w*|did it|doing it|at it|drunk|drinking) again|"
                r"every (?:day|night|morning|week|weekend|time|single)|all the time|always|constant\w*|daily|"
                r"nightly|regularly|often|repeated\w*|several times|many times|most (?:days|nights|weekends|mornings|"
                r"of the (?:day|time|week))|keeps?|persistent\w*|frequent\w*|escalat\w*|getting worse|worse and worse|"
                r"more and more|(?:way|lots|loads|much) (?:more|worse)|more often|increasing\w*|\d+ times|"
                r"(?:several|lots of|loads of|\d+) (?:times|nights|days|weekends|occasions|episodes)|x ?[3-9]\b|"
                r"right through|all weekend|all day|all night|from (?:friday|first thing|morning)|"
                r"(?:2nd|3rd|4th|5th|second|third|fourth|fifth) (?:ppn|incident|call-? ?out|report|referral|"
                r"notification)s?|"
                r"for (?:months|years|ages)|on and off for|(?:friday|saturday)(?: night)? (?:to|till|until) "
                r"(?:sunday|monday)",
    "child_words": r"(?:s?he|they|child|boy|girl|pupil|son|daughter) (?:said|says|told|tells|disclosed|"
                   r"disclosure|alleged|alleges|mentioned)|disclos\w*|in (?:his|her|their) own words|told me",
    "impact": r"(?:never|not|n'?t|won'?t|doesn'?t) (?:\w+ ){0,3}(?:anyone|friends|mates) "
              r"(?:round|over|home|come round)|can (?:dads?|mums?|daddy|mummy) die|"
              r"withdrawn|not sleeping|can'?t sleep|nightmares|wetting|soiling|self-? ?harm\w*|not eating|"
              r"stopped eating|crying|anxious|distressed|upset|falling behind|not in school|missing school|off school|"
              r"attendance|development|delay\w*|weight|hungry|starving|impact\w*|affect\w*|embarrassed|ashamed|"
              r"won'?t have (?:mates|friends)|worried about (?:her|his|their) (?:mum|dad)|tired|exhausted|"
              r"falling asleep|isolated|no friends|can'?t concentrate",
    # A parent or carer who will not meet the need or work with services (000/003 "Parents/Carers do not accept
    # concerns, fail to or are unwilling to engage"), not a child who "refuses veg" or "refuses to do homework".
    "refusal": r"(?:mum|mummy|mam|mom|mother|dad|daddy|father|parents?|carers?|step-? ?(?:mum|dad)|family|"
               r"grandparents?|nan|gran)(?:'s| has| have| had| is| are| was| were)? (?:\w+ )?"
               r"(?:refus\w*|declin\w*)|"
               r"refus\w* (?:to )?(?:all |any |every )?(?:engage|help|support|services?|(?:the )?referral|let|"
               r"allow|bring|accept|consent|work|treatment|medical|access|entry|visits?|contact|(?:the )?(?:offer|"
               r"appointment|assessment|plan|hv|gp|health visitor|social worker|school nurse))\w*|"
               r"(?:consent|help|support|early help|referral|offer|entry|access|treatment|appointments?) (?:was |were |"
               r"has been |have been |had been )?(?:refused|declined)|"
               # a parent who keeps professionals out, not children who "won't let her play" or "avoid eye contact"
               r"won'?t engage|not engaging|disengag\w*|won'?t accept|"
               r"won'?t let (?:us|me|anyone|anybody|professionals|staff|(?:the )?(?:hv|health visitor|social "
               r"workers?|school|nurse|gp|workers?)) (?:in|into|see|visit|speak|talk|near|access)\w*|"
               r"avoid\w* (?:the |all |any )?(?:hv|health visitors?|home visits?|visits|appointments|professionals|"
               r"services|social workers?)|"
               r"doesn'?t accept|no insight|can'?t see (?:a|the) problem|"
               # "mum told them 'mind your own business' when asked about food" (set R)
               r"mind (?:your|their|yer) own (?:business|damn business)|"
               r"(?:told|tells) (?:\w+ )?to (?:keep out|back off|get lost)",
    "older_person": r"older|adult|grown ?up|man|men|(?:\d{2}) ?(?:year|yr)s? old|age gap|twice (?:her|his) age|"
                    r"boyfriend (?:is|who is) \d{2}",
    "complex_disability": r"profound\w*|severe (?:learning|physical|disabilit\w*|autism)|complex (?:needs|health|"
                          r"disabilit\w*|medical)|non-? ?verbal|tube[- ]fed|peg[- ]fed|wheelchair user|24[- ]hour care|"
                          r"short breaks?|respite|specialist (?:support|services|provision|equipment)|life[- ]limiting",
    "exploitation_signs": r"older (?:mates|friends|peers|lads|boys|men|males|girls|guys)|new (?:i?phone|phone|trainers|"
                          r"clothes|designer)|unexplained (?:money|cash|gifts|items|phones?)|(?:gifts|money|vapes|"
                          r"weed|alcohol|lifts) from|picked up (?:in|by) (?:a )?cars?|county lines|carrying (?:drugs|"
                          r"packages|a bag)|going missing|missing (?:overnight|episodes?)",
    "overnight_missing": r"(?:out|missing|gone|away) (?:all|over) ?night|(?:till|until|by) (?:the )?(?:next )?morning|"
                         r"(?:hadn'?t|hasn'?t|had not|has not|not) been (?:back |seen )?(?:home|back) (?:since|for)|"
                         r"missing (?:for|since) (?:\w+ )?(?:days|nights|two|three|four|monday|tuesday|wednesday|"
                         r"thursday|friday|saturday|sunday|the weekend)|"
                         r"(?:didn'?t|not) (?:come|came) (?:back|home)"
                         r"(?!\s+(?:till|until|before|by)\s+(?:gone\s+|after\s+)?(?:midnight|(?:1[0-2]|[1-4])(?:[:.]\d\d)?\s*(?:am\b|pm\b|\b)))|"
                         r"hasn'?t come home|stay(?:ed|s|ing)? out "
                         r"(?:all night|overnight|till)|returned (?:herself|himself|home)? ?(?:at )?0?[5-9][:.]?\d\d",
    # County lines (000 line 578, "gang involvement or county lines (involvement in inter-county drug distribution)"):
    # the signs of a child sent away from home to sell (travel, "working" in another town; a second phone alone is
    # not), and the words for the thing itself. Only
    # bot/engine/level_caps.FACT_TOPS reads them, beside a criminal-exploitation worry.
    "county_lines_signs": r"(?:train|coach) tickets?|"
                          r"(?:he|she|hed|he'?d|shed|she'?d|hes|shes|they)\s+(?:\w+\s+){0,2}['\"“‘]?(?:working|"
                          r"grafting|graftin) (?:in|down|up|over|away|out)|"
                          # found far from home in a flat with cash (set T: "police found him in a flat over there")
                          r"found (?:him|her|them) in (?:a|an|some) (?:flat|house|property|address)\b[^.!?]{0,40}?"
                          r"(?:£ ?\d{3,}|cash|money|phones?)",
    "county_lines_involved": r"county lines|trap ?house|cuckoo\w*|plugg\w*|drug debts?|owes? (?:them|the dealers?)|"
                             r"(?:going|went|gone|goes|being|sent) ['\"“‘]?ot\b|(?:line|graft|work) phone|"
                             r"(?:holding|stashing|carrying|moving|running) (?:drugs|gear|packages|parcels|bags) for|"
                             # set T's slang: "doing bits for the olders", "holding food", "going cunch"
                             r"doing bits for (?:the |some )?(?:olders|elders|older lads|olders')|"
                             r"(?:shotting|shottin|bagging up) (?:food|packs|nuggets|shots|bits)\b|"
                             r"holding (?:food|packs|nuggets)(?:['\"’”]| for (?:the |some )?(?:olders|elders|"
                             r"older lads|them|dealers?))|"
                             r"(?:going|went|gone|goes|sent|been|go) (?:out )?(?:cunch|country|cunchy|up country)\b|"
                             r"running (?:a|the|their|his|her) line\b",
    # A parent's threats to the child (set Q: "he'll put her in a children's home, that he'll drown her kitten"): 002
    # line 2104 (section 47) "Repeated allegations involving serious verbal threats and/or emotional abuse". Not
    # reflexive: "she'd hurt herself" is about the parent's own safety.
    "threat_to_child": r"(?:he|she|they|dad|daddy|mum|mummy|stepdad|stepmum|father|mother)(?:'ll| will| would|'d| is "
                       r"going to| threatens? to| threatened to| keeps threatening to) (?:\w+ ){0,2}?(?:drown|kill|"
                       r"hurt|burn|strangle|batter|get rid of|send (?:her|him|them) away|put (?:her|him|them) "
                       r"(?:in|into) (?:a |the )?(?:children'?s home|home|care))"
                       r"(?! (?:him|her|them|my|your|our)sel(?:f|ves)\b)",
    # Fled from abuse (000 Level 4 "Emergency housing needs as a consequence of fleeing domestic violence"): level_caps.
    "fled_abuse": r"\b(?:fled|fleeing|flee|escaped|escaping)\b[^.!?]{0,30}?\b(?:partner|husband|boyfriend|ex|abuse|"
                  r"violence|dv)\b",
    # A child shut in by someone (set Q: "the kids' room door was tied shut from the outside"): harm done, as 002 and
    # 004 put confinement with their top emotional-abuse and neglect lines.
    "confined": r"(?:tied|roped|wedged|bolted|fastened|jammed) (?:shut|closed)|(?:door|room)\b[^.!?]{0,30}?\bfrom the "
                r"outside|locked in (?:the |a |their |his |her )?(?:room|bedroom|cupboard|shed|cellar|garage|bathroom)|"
                r"shut in (?:the |a |their |his |her )?(?:cupboard|shed|cellar|garage)",
    "hazard": r"exposed (?:wires?|wiring)|live wires?|no heating|no electric\w*|no gas|gas leak|fire hazard|"
              r"leak\w* (?:onto|into|over|through)|mou?ld\w* (?:on|in|over)|broken (?:glass|windows?|stairs?)|"
              r"no (?:fire|stair) ?guard|needles? (?:on|lying|left)|rats?|infest\w*|unsafe (?:stairs|balcony|"
              r"windows?|wiring)|boarded (?:up )?with cardboard",
    "medical_risk": r"faint\w*|collaps\w*|admitted|hospital|a ?& ?e|lost (?:loads|a lot|so much|\d+ ?(?:kg|kilos?|"
                    r"stone|pounds)) (?:of )?weight|making (?:herself|himself|themselves) sick|purg\w*|"
                    r"not eating at all|stopped eating|unconscious|has a plan|made a plan|tried to (?:kill|hang|end)|"
                    r"attempt\w*|ligature|overdos\w*|suicide note|can(?:not|'?t) be (?:managed|kept safe|cared "
                    r"for) at home|inpatient|psychiatric (?:unit|bed|admission|hospital|ward)|tier 4|sectioned",
    "pregnant_victim": r"pregnan\w*|expecting",
    "child_present": r"in front of|while (?:the )?(?:kids|children|baby|child)|(?:kids|children|child|baby|he|she)"
                     r" (?:was|were) (?:there|present|in the room|watching|in the house|home)|saw it|witness\w*|"
                     r"heard (?:it|everything|the)",
    "images": r"pictures?|photos?|pics?|nudes?|images?|videos?|selfies?|on camera|webcam",
    "meeting": r"meet(?:ing)? (?:up|him|her|them)|come and see|pick (?:her|him) up|arranged to meet|go and see him",
    "gifts": r"gifts?|presents?|money|phone|trainers|vapes?|alcohol|lifts?|free stuff|bought (?:her|him)",
    "long_duration": r"for (?:over )?(?:months|years|ages|a long time|a long while|a year|the last year)|"
                     r"since (?:last|the start|"
                     r"year \d|y\d|reception|nursery|birth|christmas|summer|easter|september|he was|she was|they were)|"
                     # A prison sentence's length is not how long a worry has lasted ("sentenced 2 yrs").
                     r"(?<!sentenced )(?<!sentence of )(?<!got )"
                     r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|few|couple of) ?"
                     r"(?:months|years|(?:yrs|mths)(?!\s*ago))|"
                     r"ongoing|long[- ]standing|"
                     r"chronic(?! (?:fatigue|pain|illness|condition|kidney|lung|heart|asthma))|"
                     r"all (?:year|"
                     r"term)|third (?:winter|year|time)",
    # 000 Level 4 "Child is main carer for family member" (line 1374). Only bot/engine/level_caps.FACT_TOPS reads it.
    "main_carer": r"main carer|sole carer|only carer|(?:basically |practically |pretty much )?runs the (?:house|home|"
                  r"household)|does everything (?:for (?:her|his|their) (?:mum|dad|mother|father)|in the house)",
    "not_coping": r"not coping|can'?t cope|couldn'?t cope|struggling to cope|at (?:her|his|their) wits'? end",
    "parent_incapacity": r"can'?t get out of bed|passed out|"
                         r"unconscious|stumbling|slurr\w*|too drunk|off (?:her|his|their) face|hearing voices|"
                         r"psychos\w*|psychotic|sectioned|delusion\w*|paranoi\w*|crack|heroin|injecting|needles|"
                         r"overdos\w*|collaps\w*|can'?t look after|not (?:feeding|changing|washing)",
    "witnessed_explanation": r"(?:saw|see|seen|watched|witnessed|was there when|(?:was|were) (?:right )?(?:behind|"
                             r"beside|next to|with) (?:her|him|them) (?:when|and saw)|"
                             r"in front of (?:me|us|staff|everyone)) "
                             r"(?:\w+ ){0,4}(?:fall|fell|trip\w*|slip\w*|collid\w*|crash\w*|bump\w*|bang\w*|"
                             r"tackl\w*|land\w*|happen\w*|the accident|go over|go down|went over|went down|hit by|"
                             r"come off|came off|fly|flew)|saw (?:it|the whole thing|it all)(?: happen\w*)?(?=[,.;!]| "
                             r"and)|(?:fall|fell|trip\w*|slip\w*|tackl\w*|collision|accident|came off|come off)\b"
                             r"[^.]{0,60}\b(?:saw|seen|watched|witnessed|in front of)|"
                             r"(?:accident|incident) (?:form|book|record|slip)|first aid",
    # A mark with a medical account of it: a skin condition or a birthmark a clinician recorded.
    # An injury said to come from a named sport (set R: "a black eye from boxing ... first proper sparring"): for a
    # mobile child with no doubt said, 002 Tier 1 "bruising consistent with normal play" (hit_rules.reassurance).
    "sport_explanation": r"(?:from|at|during|in|doing) (?:his |her |their |the )?(?:boxing|sparring|rugby|football|"
                         r"karate|judo|taekwondo|kickboxing|kick boxing|mma|martial arts|hockey|lacrosse|cricket|"
                         r"netball|gymnastics|trampolin\w*|skateboard\w*|bmx|climbing)|sparring",
    "explained_condition": r"eczema|psoriasis|impetigo|chicken ?pox|birth ?marks?|mongolian (?:blue )?spots?|"
                           r"dermal melanocytosis|slate-? ?gr[ae]y (?:naevi|patch\w*)|molluscum|dermatitis|"
                           r"nappy rash|hives|urticaria|(?:gp|doctor|consultant|dermatolog\w*)(?:'s)? letter|"
                           r"documented (?:at|since|from) (?:birth|the newborn check)|"
                           # Diagnosed conditions that explain bruising or falls in a mobile child.
                           r"bleeding disorder|von willebrand\w*|ha?emophilia|itp|low platelets|dyspraxi\w*|"
                           r"developmental co-?ordination disorder|dcd|hypermobil\w*|ehlers[- ]danlos|"
                           r"osteogenesis imperfecta|brittle bones?",
    "diagnosed": r"diagnos\w*|under (?:the )?(?:consultant|paediatrician|hospital|dietitian|dietician|specialist)|"
                 r"medical condition|known condition|coeliac|crohn'?s|diabetes|cystic fibrosis|"
                 r"medication (?:side effect|for)",
    # 002 Tier 3 "parent believes in physical punishment to manage behaviour" (a habit, not a one-off).
    "punishment_belief": r"believes? in (?:smack\w*|hitting|physical|a good)|never did (?:me|him|her|us|them) any harm|"
                         r"only (?:thing|way) (?:that )?works|(?:gives?|giving) (?:him|her|them) (?:a (?:good )?)?"
                         r"(?:smack|slap|hiding|belting|clip)\w* when|when (?:he|she|they)(?:'s|'re| is| are)? "
                         r"(?:naughty|cheeky|rude|playing up)",
    # A child with no parent or carer in the country (000/002/003/004 top lines: "Unaccompanied refugee/asylum
    # seeker", "the child is an unaccompanied asylum-seeker"). Only bot/engine/level_caps.FACT_TOPS reads it.
    "unaccompanied": r"unaccompanied|no (?:family|parents?|relatives|adults?|one|body)(?: \w+){0,3} (?:here|"
                     r"in (?:the )?uk|in this country|in england|in britain)|(?:his|her|their) parents (?:are|were) "
                     r"(?:dead|killed|abroad|back home)|(?:nobody|no ?one|no-one) (?:is )?waiting for (?:him|her)|"
                     r"(?:travell?ed|came|arrived) (?:here )?(?:alone|on (?:his|her) own)",
    "direct_denial": r"asked (?:\w+ ){0,3}(?:directly|straight|outright|specifically|if|whether)|"
                     r"(?:denies|denied|said no|says no|no (?:thoughts|plans|intent))",
}
FACT_PATTERNS.update(EXTREMISM_FACTS)
_COMPILED = {name: re.compile(rf"\b(?:{pattern})\b", re.I) for name, pattern in FACT_PATTERNS.items()}
# Facts that make a worry more serious, whichever concept it is about.
SEVERITY_FACTS = frozenset({"mark", "implement", "head_face", "shaking", "strangling", "weapon", "serious_assault",
                            "repeated_police", "frightened", "frequent", "impact", "refusal", "long_duration",
                            "parent_incapacity", "exploitation_signs", "overnight_missing", "hazard", "not_coping",
                            "confined", "threat_to_child"})


# Facts that can carry a need to its level-4 (acute) line: harm done or threatened, a parent who cannot or
# will not meet the need, or a disability that needs specialist services. Frequency, duration, fear and
# impact are facts of level 3 (the matrices' "persistent", "impacting on") but not on their own of level 4.
ACUTE_FACTS = frozenset({"mark", "implement", "head_face", "shaking", "strangling", "weapon", "serious_assault",
                         "repeated_police", "refusal", "parent_incapacity", "complex_disability", "hazards",
                         "medical_risk", "confined", "threat_to_child"})


# Facts of harm done or threatened: the only ones that can carry a concept that is not itself a red flag to
# its area's section 47 item (complex disability or a medical risk open a level-4 line, not section 47).
HARM_FACTS = frozenset({"mark", "implement", "head_face", "shaking", "strangling", "weapon", "serious_assault",
                        "repeated_police", "parent_incapacity", "hazards", "confined", "threat_to_child"})


@dataclass(frozen=True)
class Facts:
    """The severity facts stated in one stretch of text."""

    found: FrozenSet[str]

    def __contains__(self, name: str) -> bool:
        return name in self.found

    @property
    def acute(self) -> int:
        return len(self.found & ACUTE_FACTS)

    @property
    def harm(self) -> int:
        return len(self.found & HARM_FACTS)

    def without(self, names: FrozenSet[str]) -> Facts:
        """The facts less those a concept carries by its nature (cuts are what self-harm is)."""
        return Facts(found=self.found - names)

    @property
    def severity(self) -> int:
        """How many distinct severity facts were stated."""
        return len(self.found & SEVERITY_FACTS)


NEGATORS = {"no", "not", "never", "without", "nobody", "none", "nothing", "denies", "denied", "deny",
            # typed without the apostrophe ("didnt seem scared")
            "didnt", "doesnt", "dont", "wasnt", "isnt", "wont", "cant", "couldnt", "hasnt", "havent", "hadnt",
            "werent", "arent", "wouldnt", "shouldnt", "aint"}


def negated_at(text: str, start: int) -> bool:
    """"no marks", "wasn't frightened", "never been to the police": a negation in the three words before, in the
    same sentence ("No ID. No family in the UK": the first "no" denies nothing of the second sentence)."""
    window = re.split(r"[.!?;]\s", text[max(0, start - 40):start])[-1]
    before = re.findall(r"[\w']+", window.lower())[-3:]
    return any(w in NEGATORS or w.endswith("n't") for w in before)


# A cut to hours, pay or a supply, said in any tense ("after dad's hours were cut", "the gas got cut"): no wound.
_CUT_TO = re.compile(r"\b(?:hours|pay|wages?|benefits?|funding|budget|money|electric(?:ity)?|gas|power|water|phone|"
                     r"internet|hair|grass|lawn|contact)\b(?:\s+\w+){0,2}?\s+(?:were|was|been|got|get|gets|are|is|"
                     r"being)\s+$", re.I)


def cut_to_money_or_hours(text: str, match: re.Match) -> bool:
    """True when a matched "cut" is a cut to hours, pay or a supply ("hours were cut"), not a wound."""
    return match.group(0).lower().startswith("cut") and bool(_CUT_TO.search(text[max(0, match.start() - 40):
                                                                                   match.start()]))


@lru_cache(maxsize=4096)
def read_facts(text: str) -> Facts:
    """The facts stated (not denied) in the text."""
    text = text or ""
    found = set()
    for name, pattern in _COMPILED.items():
        if name == "direct_denial":  # a denial is itself the fact
            if pattern.search(text):
                found.add(name)
            continue
        stated = [m for m in pattern.finditer(text) if not negated_at(text, m.start())]
        if name == "mark":
            stated = [m for m in stated if not cut_to_money_or_hours(text, m)]
        if stated:
            found.add(name)
        if name == "hazard" and len(stated) >= 2:
            found.add("hazards")  # several dangers in one home (wiring, no heating, a leak over the cot)
    return Facts(found=frozenset(found))


def has_fact(text: str, name: str) -> bool:
    return name in read_facts(text)


def contradicted(text: str) -> List[str]:
    """Facts both denied and stated ("no marks ... there were marks on her arm"): the stated one wins."""
    out: List[str] = []
    for name in sorted(SEVERITY_FACTS):
        matches = list(_COMPILED[name].finditer(text or ""))
        if any(negated_at(text, m.start()) for m in matches) and any(not negated_at(text, m.start()) for m in matches):
            out.append(name.replace("_", " "))
    return out


# A physical act of violence, said in any tense. Why: an area's line for "non-physical" abuse (004 Level 2 "a
# victim of occasional or low-level non-physical abuse") cannot be the fit for a push or a punch.
PHYSICAL_ACT = re.compile(r"\b(?:push(?:ed|es|ing)?|shov(?:e|ed|es|ing)|"
                          r"hit(?:s|ting)?(?! (?:the roof|home|me that|it off))|slap(?:s|ped|ping)?|"
                          r"punch(?:ed|es|ing)?|kick(?:s|ed|ing)?|grabb?(?:ed|s|ing)?|strangl\w*|chok(?:e|ed|es|ing)|"
                          r"throttl\w*|headbutt\w*|beat(?:s|en|ing)?|thump\w*|bit|bites?|stab\w*|"
                          r"threw|thrown|throws?)\b", re.I)


def physical_act(text: str) -> bool:
    """True when a physical act is said and not denied ("he pushed her", not "he has never hit her")."""
    return any(not negated_at(text or "", m.start()) for m in PHYSICAL_ACT.finditer(text or ""))

"""Minimum levels from facts the seeds put at a level on their own (issue 11.4, issue 12).

The level variant of each concept is chosen by ``bot/engine/indicators``; these floors catch what that choice
cannot see, because the fact sits beside the worry rather than in its words:

- a fact that the open-question table says *leads to* level 3, once it has been stated next to a worry of
  its family (the same table asks for it when it was not stated, so one place says what moves the level);
- going missing with signs of exploitation, or repeatedly with the whereabouts not known;
- a child or a parent too frightened of someone at home to go home or to be talked about;
- a disabled child with complex care needs whose parent needs practical help or a break (a child in need,
  not section 47: consent is still needed).

Each floor returns ``(level, why)``; ``bot/engine/thresholds.decide_level`` applies them and says why.
"""

from __future__ import annotations

import re
from typing import Dict, List, Sequence, Tuple

from bot.engine.facts import has_fact, read_facts
from bot.engine.level_caps import capped_by_treatment
from bot.engine.open_questions import cached_questions
from bot.engine.rules.parent_drinking import escalated_use_floor
from bot.engine.rules.young_carer_load import caring_load_floor
from bot.language.matcher import ConceptHit

Floor = Tuple[int, str]

# 002 Tier 3 "Runs away frequently and/ or goes missing for periods; reasons for whereabouts not understood/
# reason to believe involvement in risky behaviours making them vulnerable to exploitation" (line 1006);
# 000 Level 3 "Missing from home or change in behaviour/routine suggesting development of inappropriate
# relationship" (line 1088); 004 Level 3 "The child persistently goes missing" (line 192).
MISSING_CONCEPTS = frozenset({"missing_from_home"})
REPEATED = re.compile(r"\b(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time\b|\bagain\b|\bkeeps?\b|"
                      r"\b(?:several|many|lots of|loads of|\d+|two|three|four|five|six) (?:(?:other|more) )?"
                      r"(?:times|nights|occasions|episodes)\b|\btwice\b|\bx ?[2-9]\b|"
                      r"\bfrequent\w*|\bpersistent\w*|\boften\b|\bevery (?:week|weekend)\b", re.I)
WHEREABOUTS_UNKNOWN = re.compile(r"(?:won'?t|wouldn'?t|doesn'?t|didn'?t|refuses? to|will not|would not) (?:say|tell)"
                                 r" (?:\w+ ){0,2}(?:where|who|whose)|no idea (?:where|who)|don'?t know where|"
                                 r"whereabouts (?:\w+ )?(?:unknown|not known)|unaccounted|"
                                 r"(?:nobody|no ?one|no-one)(?: \w+){0,2} knows? where", re.I)

# A child (or a parent) afraid of what happens at home if it is known: 004 Level 3 "the child appears fearful
# of the parent" (line 285); 002 consent: "would place ... someone else ... at increased risk of suffering
# harm". The fear itself is the fact: at least level 3, a conversation with the front door.
FEAR_OF_HOME = re.compile(r"\b(?:scared|frightened|afraid|terrified|petrified) (?:to go|of going) home\b|"
                          r"\b(?:doesn'?t|does not|don'?t|didn'?t) want to go home\b|\bwon'?t go home\b|"
                          r"\b(?:begged|pleaded with|asked|made) (?:me|us|him|her) (?:\w+ )?not to tell\b|"
                          r"\bif (?:he|she|they|dad|mum|her partner|his partner) finds? out\b", re.I)

# A disabled child's complex care needs and a parent who needs help to meet them. 000 lines 663-667 ("children
# who have a long lasting and substantial disability ... A social care request is also appropriate where
# parents need practical support and respite at home because of a disabled child's complex care needs");
# 002 line 566 ("will always require statutory intervention"); 003 line 208 Level 3 "Parent/carer of disabled
# child providing substantial care ... Parent/carer in need of short break"; 004 line 161 Level 3 "a disability
# which significantly affects their everyday functioning".
COMPLEX_CARE = re.compile(r"\b(?:profound\w*|severe (?:learning|physical|disabilit\w*|autism)|complex (?:needs|"
                          r"health|disabilit\w*|medical|care)|non-? ?verbal|(?:tube|peg|gastrostomy)[- ]?fe[de]\w*|"
                          r"peg feeds?|gastrostomy|tracheostomy|quadripleg\w*|cerebral palsy|gmfcs|wheelchair user|"
                          r"24[- ]hour care|life[- ]limiting|hoist\w*|suction\w*)\b", re.I)
CARER_NEED = re.compile(r"\b(?:short breaks?|respite|overnight carers?|carers? assessment|not coping|can'?t cope|"
                        r"struggling to cope|can'?t keep (?:doing|going)|at (?:her|his|their) wits'? end|"
                        r"exhausted|burn(?:ed|t) out|on (?:her|his) own with)\b", re.I)
DISABILITY_LEVEL: Dict[str, int] = {"northamptonshire": 4, "norfolk": 4, "nottingham_city": 3, "bedford_borough": 3}
# 004 line 241 Level 4: "One or more children's needs (e.g. disability, behaviour, long-term conditions) have a
# significant impact on the day to day lives of the child/children and their siblings and/or parents" (level 3
# is "not always met ... having an impact"). A brother or sister whose schooling or sleep suffers is that impact.
SIGNIFICANT_IMPACT_LEVEL: Dict[str, int] = {"bedford_borough": 4}
FAMILY_IMPACT = re.compile(r"\b(?:sibling|siblings|brother|sister|other (?:children|kids)|the \d+ ?(?:yo|year old))\b"
                           r"[^.]{0,80}\b(?:miss\w* school|missing (?:lessons|days)|late for school|falling behind|"
                           r"not sleeping|no sleep|disrupted (?:nights|sleep)|exhausted|young carer|caring for)|"
                           r"\b(?:given up|gave up|lost|had to leave) (?:her|his|their|my) (?:job|work)\b", re.I)


# 004 line 253, level 3: "... And/or the local authority hasn't been notified of the private fostering
# arrangement" (000 Appendix 1 puts "Privately fostered" at level 4; the floor is only a minimum).
NOT_NOTIFIED = re.compile(r"\b(?:didn'?t|did not|doesn'?t|does not|hasn'?t|has not|haven'?t|have not|never|not)\s+"
                          r"(?:\w+\s+){0,5}?(?:tell|told|notif\w*|inform\w*|let \w+ know)\s+(?:the\s+)?(?:council|"
                          r"local authority|la|children'?s services|social (?:care|services|workers?))\b|"
                          r"\bnot (?:been )?notified\b|\bno(?:body|one|-one)? (?:has )?(?:told|notified|informed) "
                          r"(?:the )?(?:council|local authority)\b", re.I)


# 001 lines 508-511, Level 3: "Potential indicators and concerns relating to online exploitation/coercion (e.g.
# Child becoming more secretive/anxious about phone/internet use"; 002 line 1051 and 004 line 185 put "signs of
# being secretive, deceptive/actively concealing internet/social media activities" in their top column. Secrecy
# said in the sentence of an online worry is at least level 3, whichever line's wording the ranker prefers.
ONLINE_CONCEPTS = frozenset({"online_harm"})
ONLINE_SECRECY = re.compile(r"\b(?:secretive|secrecy|cagey|guarded|jumpy|twitchy|panic\w*|hid(?:es|ing)?|hide|"
                            r"delet(?:es|ed|ing)|flip(?:s|ped|ping)?|snatch\w*|"
                            r"won'?t (?:say|tell (?:\w+ )?)(?:who|how old)|passcodes?|passwords?)\b", re.I)

# Drug paraphernalia left where the children are, in a home with a parent's drug use: 002 line 1836 (Tier 4
# "drug paraphernalia not stored or disposed of safely"), 004 line 271 (Level 4, the same words; "drug
# paraphernalia in their home" is level 3), 003 line 251 (immediate referral: "significant substance use issues
# which may make the children vulnerable to neglect"), 000 line 1283 (Level 4 "substance misuse significantly
# affects care of child"). Paraphernalia merely present stays with the concept's own level.
SUBSTANCE_CONCEPTS = frozenset({"parental_substance_misuse"})
PARAPHERNALIA_EXPOSED = re.compile(
    r"\b(?:used |dirty |uncapped |open )?(?:needles?|syringes?|sharps|crack pipes?|burnt spoons?|foils?)\b"
    r"[^.!?]{0,60}?\b(?:on (?:the|a) (?:floor|carpet|sofa|settee|table)|on (?:the |his |her |their )?(?:children'?s|"
    r"kids'?|baby'?s|child'?s|own)? ?(?:bed|cot|floor)|uncapped|(?:with)?in (?:\w+ )?reach|lying (?:about|around)|"
    r"where (?:the )?(?:kids|children|baby|toddler|little ones) (?:\w+ )?(?:play|sleep|could)|in (?:the|his|her) "
    r"(?:cot|toy box|bedroom))|\b(?:uncapped|used) (?:needles?|syringes?)\b", re.I)


# Extremist views with a call for violence against a group: 002 Tier 3 line 1081 and 004 line 182 Level 3 ("believes
# extreme violence should be used against people who disrespect their beliefs/ values"); 000 line 1062 Level 3
# "Exhibiting extremist language". Views alone stay at the concept's own level (002 Tier 2, 004 Level 2).
EXTREMISM_CONCEPTS = frozenset({"radicalisation"})


def level_floors(area: str, hits: Sequence[ConceptHit], text: str) -> List[Floor]:
    """Every floor the account supports, highest first."""
    live = [h for h in hits if not h.negated and h.field != "working_well"]
    floors = _family_floors([h for h in live if not capped_by_treatment(h.concept, text)]) + \
        _missing_floor(live, text) + _fear_floor(text) + _disability_floor(area, text) + \
        _private_fostering_floor(live, text) + _online_secrecy_floor(live) + _paraphernalia_floor(live, text) + \
        _violent_views_floor(live, text) + caring_load_floor(live, text) + \
        escalated_use_floor(live, text)
    return sorted(floors, key=lambda f: -f[0])


def _family_floors(hits: Sequence[ConceptHit]) -> List[Floor]:
    """A level-3 fact of the open-question table, stated in the sentence of a worry of its family."""
    floors: List[Floor] = []
    for family in cached_questions().families:
        mine = [h for h in hits if h.concept in family.concepts]
        if not mine:
            continue
        stated = read_facts(_beside_the_worry(mine, hits))
        fact = next((q for q in family.questions if q.leads_to == 3 and q.fact in stated), None)
        if fact:
            floors.append((3, f"What you said about {family.id.replace('_', ' ')} includes a fact the guidance puts "
                              f"at level 3 ({fact.fact.replace('_', ' ')}), so the level is at least 3."))
    return floors


def _beside_the_worry(mine: Sequence[ConceptHit], hits: Sequence[ConceptHit]) -> str:
    """The worries' sentences without the matched words themselves: "came in hungry" is the neglect, not a fact
    about its impact; "a few times a week now" beside a slap is a fact about it."""
    out = []
    for sentence in dict.fromkeys(h.sentence for h in mine):
        for hit in hits:
            if hit.sentence == sentence and hit.words:
                sentence = sentence.replace(hit.words, " ")
        out.append(sentence)
    return " ".join(out)


def _missing_floor(hits: Sequence[ConceptHit], text: str) -> List[Floor]:
    facts = read_facts(text)
    missing = any(h.concept in MISSING_CONCEPTS for h in hits) or "overnight_missing" in facts
    if not missing:
        return []
    if "exploitation_signs" in facts:
        return [(3, "Going missing with signs of exploitation (older friends, new things, lifts) is at least "
                    "level 3 in the guidance.")]
    if REPEATED.search(text) and WHEREABOUTS_UNKNOWN.search(text):
        return [(3, "Going missing more than once, with no one knowing where the child goes, is at least level 3 "
                    "in the guidance.")]
    return []


def _fear_floor(text: str) -> List[Floor]:
    if FEAR_OF_HOME.search(text):
        return [(3, "Someone is frightened of what happens at home if this is known: the guidance puts a child "
                    "who is fearful at level 3 at least. Talk it through with the front door.")]
    return []


def _disability_floor(area: str, text: str) -> List[Floor]:
    level = DISABILITY_LEVEL.get(area)
    if level and COMPLEX_CARE.search(text) and FAMILY_IMPACT.search(text):
        level = max(level, SIGNIFICANT_IMPACT_LEVEL.get(area, level))
    if level and COMPLEX_CARE.search(text) and CARER_NEED.search(text):
        return [(level, f"A disabled child with complex care needs whose parent needs practical help or a break is "
                        f"a child in need: level {level} in this area's guidance. It is not a child protection "
                        "matter, so the family's consent is still needed.")]
    return []


def _private_fostering_floor(hits: Sequence[ConceptHit], text: str) -> List[Floor]:
    if any(h.concept == "private_fostering" for h in hits) and NOT_NOTIFIED.search(text):
        return [(3, "A private fostering arrangement the council has not been told about is at least level 3 in "
                    "the guidance: the council must be notified.")]
    return []


def _online_secrecy_floor(hits: Sequence[ConceptHit]) -> List[Floor]:
    if any(h.concept in ONLINE_CONCEPTS and ONLINE_SECRECY.search(h.sentence) for h in hits):
        return [(3, "A child becoming secretive or anxious about their phone or what they do online is at least "
                    "level 3 in the guidance: it can be a sign of online exploitation or grooming.")]
    return []


def _paraphernalia_floor(hits: Sequence[ConceptHit], text: str) -> List[Floor]:
    if any(h.concept in SUBSTANCE_CONCEPTS for h in hits) and PARAPHERNALIA_EXPOSED.search(text):
        return [(4, "Drug paraphernalia left where the children are, in a home where a parent uses drugs, is the "
                    "guidance's top level: it is not stored or disposed of safely, and the children are exposed.")]
    return []


def _violent_views_floor(hits: Sequence[ConceptHit], text: str) -> List[Floor]:
    if any(h.concept in EXTREMISM_CONCEPTS for h in hits) and has_fact(text, "endorses_violence"):
        return [(3, "Extremist views with a call for violence against a group of people are at least level 3 in "
                    "the guidance: a conversation with the front door, and advice from Prevent.")]
    return []

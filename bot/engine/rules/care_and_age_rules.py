"""Red flags said in plain words: children left without care, and what a child's age makes of a fact.

The misses of tuning set G (issue 11) were accounts that said the red flag without its words: a mother who
"goes to her boyfriend's on Fridays and comes back in the morning" while an eight-year-old minds her brother; a
neighbour asked to "mind her for an hour" whose mother has not come back days later; a twelve-year-old who
"did two tests and they were both positive"; a twelve-year-old whose boyfriend "is 19". Each rule reads the
shape of the account (who is away, for how long, who is left; the child's age beside the fact), cites its
seed line (tests/engine/test_care_and_age_rules.py quotes them), and adds a hit only where the matcher found
none of that concept and the words are not denied:

- a carer away overnight with a child under 12 and no other adult: abandonment (003 "Indicators requiring
  immediate referral": "Left 'home alone' and their age and vulnerability places them at risk"; 003
  Specialist "Child abandoned or left alone for long periods or overnight");
- a child left "for an hour" whose carer has not come back and cannot be reached: abandonment (004 s47 list
  "No available parent and child vulnerable to significant harm (e.g. an abandoned baby)");
- a girl of 9-17 who says she is pregnant or whose test was positive: a teenage pregnancy, and under 13 the
  age rule makes it sexual activity under 13 (002 s47 table "Pregnancy in a child aged under 13");
- a child under 16 whose boyfriend or girlfriend is an adult: child sexual exploitation (000 Appendix 1 level 4
  and 002 Tier 4: a child in a sexual relationship with an adult; 001 Level 4 "Child Sexual Exploitation");
- a child out of school who cleans or minds the children of a household that is not her own family: domestic
  servitude (004 private fostering level 4 "a victim of CSE, domestic slavery"; 002 and 004 s47 lists); a child
  working under someone's control is labour exploitation (``bot/engine/rules/child_labour``).
"""

from __future__ import annotations

import re
from typing import List, Optional

from bot.engine.rules.child_labour import child_labour
from bot.engine.rules.rule_hits import negated_before, rule_hit, sentence_of
from bot.language.matcher import ConceptHit

CARER = r"(?:mum|mummy|mam|mom|mother|dad|daddy|father|parents?|step-? ?(?:mum|dad)|carers?|she|he|they|lady|woman)"
_AWAY_OVERNIGHT = re.compile(
    rf"\b{CARER}\b[^.!?]{{0,90}}?\b(?:(?:comes?|came|coming|gets?|got|getting) (?:back|home) (?:in|at|first thing "
    r"in|the next) (?:the )?(?:morning|next day)|(?:out|away|gone) (?:all night|overnight|till (?:the )?morning)|"
    r"(?:stays?|stayed|staying|sleeps?|slept|sleeping) (?:out|over|away)(?: (?:all night|overnight))?|"
    r"(?:doesn'?t|didn'?t|does not|did not|don'?t|won'?t) come (?:back|home) (?:all night|till|until) "
    r"(?:the )?morning|(?:went|goes|go|gone|going) (?:out |off |away |to work )?(?:in|during|at) the night|"
    r"(?:went|goes|gone) out (?:at|every|most|some) nights?|"
    # A night shift: "the lady next door works nights at the care home, goes out about 8pm" (set N).
    r"works? (?:nights|night shifts?|a night shift|the night shift|on nights)|(?:is|'s) on nights|"
    # Out for the evening and back after midnight: "mummy went out after tea ... came back at half 12 from the pub".
    r"(?:went|goes|gone|going) out (?:after (?:tea|dinner|bedtime)|drinking|to the pub|clubbing|partying)|"
    r"(?:came|comes|come|coming|got|gets|get) (?:back|home|in) (?:till |until )?(?:at|after|about|around|gone) "
    r"(?:midnight|half (?:12|one|two|1|2)|"
    r"(?:1|2|3|4|one|two|three|four) ?(?:am|in the morning)))", re.I)
SIBLING = (r"(?:(?:her|his|their|the|my) )?(?:little |baby |younger |small )?(?:brothers?|sisters?|siblings?|baby|"
           r"toddler|the (?:little|younger) ones?)")
_LEFT_IN_CHARGE = re.compile(
    rf"\b(?:look(?:s|ing)? after|mind(?:s|ing)?|in charge of|babysit(?:s|ting)?) {SIBLING}|"
    rf"\b(?:puts?|putting|gets?|getting) {SIBLING} (?:to bed|up|ready)|"
    r"\b(?:did|does|do|doing) (?:the )?bedtime|\b(?:got|get|gets|made|makes) (?:the |their |our )?breakfast\b|"
    r"\b(?:no ?(?:one|body)|nobody|no adults?|no grown-? ?ups?) (?:else )?(?:is |was |'s )?(?:in|at|there|home|with "
    r"(?:them|her|him))|\b(?:on (?:their|our|her|his) own|by (?:themselves|ourselves|herself|himself)|just (?:me|us|"
    r"them) (?:and|two|three))\b|"
    # Children who came to a neighbour in the night: "knocked on my door in their pyjamas crying".
    r"\b(?:knock(?:ed|s|ing)?|bang(?:ed|s|ing)?) on (?:my|our|the|next door'?s?) (?:door|window)\b", re.I)
# Another adult with the children ("nan stays over", "dad is at home with them"), not the carer who is away.
_OTHER_ADULT = re.compile(
    r"\b(?:nan|nanna|nana|gran|granny|grandma|grandad|grandparents?|babysitter|childminder|auntie|aunt|uncle|"
    r"neighbour|dad|mum|stepdad|partner)\b[^.!?]{0,30}\b(?:stays? (?:over|with)|sleeps? over|comes? (?:round|over)|"
    r"ha(?:s|ve) (?:them|the kids|the children)|looks? after (?:them|the|him|her)|minds? (?:them|the)|"
    r"watches (?:them|the)|babysits?|sits? for|is (?:at )?home with|is in with|is there with)\b", re.I)
AWAY_MAX_AGE = 12

_MINDING = re.compile(r"\b(?:asked|begged|wanted) (?:me|us|[a-z]+) to (?:mind|watch|have|look after|babysit|keep an "
                      r"eye on)\b|\b(?:left|dropped(?: off)?) (?:her|him|them|the (?:baby|kids|children|little one))"
                      r" (?:off )?(?:with|at) (?:me|us|mine|ours|my)\b", re.I)
_NOT_BACK = re.compile(r"(?:\bnot|n'?t|\bnever) (?:come|came|been|got|gone) back\b|\bhasn'?t (?:returned|reappeared)\b|"
                       r"\bno sign of (?:her|him|them)\b|\bnot (?:returned|collected|picked (?:her|him|them) up)\b|"
                       r"\b(?:never|didn'?t) (?:collect\w*|pick\w* (?:her|him|them) up|return\w*)\b", re.I)
_UNREACHABLE = re.compile(
    r"\bphones? (?:\w+ ){0,2}(?:off|dead|switched off|(?:going|goes|went) (?:straight )?to voicemail|not (?:ringing|"
    r"connecting))|\bphones off\b|\bcan'?t (?:get hold of|reach|contact|get through to|find)\b|"
    r"\b(?:two|three|four|2|3|4|several) (?:days|nights)\b|\bovernight\b|\ball (?:night|weekend)|"
    r"\bit'?s (?:now )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)

PREGNANT_SELF = re.compile(
    r"\b(?:she'?s|she is|shes|she was|i'?m|i am|she might be|might be|could be|think she'?s|"
    r"she (?:says|said|told \w+) (?:she'?s|she is|she was))\s+(?:\w+\s+)?(?:pregnant|expecting|having a baby)\b|"
    r"\bpregnancy test|\bpositive test|\btests? (?:\w+ ){0,5}(?:were|was|are|is|came back|come back|both|all) "
    r"(?:both |all )?(?:positive|\+ve)\b|tummy (?:has )?(?:got|getting|is getting) (?:bigger|rounder)|"
    r"missed (?:her|my) (?:periods?|monthly|monthlies|time of the month)|"
    # A child's own words for it (set P): "a baby in her tummy", "the test was positive".
    r"(?:a )?baby in (?:her|my) (?:tummy|belly)|\btests? (?:was |is |came back |come back |were )?(?:positive|\+ve)\b|"
    # Health shorthand: "UPT positive", "~10/40 by dates", "12 weeks pregnant".
    r"\bupt\s*(?:\+ve|positive|pos)\b|"
    # A test said, then its result after a dash (set R): "Did a test with her at her request - positive"; and "late"
    # in quotes, the everyday word for a missed period: she's "late".
    r"\btest\b[^.!?]{0,40}?\s[-–—:]\s*(?:positive|\+ve|pos)\b|(?:she'?s|shes|i'?m|im)\s+['\"‘“]late['\"’”]|"
    r"\bperiods? (?:is |are |was )?(?:late|hasn'?t come|not come)\b|"
    r"(?<![\d/])(?:[4-9]|[1-3]\d)/40\b|\b(?:[4-9]|[1-3]\d) ?(?:weeks?|wks?) "
    r"(?:pregnant|gestation)", re.I)
# "Mum is 20/40": the pregnancy is the mother's (or another adult's), not the child's.
_ADULT_BEFORE = re.compile(r"\b(?:mum|mummy|mam|mom|mother|stepmum|auntie|aunt|sister|nan|gran|woman|lady|partner|"
                           r"girlfriend|wife)(?:'s)?\s+(?:[\w~]+\s+){0,3}$", re.I)
_OTHER_TEST = re.compile(r"\b(?:covid|lateral flow|lft|pcr|strep|drugs? test|blood|bloods|urine|allergy|eye|hearing|"
                         r"spelling|maths|sats|driving)\b", re.I)
YOUNG_MOTHER_WORDS = re.compile(r"\b(mum|mother|mam|mom|stepmum|auntie|aunt|neighbour|woman|lady|sister-in-law|"
                                r"nan|gran)\b[^.]{0,30}\b(pregnant|expecting)", re.I)
PREGNANCY_AGES = (9, 18)

_ADULT_PARTNER = re.compile(
    r"\b(?:boyfriend|girlfriend|bf|gf|fella|partner)\b[^.!?]{0,40}?(?:\b(?:he'?s|she'?s|he is|she is|is|aged?|age)"
    r" (1[89]|[2-6]\d)\b(?! ?(?:mins?|minutes|miles|quid|pounds|%|percent))|\((1[89]|[2-6]\d)\)|\b(1[89]|[2-6]\d) ?"
    r"(?:yo|y/o|years? old|yrs? old|year-old))", re.I)
# A relationship said as "seeing" or "going out with" someone whose age is given ("she's been 'seeing' mum's friend's
# son, 19", set P).
_SEEING_ADULT = re.compile(
    r"\b(?P<verb>been seeing|seeing|going out with|goes out with|dating|getting engaged to|engaged to)\b[^.!?]{0,40}?"
    r"(?:\b(?:he'?s|she'?s|he is|she is|is|aged?)\s+|,\s*|\()(1[89]|[2-6]\d)\b"
    r"(?! ?(?:mins?|minutes|miles|quid|pounds|%|percent|weeks|months|days|years ago))", re.I)
# Someone a child "sees" by right or for help: a parent at contact, a relative, a professional.
_SEEN_BY_RIGHT = re.compile(r"^\W*(?:(?:her|his|their|my|a|the|our)\s+)?(?:new\s+)?(?:dad|daddy|father|mum|mummy|"
                            r"mother|parents?|nan|nana|gran|grandma|grandad|grandpa|"
                            r"grandparents?|uncle|aunt\w*|brother|sister|cousin|step\w*|social worker|counsell?or|"
                            r"therapist|doctor|gp|nurse|camhs|worker|mentor|tutor|teacher|coach|psychologist)\b"
                            r"(?!['’]s)", re.I)
# The boyfriend's age said a sentence or two later: "She's got a boyfriend now ... He's 19 I think" (set N).
_BOYFRIENDS_AGE_LATER = re.compile(
    r"\b(?:boyfriend|bf|fella)\b.{0,200}?\bhe(?:'s|’s| is) (?:about |around |like |maybe )?(1[89]|[2-6]\d)\b"
    r"(?! ?(?:mins?|minutes|miles|quid|pounds|%|percent|months|weeks|days))", re.I | re.S)
# "mum's boyfriend", "mum has a new boyfriend" (not "she told mum her boyfriend ...").
_PARENTS_PARTNER = re.compile(r"\b(?:mum|mummy|mam|mom|mother|dad|daddy|father|nan|gran|auntie|aunt|sister)(?:'?s)?"
                              r"(?: (?!her\b|his\b|my\b|their\b)\w+){0,3}\s+$", re.I)
PARTNER_MAX_AGE = 16

_NOT_IN_SCHOOL = re.compile(
    r"\b(?:(?:doesn'?t|does not|don'?t|didn'?t|never|isn'?t|is not|not|hasn'?t|has not) (?:\w+ )?(?:go|goes|going|"
    r"gone|been|attend\w*|in|at|registered (?:at|with|for)) (?:to )?(?:any )?(?:school|college)|not on (?:a |the )?"
    r"(?:school )?roll|no school place)\b", re.I)
_HOUSEHOLD_WORK = re.compile(
    r"\b(?:cleaning|cleans|scrubbing|washing|laundry|ironing|housework|chores|cooking|doing (?:all )?(?:the|their) "
    r"(?:washing|cleaning|cooking)|do (?:the|all the) house(?:work)?|"
    r"look(?:s|ing)? after (?:their|the|all the) (?:little ones|kids|children|baby|babies|toddlers?)|"
    r"mind(?:s|ing)? (?:their|the) (?:little ones|kids|children|baby))\b", re.I)
# The household is not the child's own family: a "cousin from back home", a child "brought over", their children.
_NOT_HER_FAMILY = re.compile(
    r"\b(?:from back home|(?:a |their |some )?(?:cousin|niece|nephew|relative) from|brought (?:her|him) over|"
    r"(?:say|says|said|claim\w*|told (?:me|us)) (?:she|he)(?:'s| is| was) (?:a |their |the )?(?:cousin|niece|nephew|"
    r"relative|family)|(?:not|isn'?t|aren'?t|wasn'?t) (?:their|her|his) (?:own|real|daughter|son)|"
    r"(?:their|the family'?s) (?:own )?(?:little "
    r"ones|kids|children|baby|babies)|"
    # A woman the child calls "aunty" who is a family friend, and her children: "aunty's 3 kids".
    r"family friend|(?:calls?|called) (?:her|him) ['\"‘]?(?:aunty|auntie|aunt|uncle)|"
    r"not (?:really|actually) (?:her|his) (?:aunty|auntie|aunt|uncle)|"
    r"(?:aunty|auntie|aunt|uncle|woman|man)['’]?s (?:\d+ |two |three |four |five )?"
    r"(?:kids|children|little ones|baby|babies))\b", re.I)


def away_overnight(text: str, age_years: Optional[float]) -> Optional[ConceptHit]:
    """A carer away all night while a child under 12 is left with no adult (or minding a younger one)."""
    if age_years is None or not 0 <= age_years < AWAY_MAX_AGE:
        return None
    for match in _AWAY_OVERNIGHT.finditer(text):
        window = text[max(0, match.start() - 250):match.end() + 300]
        left = _LEFT_IN_CHARGE.search(window)
        if left and not _OTHER_ADULT.search(window) and not negated_before(text, match):
            return rule_hit("abandonment", "a young child left without an adult overnight", text, match)
    return None


def minded_and_not_collected(text: str) -> Optional[ConceptHit]:
    """A child left with someone "for an hour" whose carer has not come back and cannot be reached."""
    minding = _MINDING.search(text)
    if minding is None:
        return None
    after = text[minding.start():]
    gone = _NOT_BACK.search(after)
    if gone and _UNREACHABLE.search(after):
        return rule_hit("abandonment", "a child left with someone whose carer has not come back", text, minding)
    return None


def own_pregnancy(text: str, age_years: Optional[float]) -> Optional[ConceptHit]:
    """A girl of 9-17 who is, or may be, pregnant (the age rule makes it under-13 sexual activity below 13)."""
    if age_years is None or not PREGNANCY_AGES[0] <= age_years < PREGNANCY_AGES[1] or YOUNG_MOTHER_WORDS.search(text):
        return None
    for match in PREGNANT_SELF.finditer(text):
        sentence, _ = sentence_of(text, match)
        before = sentence[:max(0, sentence.find(match.group(0)))]
        if not _OTHER_TEST.search(sentence) and not _ADULT_BEFORE.search(before):
            return rule_hit("teenage_pregnancy", "a teenage pregnancy", text, match)
    return None


def adult_partner(text: str, age_years: Optional[float]) -> Optional[ConceptHit]:
    """A child under 16 whose boyfriend or girlfriend is said to be 18 or over (not a parent's partner)."""
    if age_years is None or not 0 <= age_years < PARTNER_MAX_AGE:
        return None
    seeing = [m for m in _SEEING_ADULT.finditer(text) if not _SEEN_BY_RIGHT.search(text[m.end("verb"):m.end()])]
    for match in [*_ADULT_PARTNER.finditer(text), *_BOYFRIENDS_AGE_LATER.finditer(text), *seeing]:
        before = text[max(0, match.start() - 30):match.start()]
        if not _PARENTS_PARTNER.search(before) and not negated_before(text, match):
            return rule_hit("child_sexual_exploitation", "a child whose boyfriend or girlfriend is an adult", text,
                            match)
    return None


def kept_to_work(text: str, age_years: Optional[float]) -> Optional[ConceptHit]:
    """A child out of school, cleaning or minding the children of a household that is not her own family: domestic
    servitude (004 private fostering level 4 "a victim of CSE, domestic slavery"; 002/004 s47 "trafficked")."""
    if age_years is not None and age_years >= 18:
        return None
    school = _NOT_IN_SCHOOL.search(text)
    if school is None:
        return None
    window = text[max(0, school.start() - 300):school.end() + 300]
    work = _HOUSEHOLD_WORK.search(window)
    if work and _NOT_HER_FAMILY.search(text):
        return rule_hit("trafficking", "a child kept out of school to work in a household (domestic servitude)", text,
                        school)
    return None


# A child living with someone said not to be family, said across sentences ("a friend of Grace's mum from church, not a
# relative. Grace has lived with her since about February"): private fostering (003 line 206 "Privately fostered";
# 004 line 253). The 28-day rule stays in the age rules, on the duration said.
_NOT_FAMILY = re.compile(r"\b(?:not (?:a |any )?(?:relative|relation|related|family)|unrelated|"
                         r"(?:a |her |his )?friends? of (?:\w+['’]s )?(?:mum|mother|dad|father|parents?|family))\b",
                         re.I)
_LIVES_WITH = re.compile(r"\b(?:lived|lives|living|live|staying|stayed|stays|stopping) with (?:her|him|them|mrs|mr|ms|"
                         r"miss|this (?:lady|woman|man|family)|that (?:lady|woman|man|family))\b(?!['’]?s? (?:mum|"
                         r"mother|dad|father|nan|gran|grandma|grandad|parents?|family|aunt\w*|uncle|sister|brother))",
                         re.I)
_FOR_A_WHILE = re.compile(r"\b(?:since|months?|weeks?|term|year)\b", re.I)
PRIVATE_FOSTERING_MAX_AGE = 16


def lives_with_someone_not_family(text: str, age_years: Optional[float]) -> Optional[ConceptHit]:
    """A child under 16 living for a while with someone said not to be a relative."""
    if age_years is None or not 0 <= age_years < PRIVATE_FOSTERING_MAX_AGE:
        return None
    for match in _LIVES_WITH.finditer(text):
        window = text[max(0, match.start() - 300):match.end() + 120]
        if _NOT_FAMILY.search(window) and _FOR_A_WHILE.search(text[match.end():match.end() + 60]) \
                and not negated_before(text, match):
            return rule_hit("private_fostering", "a child living with someone who is not a close relative", text,
                            match)
    return None


def care_and_age_rules(hits: List[ConceptHit], text: str, age_years: Optional[float]) -> List[ConceptHit]:
    """Add these red flags where the matcher found none of the concept (never a denied one)."""
    found = {h.concept for h in hits if not h.negated and h.field not in ("needs", "working_well")}
    extra: List[ConceptHit] = []
    if "abandonment" not in found:
        hit = away_overnight(text, age_years) or minded_and_not_collected(text)
        if hit is not None:
            extra.append(hit)
    if not found & {"teenage_pregnancy", "sexual_activity_under13"}:
        hit = own_pregnancy(text, age_years)
        if hit is not None:
            extra.append(hit)
    if "child_sexual_exploitation" not in found:
        hit = adult_partner(text, age_years)
        if hit is not None:
            extra.append(hit)
    if "private_fostering" not in found:
        hit = lives_with_someone_not_family(text, age_years)
        if hit is not None:
            extra.append(hit)
    if "trafficking" not in found:
        hit = kept_to_work(text, age_years) or child_labour(text, age_years)
        if hit is not None:
            extra.append(hit)
    return hits + extra

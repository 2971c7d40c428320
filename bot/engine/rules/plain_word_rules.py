"""Red flags said in plain words that no concept pattern holds (issue 11; the misses of tuning set D).

People describe the worst things without the words a lexicon expects: "he puts his hand down the back of
their leggings and says it's tickle time", "he held a kitchen knife to her throat", "pictures of children on
his laptop, not clothed", "she's been living at her friend's mum's for five weeks". Each rule reads the
shape of the account (who, what, where on the body, how long), not one phrasing, and cites its seed line
(tests/engine/test_plain_word_rules.py quotes them):

- touching under a child's clothes, or a secret "game" about the child's body with a ban on telling, is
  sexual abuse (002 line 2107 and 004 line 308: "Direct allegation of sexual abuse made by child"; 000
  Appendix 1 level 4: "Allegations or suspicion about a serious injury or sexual abuse to a child");
- a knife, a weapon or strangling used on a parent or partner is domestic abuse; ``serious_domestic_abuse``
  then makes it level 4 (000 line 688: "significant harm could occur where there is a single event, such
  as a violent assault");
- pictures of unclothed children kept by an adult: an individual posing a risk (002 line 2111, 004 line 310:
  "An individual (adult or child) posing a risk to children"; 000 line 1295: "Downloading sexual imagery of
  children");
- a carer who "used the belt" on a child: physical harm with an implement (002 Tier 4 "Parent deliberately
  physically harms child");
- children visibly thin who ask others for food: serious neglect (004 s47 list "Allegations / reasonable
  suspicions of serious neglect");
- a child living with someone who is not a relative is private fostering (000 Appendix 1 level 4
  "Privately fostered"; 002 line 564 "children who are privately fostered" always need statutory
  intervention); the 28-day rule stays where it is (``bot.engine.indicators.apply_age_rules``).

A rule adds a hit only where the matcher found none of that concept, and never on a denied clause.
"""

from __future__ import annotations

import re
from typing import List, Optional

from bot.engine.rules.rule_hits import DENIAL, negated_before, rule_hit, sentence_of
from bot.language.matcher import ConceptHit

CLOTHES = (r"(?:leggings|pants|knickers|trousers|pyjama\w*|pjs|nightie|nightdress|nightwear|underwear|costume|"
           r"swimming costume|swimsuit|shorts|skirt|tights|clothes|clothing|school skirt|nappy|vest|top|bottoms|"
           r"jeans|joggers|onesie|boxers|bra|uniform)")
_UNDER_CLOTHES = re.compile(
    rf"\b(?:hands?|fingers?|puts? (?:his|her) hand|touch\w*|tickl\w*|rub\w*|feel\w*|strok\w*)\b[^.!?]{{0,40}}?"
    rf"\b(?:down|inside|in|under|up|into)\s+(?:the\s+(?:back|front)\s+of\s+)?(?:her|his|their|them|my)?\s*"
    rf"(?:\w+\s+)?{CLOTHES}\b"
    rf"|\b{CLOTHES}\s+(?:goes|go|come|comes|came|went|are|is|get|gets|got)\s+(?:off|down|taken off|pulled down)\b"
    rf"|\b(?:takes?|took|pulls?|pulled)\s+(?:her|his|their|my)\s+{CLOTHES}\s+(?:off|down)\b", re.I)
_SECRET_GAME = re.compile(r"\b(?:secret|special|private|our|naughty|tickl\w*)\s+(?:\w+\s+)?(?:game|games|time|"
                          r"cuddles?)\b|\btickle time\b", re.I)
_BODY_OR_BATH = re.compile(rf"\b(?:bath|bed|bedroom|body|bottom|bum|hurts?|hurting|sore|{CLOTHES})\b", re.I)
_NO_TELLING = re.compile(r"\b(?:not|never|n'?t|don'?t|mustn'?t)\s+(?:\w+\s+){0,3}(?:tell|say|talk)\w*|"
                         r"\b(?:our|a|the|it'?s a|keep it)\s+secret\b|\btold off if (?:she|he) tells\b|"
                         r"\bnot allowed to (?:talk|say|tell)\b", re.I)

PARTNER = (r"(?:partner|boyfriend|girlfriend|husband|wife|ex|fella|bloke|dad|daddy|stepdad|father|he|she|him|"
           r"step-?dad)")
_WEAPON_ON_ADULT = re.compile(
    rf"\b{PARTNER}\b[^.!?]{{0,60}}?\b(?:knife|knives|blade|machete|gun|hammer|weapon|scissors|screwdriver|bat)\b"
    rf"[^.!?]{{0,40}}?\b(?:to|at|against|on|in|towards)\s+(?:her|mum|mummy|me|my (?:wife|partner|girlfriend))\b"
    rf"|\b{PARTNER}\b[^.!?]{{0,40}}?\b(?:strangl\w*|chok\w*|throttl\w*|hands? (?:round|around|on) (?:her|mum'?s|my) "
    rf"(?:neck|throat))", re.I)
_ADULT_VICTIM = re.compile(r"\b(?:mum|mummy|mother|wife|girlfriend|partner|her|me|my)\b", re.I)

_IMAGES_OF_CHILDREN = re.compile(
    r"\b(?:pictures?|photos?|photographs?|images?|videos?|pics|films?|clips?)\s+of\s+(?:\w+\s+){0,2}"
    r"(?:children|child|kids|girls|boys|little ones|babies|toddlers|teenagers|young (?:girls|boys|people))\b",
    re.I)
_UNCLOTHED = re.compile(r"\b(?:not (?:clothed|dressed|wearing (?:any|anything|clothes))|no clothes|without clothes|"
                        r"unclothed|undressed|naked|nude|topless|in their underwear|rude|indecent|sexual|explicit|"
                        r"posed|posing)\b", re.I)
_ADULT_HOLDER = re.compile(r"\b(?:on|in)\s+(?:my|his|her|the|their)\s+(?:\w+'?s?\s+)?(?:laptop|computer|phone|pc|"
                           r"tablet|ipad|hard drive|memory stick|usb|camera|cloud|account)\b", re.I)

# Living there, not a night at a friend's ("he'd been at his mate's house"): private fostering is an arrangement.
_LIVING_WITH = re.compile(r"\b(?:living|lives|live|moved in|(?:has|have|had|'s|'ve) been (?:staying|stopping|sleeping))"
                          r"\s+(?:next door\s+|there\s+|here\s+)?(?:with|at|in)\b|"
                          r"\b(?:living|staying|stopping) (?:next door|there|here) (?:since|for)\b", re.I)
_NOT_RELATIVE = re.compile(
    r"\b(?:not (?:a |her |his |their )?(?:relative|related|family|blood)|no relation|not related to (?:her|him|them)|"
    r"(?:mum|dad|mother|father)'?s (?:friend|mate|colleague|work friend)|friend from work|family friend|"
    r"(?:friend|mate|boyfriend|girlfriend)'?s (?:family|mum|mam|dad|parents|house|place|flat)|"
    r"a friend'?s (?:house|place|flat|family)|(?:his|her) (?:friend|mate)'?s (?:house|place|flat)|"
    r"(?:a|an) (?:family )?friend of (?:the family|mum'?s|dad'?s)|"
    r"(?:a )?friend'?s (?:son|daughter|child|kid|boy|girl|lad|lass)|"
    r"(?:her|his|their) (?:\d{2} ?(?:year|yr)s?[- ]old |older |adult )?(?:cousin|godmother|godfather|godparent)|"
    r"(?:his|her|their) parents (?:are|have been|were) (?:\w+ )?(?:working|living|staying) (?:abroad|away|overseas|"
    r"in [A-Z]\w+))\b", re.I)
IMPLEMENTS = (r"(?:belt|slipper|cane|stick|wooden spoon|spoon|cable|charger(?: lead| cable)?|strap|hairbrush|whip|"
              r"hanger|ruler|shoe)")
_IMPLEMENT_USED = re.compile(
    rf"\b(?:used|uses|using|got|gets|took|takes|brought|fetched)\s+(?:out\s+)?(?:the|a|his|her|their|my)\s+"
    rf"{IMPLEMENTS}\b(?!\s+(?:for|to (?:cook|stir|eat|brush|charge)))"
    rf"|\b(?:hit|hits|whack\w*|beat\w*|smack\w*|thrash\w*|lash\w*)\s+(?:\w+\s+){{0,3}}(?:with|using)\s+"
    rf"(?:the|a|his|her|their|my)\s+{IMPLEMENTS}\b|\b(?:belted|strapped|caned|leathered)\b|"
    rf"\btook (?:the|a|his|her) (?:belt|slipper|stick) to\b|"
    rf"\b(?:did|done|does|do)\s+(?:it|this|that)\s+(?:to (?:me|him|her|them)\s+)?(?:with|using)\s+"
    rf"(?:the|a|his|her|their|my)\s+{IMPLEMENTS}\b", re.I)
_CARER = re.compile(r"\b(?:dad|daddy|father|mum|mummy|mam|mom|mother|step ?dad|step ?mum|stepfather|stepmother|"
                    r"grandad|nan|gran|uncle|aunt\w*|carer|partner|boyfriend|he|she|they)\b", re.I)
# Children visibly thin and seeking food from strangers: neglect the seeds put on their section 47 lists (004
# "Allegations / reasonable suspicions of serious neglect"; 002 and 000: non-organic faltering growth).
_THIN = re.compile(r"\b(?:(?:ever so|so|really|very|terribly|painfully) (?:thin|skinny)|see (?:the|their|his|her) "
                   r"(?:bones|ribs)|skin and bones?|bones? (?:sticking|showing)|nothing of (?:him|her|them))\b", re.I)
_FOOD_SEEKING = re.compile(r"\b(?:ask\w* (?:\w+ )?(?:for|neighbours for|people for) (?:food|biscuits|bread|"
                           r"something to eat|money for food)|knock\w* on doors|begg\w* (?:for )?(?:food|biscuits)|"
                           r"ate a whole|"
                           r"scaveng\w*|(?:in|through|from) (?:the )?bins for food|stealing food|always starving|"
                           r"(?:food|sandwich\w*|crusts?|scraps|leftovers) (?:\w+ ){0,3}(?:out of|from) (?:the )?bins?|"
                           r"wolf\w* (?:it|food) down)\b", re.I)


def sexual_touching(text: str) -> Optional[ConceptHit]:
    """Touching under a child's clothes, or a secret game about the body that the child must not tell."""
    for match in _UNDER_CLOTHES.finditer(text):
        if not negated_before(text, match):
            return rule_hit("sexual_abuse", "touching a child under their clothes", text, match)
    for match in _SECRET_GAME.finditer(text):
        sentence, _ = sentence_of(text, match)
        window = text[max(0, match.start() - 200):match.end() + 250]
        if _BODY_OR_BATH.search(sentence) and _NO_TELLING.search(window) and not negated_before(text, match):
            return rule_hit("sexual_abuse", "a secret 'game' about the child's body that they must not tell", text,
                        match)
    return None


def weapon_on_a_parent(text: str) -> Optional[ConceptHit]:
    """A knife held to a parent's throat, a partner strangling her: domestic abuse with a weapon or strangling."""
    for match in _WEAPON_ON_ADULT.finditer(text):
        sentence, _ = sentence_of(text, match)
        if _ADULT_VICTIM.search(sentence) and not negated_before(text, match):
            return rule_hit("domestic_abuse", "domestic abuse with a weapon or strangling", text, match)
    return None


def images_of_children(text: str) -> Optional[ConceptHit]:
    """Pictures of unclothed children found on an adult's device or kept by an adult."""
    for match in _IMAGES_OF_CHILDREN.finditer(text):
        window = text[max(0, match.start() - 150):match.end() + 200]
        held = _ADULT_HOLDER.search(window) or re.search(r"\b(?:partner|husband|boyfriend|he|his)\b", window, re.I)
        if _UNCLOTHED.search(window) and held and not negated_before(text, match):
            return rule_hit("indecent_images", "pictures of unclothed children kept by an adult", text, match)
    return None


def private_fostering(text: str, age_years: Optional[float]) -> Optional[ConceptHit]:
    """A child under 16 living with someone the account says is not a relative."""
    if age_years is not None and age_years >= 16:
        return None
    for match in _NOT_RELATIVE.finditer(text):
        window = text[max(0, match.start() - 200):match.end() + 200]
        living = _LIVING_WITH.search(window)
        if living and not DENIAL.search(text[max(0, living.start() - 20):living.start()]):
            return rule_hit("private_fostering", "a child living with someone who is not a close relative", text,
                        match)
    return None


def implement_used(text: str) -> Optional[ConceptHit]:
    """A carer who "used the belt", "got the slipper out" or "belted" the child: physical harm with an implement
    (002 Tier 4 "Parent physically chastises child, leaving visible bruising ... Parent deliberately physically
    harms child"; the chastisement rule's implement fact, bot/engine/rules/hit_rules.py)."""
    for match in _IMPLEMENT_USED.finditer(text):
        sentence, _ = sentence_of(text, match)
        if _CARER.search(sentence) and not negated_before(text, match):
            return rule_hit("physical_abuse", "a child hit with an implement (a belt, a slipper, a stick)", text, match)
    return None


def visible_hunger(text: str) -> Optional[ConceptHit]:
    """Children said to be visibly thin who ask neighbours or strangers for food."""
    thin, seeking = _THIN.search(text), _FOOD_SEEKING.search(text)
    if thin and seeking and not negated_before(text, thin):
        return rule_hit("non_organic_faltering_growth", "children visibly thin and asking others for food", text, thin)
    return None


def plain_word_rules(hits: List[ConceptHit], text: str, age_years: Optional[float]) -> List[ConceptHit]:
    """Add the red flags said in plain words that the matcher missed; never where it already found them."""
    # What the person asks for ("needs: a private fostering assessment") is not the account of the worry.
    found = {h.concept for h in hits if not h.negated and h.field not in ("needs", "working_well")}
    extra: List[ConceptHit] = []
    for concept, rule in (("sexual_abuse", sexual_touching), ("indecent_images", images_of_children),
                          ("physical_abuse", implement_used), ("non_organic_faltering_growth", visible_hunger)):
        hit = rule(text) if concept not in found else None
        if hit is not None:
            extra.append(hit)
    weapon = weapon_on_a_parent(text)  # even beside other domestic abuse: this sentence is the serious one
    if weapon is not None and not any(h.concept == "domestic_abuse" and h.sentence == weapon.sentence for h in hits):
        extra.append(weapon)
    if "private_fostering" not in found:
        hit = private_fostering(text, age_years)
        if hit is not None:
            extra.append(hit)
    return hits + extra

"""When telling (or asking) the parents first could put someone at risk or lose evidence (issue 12.3).

Every seed makes the same exceptions to telling the family first:
- Norfolk (002, Information Sharing) and Northamptonshire 2022 (000, 8.1): "if having a conversation with the
  family would place the child, or another child, or someone else ... at increased risk of suffering harm you do
  not need consent", and "if it might undermine the investigation of a serious crime";
- Nottingham City (003, The Role of Designated Safeguarding Leads): not where seeking permission "may lead to the
  loss of evidence, for example destroying evidence of a crime or influencing a child about a disclosure made";
- Bedford Borough (004, Appendix F Question 4): not where it would "prejudice the prevention, detection or
  prosecution of a serious crime" or "place an adult at increased risk of serious harm".

So the rule is about who is said to be harming the child and what kind of harm it is, not about the word
"parent": a family or household member (uncle, grandad, lodger, older brother, mum's partner), domestic abuse
(the parent being abused could be put at risk, and the abuser must never be told), and crimes whose evidence
could be lost (sexual abuse, FGM, forced marriage, trafficking, fabricated illness).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping, Optional, Sequence

from bot.engine.advice import MatchedIndicator

# Crimes where telling the family first could lose evidence or influence what the child says.
EVIDENCE = {"sexual_abuse", "indecent_images", "child_sexual_exploitation", "sexual_activity_under13", "fgm",
            "forced_marriage", "honour_based_abuse", "fabricated_illness", "trafficking"}
# Exploitation by people outside the family (an online groomer, a gang): the parents are the child's protection
# and the front door works with them, unless a family or household member is said to be involved (002 and 000:
# consent is set aside only where telling "would place the child ... at increased risk").
EXTRAFAMILIAL = {"child_sexual_exploitation"}  # trafficking stays an evidence crime: families are often part of it
# Domestic abuse: telling could put the parent who is being abused (and the child) at greater risk.
DOMESTIC = {"domestic_abuse", "serious_domestic_abuse", "domestic_abuse_pregnancy"}
# Harm that is risky to tell the family about when a family or household member is said to be the one harming.
BY_HOUSEHOLD = {"physical_abuse", "disclosure_abuse", "unexplained_injury", "physical_chastisement",
                "harmful_sexual_behaviour", "person_posing_risk"}

HOUSEHOLD_WORDS = re.compile(
    r"\b(dad|daddy|father|mum|mummy|mom|mam|mother|parents?|carers?|"
    r"step ?(?:dad|father|mum|mother|parent|brother|sister)|"
    r"(?:mum|mother|mam|mom|dad|father)'?s (?:new )?(?:boyfriend|girlfriend|partner|fella|husband|wife)|"
    r"partner(?!s?hip| agenc)|husband|uncle|aunt|auntie|aunty|grandad|granddad|grandpa|grandfather|grandma|"
    r"grandmother|gran|granny|nan|nana|nanna|lodger|(?:older |big |half ?)?(?:brother|sister)|siblings?|cousin|"
    r"family members?|relatives?|(?:member of|someone in) the (?:household|house|home)|household members?)\b")
SEXUAL_WORDS = re.compile(r"\b(sexual\w*|touch\w*|rape\w*|raping|molest\w*|fondl\w*|grop\w*|privates?|genital\w*|"
                          r"penis|vagina|willy|porn\w*|naked|nude\w*)\b")


# The account names a family member as the one who did it ("dad used his belt", "mum said 'I did tap him hard'"),
# or the child asks that the parent not be told ("please don't tell him I told you").
ACCOUNT = "__account__"  # key in ``sentences`` for the whole account
HOUSEHOLD_DID_IT = re.compile(
    rf"{HOUSEHOLD_WORDS.pattern}(?:'s)?\s+(?:\w+\s+){{0,3}}(?:used|hit|hits|smacked|slapped|belted|punched|kicked|"
    r"grabbed|hurt|hurts|did (?:it|this|that)|done (?:it|this|that)|whacked|tapped|pinched|burned|burnt)\b|"
    r"\b(?:admit\w*|said)\b[^.]{0,40}\bi (?:did|do) (?:\w+ )?(?:tap|hit|smack|slap|grab|whack)\w*")
PLEA_NOT_TO_TELL = re.compile(r"\b(?:please\s+)?(?:don'?t|do not|dont|never)\s+tell\s+(?:him|her|them|my|mum|mummy|dad|"
                              r"daddy|mam|mom|step\w*)\b")


@dataclass(frozen=True)
class TellRisk:
    """Why the family should not be told (or asked) before the front door is consulted."""

    reason: str
    kind: str  # "user" (the referrer said so), "evidence", "domestic" or "household"


def _said(sentences: Mapping[str, Sequence[str]], concept: str, pattern: re.Pattern) -> Optional[str]:
    for sentence in sentences.get(concept, ()):
        match = pattern.search(sentence.lower())
        if match:
            return match.group(0)
    return None


def risk_in_telling(indicators: Sequence[MatchedIndicator], consent_risky: bool,
                    sentences: Mapping[str, Sequence[str]]) -> Optional[TellRisk]:
    """The first reason the seeds give for not telling the family first, or None.

    ``sentences`` maps a concept to the user's sentences that raised it, so "her uncle touches her" is read as
    harm by a family member, while "a boy at the park hit him" is not.
    """
    if consent_risky:
        return TellRisk("you told us that asking the parents could put the child or someone else at risk", "user")
    concepts = [i.concept for i in indicators]
    labels = {i.concept: i.label for i in indicators}
    for concept in concepts:
        if concept in EXTRAFAMILIAL and not _said(sentences, concept, HOUSEHOLD_WORDS):
            continue  # exploited by people outside the family: the parents protect, and are told
        if concept in EVIDENCE:
            return TellRisk(f"the worry involves {labels[concept]}: telling the family first could lose evidence "
                            "or influence what the child says", "evidence")
    for concept in concepts:
        if concept == "disclosure_abuse" and _said(sentences, concept, SEXUAL_WORDS):
            return TellRisk("the child has disclosed sexual abuse: telling the family first could lose evidence "
                            "or influence what the child says", "evidence")
    for concept in concepts:
        if concept in DOMESTIC:
            return TellRisk(f"the worry involves {labels[concept]}: telling the family could put the parent who "
                            "is being abused, or the child, at greater risk", "domestic")
    account = " ".join(sentences.get(ACCOUNT, ())).lower()
    if any(c in BY_HOUSEHOLD for c in concepts) and PLEA_NOT_TO_TELL.search(account):
        return TellRisk("the child asked that their parent not be told: telling the family first could put the "
                        "child at risk", "household")
    for concept in concepts:
        who = _said(sentences, concept, HOUSEHOLD_WORDS) if concept in BY_HOUSEHOLD else None
        if concept in BY_HOUSEHOLD and not who:
            named = HOUSEHOLD_DID_IT.search(account)
            who = named.group(1) if named and named.group(1) else (named.group(0) if named else None)
        if who:
            return TellRisk(f"the worry involves {labels[concept]} by a family or household member ({who}): "
                            "telling the family first could put the child at risk or undermine an investigation",
                            "household")
    return None

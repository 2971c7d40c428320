"""Two more shapes of account about who looks after a child (issue 11, set K): said without the seeds' words.

- A child under 16 staying with a family who are not related, for 28 days or more ("he's been living with us about
  seven weeks ... we're not related at all"): private fostering. 003 line 261: "Anyone who is 16 or under ... who
  is being looked after for 28 days or longer by a carer who is not a parent, grand-parent, aunt, uncle or
  sibling"; 004 line 253 (the council must be notified).
- A child under 16 whose carer has gone away for days or weeks and left the child on their own ("gone to Spain
  with her boyfriend, left him £50"): abandonment. 004 line 312 (s47): "No available parent and child vulnerable to
  significant harm"; 003 line 259: "Left 'home alone' and their age and vulnerability places them at risk".

Each adds a hit only where the matcher found none of the concept, and never where the words are denied.
"""

from __future__ import annotations

import re
from typing import List, Optional

from bot.engine.rules.care_and_age_rules import CARER
from bot.engine.rules.rule_hits import negated_before, rule_hit
from bot.language.matcher import ConceptHit
from bot.language.parsing import parse_duration_days

MAX_AGE = 16
PRIVATE_FOSTERING_DAYS = 28

# "staying with us", or a parent who asked the teller to have the child ("she asked me to have Ana till she comes
# back", "I've been looking after him since ..."). The child's name may be read back as stored ("[NAME]", issue 14).
_STAYING_WITH_US = re.compile(r"\b(?:liv(?:e|es|ing|ed)|stay(?:s|ing|ed)?|stop(?:s|ping|ped)?|sleep(?:s|ing)?|slept) "
                              r"(?:\w+ )?with (?:us|me|my family|our family)\b|"
                              r"\b(?:asked|asks|asking) (?:me|us) to (?:have|look after|mind|keep|take in) "
                              r"(?:\w+|\[NAME\])|"
                              r"\b(?:i|we)(?:'ve| have)? (?:had|been looking after|been having) (?:him|her|them) "
                              r"(?:for|since|while)\b", re.I)
_NOT_RELATED = re.compile(r"\b(?:not|n'?t|aren'?t|isn'?t) (?:\w+ )?(?:related|family|relatives?)\b|\bno relation\b|"
                          r"\bnot (?:a )?(?:blood )?relat\w*", re.I)

_GONE_AWAY = re.compile(
    rf"\b{CARER}\b[^.!?]{{0,40}}?\b(?:(?:has |'s |have |'ve )?(?:gone|went|flew|flown|jetted off|moved) (?:off )?"
    r"(?:abroad|away|on holiday|to (?:spain|portugal|turkey|ireland|poland|romania|lithuania|jamaica|nigeria|ghana|"
    r"pakistan|india|bangladesh|greece|cyprus|tenerife|ibiza|dubai|scotland|wales|london|her boyfriend'?s?|his "
    r"girlfriend'?s?|her partner'?s?|his partner'?s?))|(?:haven'?t|hasn'?t|not) (?:been )?(?:seen|home|back) "
    r"(?:\w+ ){0,3}(?:for|in) (?:about |over |nearly )?(?:days|weeks|a week|a fortnight|(?:two|three|four|five|six|"
    r"2|3|4|5|6|ten|10) (?:days|weeks)))", re.I)
_HAVENT_SEEN = re.compile(r"\b(?:haven'?t|hasn'?t|not) seen (?:his|her|their) (?:mum|mam|mom|mother|dad|father|"
                          r"parents?) (?:\w+ ){0,2}(?:for|in) (?:about |over |nearly )?(?:days|weeks|a week|"
                          r"a fortnight|(?:two|three|four|five|six|2|3|4|5|6|ten|10) (?:days|weeks))", re.I)
_LEFT_ALONE = re.compile(r"\bleft (?:him|her|them) (?:£\s?\d+|some money|money|a (?:tenner|few quid)|on (?:his|her|"
                         r"their) own|alone|by (?:him|her|them)sel(?:f|ves))|\bon (?:his|her|their) own\b|"
                         r"\bby (?:him|her|them)sel(?:f|ves)\b|\b(?:no|nobody|no one|no-one|no adult)(?: \w+)? "
                         r"(?:at home|in the house|with (?:him|her|them))\b", re.I)


def privately_fostered(text: str, age_years: Optional[float]) -> Optional[ConceptHit]:
    """Staying with a family who are not related, for 28 days or more, under 16."""
    if age_years is None or not 0 <= age_years < MAX_AGE:
        return None
    staying = _STAYING_WITH_US.search(text)
    days = parse_duration_days(text)
    if (staying and _NOT_RELATED.search(text) and days is not None and days >= PRIVATE_FOSTERING_DAYS
            and not negated_before(text, staying)):
        return rule_hit("private_fostering", "a child living with a family who are not related", text, staying)
    return None


def left_for_days(text: str, age_years: Optional[float]) -> Optional[ConceptHit]:
    """A carer gone away for days or weeks, the child under 16 left on their own."""
    if age_years is None or not 0 <= age_years < MAX_AGE:
        return None
    gone = _GONE_AWAY.search(text) or _HAVENT_SEEN.search(text)
    if gone and _LEFT_ALONE.search(text) and not negated_before(text, gone):
        return rule_hit("abandonment", "a child left on their own while the carer is away", text, gone)
    return None


def away_from_home(hits: List[ConceptHit], text: str, age_years: Optional[float]) -> List[ConceptHit]:
    found = {h.concept for h in hits if not h.negated and h.field not in ("needs", "working_well")}
    extra: List[ConceptHit] = []
    if "private_fostering" not in found:
        hit = privately_fostered(text, age_years)
        extra += [hit] if hit else []
    if "abandonment" not in found:
        hit = left_for_days(text, age_years)
        extra += [hit] if hit else []
    return hits + extra

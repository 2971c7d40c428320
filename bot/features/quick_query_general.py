"""Quick questions that need no area (issue 13.8): the NSPCC line, what a MASH or an EHA is, the Signs of Safety
questions, consent where there is risk of significant harm (FGM included), and whom to talk to when unsure.

Why separate: these used to ask "which area?" first, though the answer is the same everywhere (or can be given
for every covered area at once). Every answer still comes from the seeds (``guidance/``) and cites them; the one
sentence not in the seeds, the FGM mandatory reporting duty, is quoted from the Home Office's published text.
"""

from __future__ import annotations

import re
from typing import List, Optional

from bot.engine.advice import Advice, Citation
from bot.engine.consent import consistent
from bot.engine.routes import citation, front_door
from bot.features.quick_query_answers import Body, _rule_sources, _sentences, whom_to_ask
from bot.features.quick_query_topics import service_asked
from bot.guidance.loader import cached_areas
from bot.guidance.models import AreaGuidance

NSPCC = "0808 800 5000"
# The Norfolk Threshold Guide lists the NSPCC helpline among its useful contacts (seed 002).
NSPCC_SOURCE = ("norfolk", "nfk-threshold", "Useful Contacts and Resources")
# Nottingham City's guidance names the model's three questions and the scale in its own headings; it is used
# when no area is known (the other areas' wording is used for them).
SOS_DEFAULT_AREA = "nottingham_city"
# Nottingham City's consent section lists "suspicion that a child is at risk of female genital mutilation" among
# the circumstances where information may be shared without consent.
SIGNIFICANT_HARM_DEFAULT_AREA = "nottingham_city"

FGM = re.compile(r"\b(fgm|female genital mutilation|cutting|female circumcision)\b", re.I)
SIGNIFICANT_HARM = re.compile(r"\b(significant harm|risk of (serious )?harm|at risk|section 47|s47|abuse\w*|"
                              r"fgm|female genital mutilation|forced marriage|disclos\w*)\b", re.I)
WITHOUT_CONSENT = re.compile(r"\b(without consent|do not need consent|don'?t need consent|not need consent)\b", re.I)
# Quoted from GOV.UK, "Mandatory reporting of female genital mutilation: procedural information" (Home Office,
# published 20 October 2015, last updated 22 January 2020), "Details".
FGM_DUTY = ("A mandatory reporting duty for FGM requires regulated health and social care professionals and "
            "teachers in England and Wales to report known cases of FGM in under 18-year-olds to the police.")
FGM_DUTY_SOURCE = Citation(
    document="gov-uk-fgm-mandatory-reporting",
    title="Mandatory reporting of female genital mutilation: procedural information (Home Office, GOV.UK, "
          "published 20 October 2015, updated 22 January 2020)",
    section="Details",
    seed="https://www.gov.uk/government/publications/mandatory-reporting-of-female-genital-mutilation-procedural-"
         "information")


def _areas() -> List[AreaGuidance]:
    return [cached_areas()[k] for k in sorted(cached_areas())]


def nspcc(area: Optional[AreaGuidance]) -> Body:
    owner, document, section = NSPCC_SOURCE
    return Body(lines=[f"The NSPCC helpline is {NSPCC}. If a child is in immediate danger, call 999."],
                sources=[citation(cached_areas()[owner], document, section)])


def signs_of_safety(area: Optional[AreaGuidance]) -> Body:
    """The model's questions in the area's own words; with no area, as Nottingham City's guidance puts them."""
    source_area = area or cached_areas()[SOS_DEFAULT_AREA]
    sos = source_area.signs_of_safety
    lines = ["The Signs of Safety questions are:" if area else
             f"The Signs of Safety questions (as {source_area.name}'s guidance puts them) are:"]
    lines += [f"- {group[0]}" for group in (sos.worried, sos.working_well, sos.needs) if group]
    lines.append(f"- The scaling question: {_sentences(sos.scale, 2)}")
    return Body(lines=lines, sources=[citation(source_area, sos.source.document, sos.source.section)])


def _significant_harm_rules(area: AreaGuidance, fgm: bool) -> list:
    # the seed's own rule that agrees with "no consent needed" (bot/engine/consent.py decides which do)
    rules = consistent([r for r in area.consent.rules if "significant_harm" in r.when], ask=False, tell=True)
    rules.sort(key=lambda r: (fgm and not FGM.search(r.text), not WITHOUT_CONSENT.search(r.text)))
    return rules[:1]


def consent_significant_harm(area: Optional[AreaGuidance], text: str) -> Body:
    """'Do I need consent ... where there is risk of significant harm / suspected FGM?': no, from the seeds."""
    fgm = bool(FGM.search(text))
    fallback = cached_areas()[SIGNIFICANT_HARM_DEFAULT_AREA]
    quoted = [(area, rule) for rule in _significant_harm_rules(area, fgm)] if area else []
    if not quoted or (fgm and not any(FGM.search(r.text) for _, r in quoted)):
        quoted += [(fallback, rule) for rule in _significant_harm_rules(fallback, fgm)
                   if fallback is not area and (not fgm or FGM.search(rule.text) or not quoted)]
    lines = ["No. Where a child is suffering, or is likely to suffer, significant harm, you do not need consent to "
             "share information with children's social care: share it now, and record what you shared and why."]
    lines += [f"{owner.name}'s guidance: {rule.text}" for owner, rule in quoted]
    sources = [c for owner, rule in quoted for c in _rule_sources(owner, [rule])]
    if fgm:
        lines.append(f"{FGM_DUTY} (Home Office procedural information.)")
        sources.append(FGM_DUTY_SOURCE)
    return Body(lines=lines, sources=sources)


def unsure_whom(area: Optional[AreaGuidance]) -> Body:
    """Not sure whether to refer: the DSL first, and the front door's consultation line where the area is known."""
    lines = ["Talk to your designated safeguarding lead (DSL) first: they can help you decide whether to refer."]
    if area is None:
        lines.append("You can also ask the advice line of the children's social care front door for the child's "
                     "area: tell me the area and I'll give you its number. If a child is in immediate danger, call "
                     "999.")
        nottingham = cached_areas()[SIGNIFICANT_HARM_DEFAULT_AREA]
        return Body(lines=lines, sources=[citation(nottingham, "ncity-threshold",
                                                   "The Role of Designated Safeguarding Leads")])
    lines.append(whom_to_ask(area).replace("Ask your designated safeguarding lead (DSL), or the", "You can also "
                                                                                                   "ask the"))
    door = front_door(area)
    return Body(lines=lines, sources=[citation(area, door.source.document, door.source.section)])


def what_is_everywhere(service: str) -> Body:
    """'What is the MASH?' / 'What is an EHA?' with no area: what each covered area's guidance says, briefly."""
    kinds = ("mash", "cads") if service != "early_help" else ("early_help",)
    lines = ["MASH means Multi-Agency Safeguarding Hub: the front door where children's social care, police, "
             "health and other agencies decide together what happens with a worry about a child."
             if service != "early_help" else
             "An EHA is an Early Help Assessment: an assessment, with the family's agreement, of what support a "
             "child and family need, before things get worse."]
    sources: List[Citation] = []
    for area in _areas():
        route = next((r for r in area.routes if r.kind in kinds and r.audience != "public"), None)
        if route is None:
            continue
        lines.append(f"- {area.name}: {route.service}. {_sentences(route.how, 1)}")
        sources.append(citation(area, route.source.document, route.source.section))
    lines.append("Tell me the child's area for its contact details.")
    return Body(lines=lines, sources=sources)


def general_answer(topic: Optional[str], text: str, area: Optional[AreaGuidance],
                   advice: Optional[Advice] = None) -> Optional[Body]:
    """The answer to a question that needs no area, or None when the topic does need one."""

    if topic == "nspcc":
        return nspcc(area)
    if topic == "signs_of_safety":
        return signs_of_safety(area)
    if topic == "unsure_whom":
        return unsure_whom(area)
    if topic == "consent_needed" and SIGNIFICANT_HARM.search(text):
        return consent_significant_harm(area, text)
    if area is None and topic in ("what_is", "eha"):
        service = "early_help" if topic == "eha" else service_asked(text)
        if service in ("front_door", "early_help"):
            return what_is_everywhere(service)
    return None

"""The one path for every assessment: case -> matcher -> threshold and consent rules -> Advice.

The CLI, the Rasa actions and every channel call ``assess`` and render what it
returns; none of them re-decides the level, the route or the consent advice.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Dict, List, Optional, Sequence

from bot.advice import Advice, Citation, Contact, MatchedIndicator, RuledOut
from bot.areas import NATIONAL_FALLBACK, AreaResolver
from bot.case import MAX_TEXT_CHARS, Case
from bot.consent import consent_advice, national_consent
from bot.guidance.loader import cached_areas, cached_concepts, guidance_version
from bot.guidance.models import AreaGuidance, Concept, Level, Route
from bot.indicators import (
    LIFE_THREAT,
    ChildContext,
    age_rule_allows,
    apply_age_rules,
    choose_indicator,
    content_lemmas,
    whole_sentence,
)
from bot.matcher import ConceptHit, ConceptMatcher, get_matcher
from bot.parsing import parse_duration_days
from bot.ranker import get_ranker
from bot.routes import citation, contact_for, emergency, front_door, route_for
from bot.thresholds import decide_level

ANSWER_FIELDS = ("worried", "working_well", "needs")
LONG_TAIL_MAX_SENTENCES = 40  # bounded work for a very long answer
NATIONAL_CONTACT = Contact(service="Local authority children's social care, or the NSPCC helpline",
                           phone="0808 800 5000", phones=["0808 800 5000", "999"], how=NATIONAL_FALLBACK)


@dataclass(frozen=True)
class Engine:
    """Everything an assessment needs, built once per process."""

    areas: Dict[str, AreaGuidance]
    concepts: Dict[str, Concept]
    matcher: ConceptMatcher
    resolver: AreaResolver
    version: str


@lru_cache(maxsize=1)
def get_engine() -> Engine:
    areas = cached_areas()
    return Engine(areas=areas, concepts={c.id: c for c in cached_concepts().concepts}, matcher=get_matcher(),
                  resolver=AreaResolver(areas), version=guidance_version())


def _worries(case: Case) -> List[tuple]:
    """Worries raise the level wherever they were said; 'what needs to happen' can name a worry too."""
    return [(name, getattr(case, name)[:MAX_TEXT_CHARS]) for name in ANSWER_FIELDS]


def match_indicators(engine: Engine, area: AreaGuidance, hits: Sequence[ConceptHit],
                     child: ChildContext, life_threat: bool = False,
                     texts: Optional[Dict[str, str]] = None) -> List[MatchedIndicator]:
    """Each active worry concept -> the area's best-fitting indicator (red flags by rule, not score)."""
    ranker = get_ranker()
    found: Dict[str, MatchedIndicator] = {}
    for hit in hits:
        if hit.negated or hit.field == "working_well":
            continue
        concept = engine.concepts.get(hit.concept)
        if hit.field == "needs" and not (concept and (concept.s47 or concept.immediate_danger)):
            continue  # "what needs to happen" names help ("CAMHS", "housing support"), not worries
        s47_concept = bool(concept and concept.s47) or hit.concept == "injury_nonmobile_baby" \
            or hit.concept == "sexual_activity_under13"
        candidates = [i for i in area.indicators if hit.concept in i.concepts and age_rule_allows(i.age, child)]
        if not candidates and s47_concept:
            # A red flag holds in every area (guidance/red_flags.yml), even where the area's matrix tags no
            # item with this concept: the area's section 47 items stand in, the closest one cited.
            candidates = [i for i in area.indicators if i.s47 and age_rule_allows(i.age, child)]
        similarities = ranker.similarities(area.area, hit.sentence, candidates) if ranker and candidates else None
        text = (texts or {}).get(hit.field, "")
        # Hits from corrections or age rules point into other text; they keep their own sentence.
        context = whole_sentence(text, hit.start, hit.end) if text[hit.start:hit.end] == hit.words else ""
        indicator = choose_indicator(engine.matcher, hit, candidates, s47_concept, similarities, life_threat,
                                     context)
        if indicator is None:
            continue
        s47 = indicator.s47 or s47_concept
        key = indicator.id
        if key in found:
            continue
        found[key] = MatchedIndicator(
            id=indicator.id, text=indicator.text, level=4 if s47 else indicator.level, domain=indicator.domain,
            subdomain=indicator.subdomain, s47=s47,
            source=citation(area, indicator.source.document, indicator.source.section),
            matched=hit.words, concept=hit.concept, label=hit.label, hedged=hit.hedged, field=hit.field)
    return sorted(found.values(), key=lambda m: (-m.level, m.id))


def apply_corrections(engine: Engine, hits: List[ConceptHit], text: str) -> List[ConceptHit]:
    """The user's corrections win: a worry they now say is not happening is ruled out; a new one is added.

    A negative correction rules out a worry when it names the same concept, or shares a content word with
    the words that raised it ("his dad doesn't drink" rules out "drinks every night").
    """
    if not text.strip():
        return hits
    corrections = engine.matcher.find(text, field="worried")
    removed = {c.concept for c in corrections if c.negated}
    denied: set = set()
    for sentence in engine.matcher.sentences(text):
        if engine.matcher.has_negation(sentence):
            denied |= content_lemmas(engine.matcher, sentence)
    kept = [replace(h, negated=True) if h.concept in removed or content_lemmas(engine.matcher, h.words) & denied
            else h for h in hits]
    return kept + corrections


def long_tail_sentences(engine: Engine, case: Case, hits: Sequence[ConceptHit]) -> List[tuple]:
    """Affirmative worry sentences that no concept pattern caught (a negated one is never matched)."""
    covered = {h.sentence for h in hits}
    todo = [(field, sentence) for field in ("worried",)
            for sentence in engine.matcher.sentences(getattr(case, field)[:MAX_TEXT_CHARS])
            if len(sentence.split()) >= 4 and not any(sentence in c or c in sentence for c in covered)
            and not engine.matcher.has_negation(sentence)]
    return todo[:LONG_TAIL_MAX_SENTENCES]


def long_tail(area: AreaGuidance, todo: Sequence[tuple], found: Sequence[MatchedIndicator]) -> List[MatchedIndicator]:
    """Those sentences matched to the nearest indicator by meaning, above a similarity floor.

    A section 47 indicator is never reached this way: red flags stay explicit rules.
    """
    ranker = get_ranker()
    if ranker is None:
        return []
    taken = {m.id for m in found}
    extra: List[MatchedIndicator] = []
    for field, sentence in todo:
        nearest = ranker.nearest(area, sentence)
        if nearest is None or nearest[0].id in taken:
            continue
        indicator = nearest[0]
        taken.add(indicator.id)
        extra.append(MatchedIndicator(
            id=indicator.id, text=indicator.text, level=indicator.level, domain=indicator.domain,
            subdomain=indicator.subdomain, s47=False,
            source=citation(area, indicator.source.document, indicator.source.section), matched=sentence,
            concept="similar_descriptor", label=f"something like: {indicator.text[:120]}", hedged=True,
            field=field))
    return extra


def _protective(hits: Sequence[ConceptHit], working_well: str) -> bool:
    """Strong protective factors: something concrete said under 'what's working well'."""
    return len(working_well.split()) >= 6 and not any(h.field == "working_well" and not h.negated for h in hits
                                                     if h.concept in {"domestic_abuse", "parental_substance_misuse"})


def out_of_area(case: Case, place: Optional[str], why: Optional[str], version: str) -> Advice:
    notes = [f"{place} is covered by {why}." if why else
             f"We could not match {case.area!r} to an area we hold guidance for." if case.area else
             "No area was given."]
    return Advice(
        area=None, area_name=None, role=case.role, level=None, level_name=None,
        route="999" if case.danger_now else "national_fallback", s47=False, immediate_danger=case.danger_now,
        contact=NATIONAL_CONTACT, then=["If a child is in immediate danger, call 999.",
                                        "Contact the children's social care front door for the child's area.",
                                        "Talk to your designated safeguarding lead."],
        consent=national_consent(), indicators=[], rationale=[NATIONAL_FALLBACK], notes=notes,
        guidance_version=version)


def assess(case: Case, engine: Optional[Engine] = None) -> Advice:
    """The whole decision, with a reason and a citation for every step."""
    engine = engine or get_engine()
    match = engine.resolver.resolve(case.area)
    if match is None or match.area is None:
        return out_of_area(case, match.place if match else None, match.not_covered if match else None,
                           engine.version)
    area = engine.areas[match.area]
    all_text = " ".join(getattr(case, f) for f in ANSWER_FIELDS)
    child = ChildContext(age_years=case.age_years, mobile=case.mobile, duration_days=parse_duration_days(all_text))
    hits = []
    for field, text in _worries(case):
        hits.extend(engine.matcher.find(text, field=field))
    hits = apply_corrections(engine, hits, case.corrections[:MAX_TEXT_CHARS])
    hits = apply_age_rules(hits, child, case.worried)
    todo = long_tail_sentences(engine, case, hits)
    ranker = get_ranker()
    if ranker:  # one encoder batch for everything this assessment will compare
        ranker.prime([h.sentence for h in hits if not h.negated] + [sentence for _, sentence in todo])
    indicators = match_indicators(engine, area, hits, child, bool(LIFE_THREAT.search(case.worried.lower())),
                                  dict(_worries(case)))
    indicators = indicators + long_tail(area, todo, indicators)
    danger = case.danger_now or any(engine.concepts[h.concept].immediate_danger for h in hits
                                    if not h.negated and h.concept in engine.concepts and h.field != "working_well")
    decision = decide_level(indicators, case.scale_value, danger, _protective(hits, case.working_well))
    level_spec = next(lv for lv in area.levels if lv.level == decision.level)
    notes: List[str] = []
    if case.truncated():
        notes.append(f"Only the first {MAX_TEXT_CHARS} characters of each answer were read.")
    if any(i.hedged for i in indicators):
        notes.append("Some of what you said was uncertain ('maybe', 'I think'). Reasonable cause to suspect is "
                     "enough: the advice treats it as a worry until it is ruled out.")
    if decision.immediate_danger:
        chosen = emergency(area)
        door = contact_for(area, front_door(area, case.role))
        route = "999"
    else:
        chosen = route_for(area, decision.level, case.role)
        door = contact_for(area, front_door(area, case.role)) if decision.level < 4 else None
        route = chosen.kind
    sentences: Dict[str, List[str]] = {}
    for hit in hits:
        if not hit.negated:
            sentences.setdefault(hit.concept, []).append(hit.sentence)
    consent = consent_advice(area, decision.level, case, indicators, sentences)
    contact = contact_for(area, chosen)
    return Advice(
        area=area.area, area_name=area.name, role=case.role, level=decision.level, level_name=level_spec.name,
        route=route, s47=decision.s47, immediate_danger=decision.immediate_danger, contact=contact, door=door,
        then=next_steps(area, decision.level, chosen.kind, contact, door, decision.immediate_danger, case.role),
        consent=consent, indicators=indicators,
        ruled_out=[RuledOut(concept=h.concept, label=h.label, matched=h.words) for h in hits if h.negated],
        rationale=decision.reasons + [f"Level {decision.level} ({level_spec.name}): {level_spec.response}"],
        citations=_citations(area, indicators, level_spec, chosen), escalation=area.escalation.summary,
        notes=notes, guidance_version=engine.version)


def _citations(area: AreaGuidance, indicators: Sequence[MatchedIndicator], level_spec: Level,
               route: Route) -> List[Citation]:
    """Every section the advice rests on, once each."""
    seen: Dict[tuple, Citation] = {}
    for source in (level_spec.source, route.source):
        item = citation(area, source.document, source.section)
        seen.setdefault((item.document, item.section), item)
    for indicator in indicators:
        seen.setdefault((indicator.source.document, indicator.source.section), indicator.source)
    return list(seen.values())


def next_steps(area: AreaGuidance, level: int, kind: str, contact: Contact, door: Optional[Contact],
               danger: bool, role: str) -> List[str]:
    """Always a next step ('never do nothing'), in the order to do them."""
    steps: List[str] = []
    if danger:
        steps.append("Call 999 now.")
        if door:
            steps.append(f"Then tell {door.service}" + (f" on {door.phone}" if door.phone else "") + ".")
            if door.follow_up:
                steps.append(door.follow_up)
    else:
        how = contact.service + (f" on {contact.phone}" if contact.phone else "")
        verb = "Call" if contact.phone else "Contact"
        steps.append(f"{verb} {how}." if kind != "universal" else
                     f"Support the child through universal services ({contact.service}).")
        if contact.written_referrals is False:
            steps.append(f"{contact.service} does not accept written referrals: phone them.")
        if contact.contact_missing and not contact.phone:
            steps.append(contact.contact_missing)
        if contact.follow_up:
            steps.append(contact.follow_up)
    if role == "professional":
        steps.append("Tell your designated safeguarding lead (or safeguarding supervisor) today.")
        steps.append("Record what you saw and heard (the child's own words), what you decided and why, "
                     "and who you told, with dates and times.")
    else:
        steps.append("You do not need proof, and you can say what you have seen and heard in your own words.")
    if not danger and level < 4 and door:
        steps.append(f"If you become more worried, or the child is at risk of significant harm, contact "
                     f"{door.service}" + (f" on {door.phone}" if door.phone else "") + ".")
    return steps

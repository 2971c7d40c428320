"""The one path for every assessment: case -> matcher -> threshold and consent rules -> Advice.

The CLI, the Rasa actions and every channel call ``assess`` and render what it
returns; none of them re-decides the level, the route or the consent advice.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Dict, List, Optional, Sequence

from bot.engine.advice import DISCLAIMER, Advice, Citation, Contact, MatchedIndicator, PossibleRedFlag, RuledOut
from bot.engine.answers import confirmed_red_flags, never_lower, with_answers
from bot.engine.case import MAX_TEXT_CHARS, Case
from bot.engine.consent import consent_advice, national_consent
from bot.engine.consent_risk import ACCOUNT
from bot.engine.facts import contradicted
from bot.engine.history import weigh_history
from bot.engine.indicators import (
    ChildContext,
    age_rule_allows,
    apply_age_rules,
    choose_indicator,
    content_lemmas,
    whole_sentence,
)
from bot.engine.level_floors import level_floors
from bot.engine.life_threat import threat_to_life
from bot.engine.open_questions import open_questions
from bot.engine.public_advice import PUBLIC_DISCLAIMER, public_steps
from bot.engine.recall import get_net
from bot.engine.recall_use import net_indicators, net_sentences, possible_red_flags
from bot.engine.routes import (
    citation,
    contact_for,
    emergency,
    front_door,
    guidance_date,
    phones_text,
    route_by_id,
    route_for,
    route_override,
)
from bot.engine.rules.denied_questions import mask_denied_questions
from bot.engine.rules.hit_rules import apply_hit_rules
from bot.engine.stored_form import as_stored
from bot.engine.thresholds import Weighing, decide_level
from bot.guidance.areas import NATIONAL_FALLBACK, AreaResolver, cached_resolver
from bot.guidance.gazetteer import outside_named_first
from bot.guidance.loader import cached_areas, cached_concepts, guidance_version
from bot.guidance.models import AreaGuidance, Concept, Level, Route
from bot.language.language_check import not_english
from bot.language.matcher import ConceptHit, ConceptMatcher, get_matcher
from bot.language.parsing import parse_duration_days
from bot.language.ranker import get_ranker

ANSWER_FIELDS = ("worried", "working_well", "needs")
RULE_S47 = {"injury_nonmobile_baby", "sexual_activity_under13"}  # red flags by age rule, not by concept flag
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
                  resolver=cached_resolver(), version=guidance_version())


def _worries(case: Case) -> List[tuple]:
    """Worries raise the level wherever they were said; 'what needs to happen' can name a worry too."""
    return [(name, getattr(case, name)[:MAX_TEXT_CHARS]) for name in ANSWER_FIELDS]


def match_indicators(engine: Engine, area: AreaGuidance, hits: Sequence[ConceptHit],
                     child: ChildContext, life_threat: bool = False,
                     texts: Optional[Dict[str, str]] = None, scale: Optional[int] = None) -> List[MatchedIndicator]:
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
        similarities = (ranker.similarities(area.area, as_stored(hit.sentence), candidates)
                        if ranker and candidates else None)
        text = (texts or {}).get(hit.field, "")
        # Hits from corrections or age rules point into other text; they keep their own sentence.
        context = whole_sentence(text, hit.start, hit.end) if text[hit.start:hit.end] == hit.words else ""
        indicator = choose_indicator(engine.matcher, hit, candidates, s47_concept, similarities, life_threat,
                                     context, scale, account=text)
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
    """The whole decision, with a reason and a citation for every step.

    Answers to the follow-up questions (``case.answers``, issue 13.4) are read by ``bot/engine/answers.py`` and can
    only raise the advice: it is decided with and without them, and the higher one stands.
    """
    engine = engine or get_engine()
    return assess_against(case, assess_unanswered(case, engine), engine)


def assess_unanswered(case: Case, engine: Optional[Engine] = None) -> Advice:
    """The advice without the follow-up answers: the baseline ``assess`` never goes below."""
    return _assess(case.copy(update={"answers": []}), engine or get_engine())


def assess_against(case: Case, unanswered: Advice, engine: Optional[Engine] = None) -> Advice:
    """``assess(case)`` when its baseline (``assess_unanswered(case)``) is already known.

    Why: the follow-up planner weighs every candidate question against the same baseline; deciding it once,
    not once per question, halves the engine runs per message (issue 14's throughput).
    """
    engine = engine or get_engine()
    if not case.answers:
        return unanswered
    return never_lower(unanswered, _assess(with_answers(engine.matcher, case), engine))


def _assess(case: Case, engine: Engine) -> Advice:
    """One decision on one case as the engine reads it."""
    match = engine.resolver.resolve(case.area)
    outside = outside_named_first(case.area, match.place) if match and match.area else None
    if outside is not None:
        return out_of_area(case, outside.place, outside.council, engine.version)
    if match is None or match.area is None:
        return out_of_area(case, match.place if match else None, match.not_covered if match else None,
                           engine.version)
    area = engine.areas[match.area]
    all_text = " ".join(getattr(case, f) for f in ANSWER_FIELDS)
    child = ChildContext(age_years=case.age_years, mobile=case.mobile, duration_days=parse_duration_days(all_text))
    hits = []
    for field, text in _worries(case):
        hits.extend(engine.matcher.find(mask_denied_questions(text) if field == "worried" else text, field=field))
    hits = apply_corrections(engine, hits, case.corrections[:MAX_TEXT_CHARS])
    negated_as_said = {h.concept for h in hits if h.negated}  # the rest are ruled out by the rules below
    rules = apply_hit_rules(hits, child, mask_denied_questions(all_text), case.unborn, case.history[:MAX_TEXT_CHARS])
    told = mask_denied_questions(case.worried[:MAX_TEXT_CHARS])  # the account without the questions answered "no"
    hits = apply_age_rules(rules.hits, child, told)
    todo, covered = net_sentences(engine.matcher, told, hits)
    ranker = get_ranker()
    if ranker:  # one encoder batch for everything this assessment will compare
        ranker.prime([as_stored(s) for s in [h.sentence for h in hits if not h.negated] + todo])
    indicators = match_indicators(engine, area, hits, child, threat_to_life(case.worried),
                                  dict(_worries(case)), case.scale_value)
    net = get_net()
    indicators = indicators + net_indicators(net, area, todo, covered, indicators)
    s47_concepts = {c.id for c in engine.concepts.values() if c.s47} | RULE_S47
    explained = {h.concept for h in hits if h.negated} - negated_as_said
    possible = possible_red_flags(net, area, todo, hits, s47_concepts, explained)
    indicators, possible, confirmed_floors = confirmed_red_flags(area, case.answers, indicators, possible)
    danger = case.danger_now or any(engine.concepts[h.concept].immediate_danger for h in hits
                                    if not h.negated and h.concept in engine.concepts and h.field != "working_well")
    decision = decide_level(indicators, case.scale_value, danger, _protective(hits, case.working_well),
                            _weighing(engine, case, hits, indicators,
                                      [*rules.floors, *confirmed_floors, *level_floors(area.area, hits, told)],
                                      possible))
    level_spec = next(lv for lv in area.levels if lv.level == decision.level)
    notes: List[str] = []
    if case.truncated():
        notes.append(f"Only the first {MAX_TEXT_CHARS} characters of each answer were read.")
    notes.extend(rules.notes + _contradictions(hits))
    notes.extend(f"You said both that there was and was not {fact} (the advice takes it as "
                 "present). Check which is right." for fact in contradicted(case.worried[:MAX_TEXT_CHARS]))
    if not_english(all_text):
        notes.append("Only English is understood here, so some of what you wrote may not have been read. If a "
                     "child is in immediate danger, call 999; otherwise contact the front door below.")
    if any(i.hedged for i in indicators):
        notes.append("Some of what you said was uncertain ('maybe', 'I think'). Reasonable cause to suspect is "
                     "enough: the advice treats it as a worry until it is ruled out.")
    if decision.immediate_danger:
        chosen = emergency(area)
        door = contact_for(area, front_door(area, case.role))
        route = "999"
    else:
        # A plan that closed without change, an unconfirmed possible red flag, or a professional who says asking
        # the parents would be risky: the front door is consulted (issue 12.2, 12.12).
        consult = decision.consult_front_door or (case.consent_risky and decision.level < 4
                                                  and case.role == "professional")
        override = route_override(area, indicators, decision.level, case.role)
        chosen = (front_door(area, case.role) if consult
                  else route_by_id(area, override) if override
                  else route_for(area, decision.level, case.role))
        door = contact_for(area, front_door(area, case.role)) if decision.level < 4 else None
        route = chosen.kind
    sentences: Dict[str, List[str]] = {}
    for hit in hits:
        if not hit.negated:
            sentences.setdefault(hit.concept, []).append(hit.sentence)
    sentences[ACCOUNT] = [case.worried[:MAX_TEXT_CHARS]]
    consent = consent_advice(area, decision.level, case, indicators, sentences,
                             significant_harm=decision.s47 or decision.immediate_danger)
    contact = contact_for(area, chosen)
    return Advice(
        area=area.area, area_name=area.name, role=case.role, level=decision.level, level_name=level_spec.name,
        route=route, s47=decision.s47, immediate_danger=decision.immediate_danger, contact=contact, door=door,
        then=(public_steps(area, decision.level, contact, decision.immediate_danger) if case.role == "public"
              else next_steps(area, decision.level, chosen.kind, contact, door, decision.immediate_danger, case.role)),
        consent=consent, indicators=indicators,
        ruled_out=[RuledOut(concept=h.concept, label=h.label, matched=h.words) for h in hits if h.negated],
        rationale=decision.reasons + [f"Level {decision.level} ({level_spec.name}): {level_spec.response}"],
        citations=_citations(area, indicators, level_spec, chosen), escalation=area.escalation.summary,
        open_questions=open_questions(_active_concepts(hits, indicators), all_text, decision.level, decision.s47),
        possible=possible, notes=notes, guidance_version=engine.version, guidance_date=guidance_date(area),
        disclaimer=PUBLIC_DISCLAIMER if case.role == "public" else DISCLAIMER)


def _active_concepts(hits: Sequence[ConceptHit], indicators: Sequence[MatchedIndicator]) -> List[str]:
    concepts = [h.concept for h in hits if not h.negated and h.field != "working_well"]
    return list(dict.fromkeys(concepts + [i.concept for i in indicators]))


def _weighing(engine: Engine, case: Case, hits: Sequence[ConceptHit], indicators: Sequence[MatchedIndicator],
              floors: Sequence[tuple], possible: Sequence[PossibleRedFlag]) -> Weighing:
    """Minimum levels from the hit rules, an applied possible red flag, and earlier concerns (history)."""
    raise_, consult = weigh_history(engine.matcher, case.history[:MAX_TEXT_CHARS], _active_concepts(hits, indicators))
    applied = [p for p in possible if p.applied]
    if applied and not consult:
        consult = (f"What you said may be a section 47 matter ({applied[0].text[:120]}), but it was not clear: talk "
                   "to the front door today; they will decide whether it is.")
    return Weighing(floors=tuple(floors) + ((3, consult),) * bool(applied), history_raise=raise_, consult=consult)


def _contradictions(hits: Sequence[ConceptHit]) -> List[str]:
    """Both said: 'no marks ... there were marks on her arm'. The affirmative fact wins, and we say so."""
    denied = {h.concept: h for h in hits if h.negated}
    both = [h for h in hits if not h.negated and h.concept in denied]
    return [f"You said both \"{denied[h.concept].words}\" and \"{h.words}\" ({h.label}): the advice takes it "
            "as present. Check which is right." for h in {h.concept: h for h in both}.values()]


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
            steps.append(f"Then tell {door.service}" + (f" on {phones_text(door)}" if door.phone else "") + ".")
            if door.follow_up:
                steps.append(door.follow_up)
    else:
        how = contact.service + (f" on {phones_text(contact)}" if contact.phone else "")
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
                     f"{door.service}" + (f" on {phones_text(door)}" if door.phone else "") + ".")
    return steps

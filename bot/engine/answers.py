"""How the engine takes the answers to its follow-up questions (issue 13.4): they can only raise the level.

Why here, in the engine: the conversation and ``python -m bot assess`` must reach the same advice from the
same facts, so both hand the answers over as ``Case.answers`` and this module is the one place that reads them.

- A "yes" to an open question states its fact (the question's ``says``, guidance/questions/open_questions.yml)
  in the sentence of the worry it is about, with the person's own words, so the rules that read facts beside a
  worry (the chastisement and domestic abuse rules, the level floors) read it exactly as if it had been said
  at first: "Dad smacked him" + "did it leave a mark?" "yes, on his cheek" reads "Dad smacked him, and it
  left a mark (on his cheek)."
- Any other answer with words in it adds the words as a sentence of their own: a worry said in passing is
  still a worry. "Not sure" states nothing, so it can never lower the level.
- A possible red flag confirmed ("yes") is a section 47 item; "not sure" applies the front-door policy
  (at least level 3, consult the front door today, docs/safety.md E7); "no" changes nothing.
- Answers never lower what was said before them: a minimiser ("mum says the toddler did it", "he said it was
  a joke") never takes a red flag away. A mistake is put right at the reflect-back, as a correction.
"""

from __future__ import annotations

import re
from typing import List, Optional, Sequence, Tuple

from bot.engine.advice import Advice, MatchedIndicator, PossibleRedFlag
from bot.engine.case import Answer, Case
from bot.engine.open_questions import cached_questions
from bot.engine.routes import citation
from bot.guidance.models import AreaGuidance
from bot.language.matcher import ConceptMatcher

_LEAD = re.compile(r"^\s*(?:y|yes|yeah|yep|yup|aye|no|nope|nah|n|not sure|unsure|i'?m not sure|don'?t know|"
                   r"dunno|i think so|maybe|possibly|definitely|correct|right|ok|okay)\b[\s,.;:!-]*", re.I)
KEPT_NOTE = ("Your answers to the follow-up questions did not lower the advice: a reassuring answer does not "
             "outweigh what you said first. If something you said was wrong, correct it at the reflect-back.")


def detail(words: str) -> str:
    """The answer less its leading yes/no ("yes, on his cheek" -> "on his cheek"); empty if nothing more."""
    rest = _LEAD.sub("", (words or "").strip(), count=1).strip(" .,;")
    return rest if len(rest.split()) >= 2 else ""


def _says(fact: str, concept: str) -> Optional[str]:
    for family in cached_questions().families:
        if concept and concept not in family.concepts:
            continue
        for question in family.questions:
            if question.fact == fact and question.says:
                return question.says
    return None


def _into_sentence(matcher: ConceptMatcher, text: str, concept: str, addition: str) -> str:
    """``addition`` joined to the first sentence that raised ``concept``; a sentence of its own otherwise."""
    hit = next((h for h in matcher.find(text) if h.concept == concept and not h.negated), None)
    if hit is not None:
        start = text.find(hit.sentence)
        if start >= 0:
            end = start + len(hit.sentence.rstrip().rstrip(".!?"))
            return f"{text[:end]}, and {addition}{text[end:]}"
        return f"{text.rstrip()} {hit.words}, and {addition}."
    return f"{text.rstrip()} {addition[:1].upper()}{addition[1:]}."


def fold_answers(matcher: ConceptMatcher, worried: str, answers: Sequence[Answer]) -> str:
    """The worries with what the follow-up answers stated, where the rules will read it."""
    text = worried or ""
    for answer in answers:
        more = detail(answer.words)
        says = _says(answer.fact, answer.concept) if answer.fact and answer.answer == "yes" else None
        if says:
            text = _into_sentence(matcher, text, answer.concept, says + (f" ({more})" if more else ""))
        elif more and answer.answer != "unsure":
            text = f"{text.rstrip()} {more[:1].upper()}{more[1:]}."
    return text.strip()


def with_answers(matcher: ConceptMatcher, case: Case) -> Case:
    """The case as the engine reads it once the answers are in (the answers themselves are kept)."""
    if not case.answers:
        return case
    return case.copy(update={"worried": fold_answers(matcher, case.worried, case.answers)})


def confirmed_red_flags(area: AreaGuidance, answers: Sequence[Answer], indicators: List[MatchedIndicator],
                        possible: List[PossibleRedFlag]) -> Tuple[List[MatchedIndicator], List[PossibleRedFlag],
                                                                  List[Tuple[int, str]]]:
    """(indicators with the confirmed red flags, the possible list, floors for the unsure ones)."""
    items = {i.id: i for i in area.indicators}
    have = {m.id for m in indicators}
    floors: List[Tuple[int, str]] = []
    for answer in answers:
        item = items.get(answer.indicator) if answer.indicator else None
        if item is None:
            continue
        if answer.answer == "yes" and item.id not in have:
            have.add(item.id)
            indicators = indicators + [MatchedIndicator(
                id=item.id, text=item.text, level=4, domain=item.domain, subdomain=item.subdomain, s47=True,
                source=citation(area, item.source.document, item.source.section),
                matched=answer.words or "yes", concept="confirmed_red_flag",
                label=f"you confirmed: {item.text[:120]}", field="worried")]
            possible = [p for p in possible if p.indicator != item.id]
        elif answer.answer == "unsure":
            if any(p.indicator == item.id for p in possible):
                possible = [p.copy(update={"applied": True}) if p.indicator == item.id else p for p in possible]
            else:
                floors.append((3, f"You weren't sure whether this is: {item.text[:120].rstrip('.')}. Talk to the "
                                  "front door today; they will decide whether it is section 47."))
    return indicators, possible, floors


def never_lower(before: Advice, after: Advice) -> Advice:
    """The advice with the answers, unless they would lower it (or take a red flag away)."""
    if before.level is None or after.level is None:
        return after
    lowered = after.level < before.level or (before.s47 and not after.s47) or \
        (before.immediate_danger and not after.immediate_danger)
    if not lowered:
        return after
    return before.copy(update={"notes": before.notes + [KEPT_NOTE]})

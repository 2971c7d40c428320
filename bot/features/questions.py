"""The assessment's questions, worded for the person and, where the area has its own Signs of Safety
prompts, using them. One place for the wording; the Rasa ask-actions only send what this returns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional

from bot.engine.assess import get_engine
from bot.guidance.areas import covered_area, covered_list

YES_NO = [{"title": "Yes", "payload": "yes"}, {"title": "No", "payload": "no"}]
YES_NO_UNSURE = YES_NO + [{"title": "Not sure", "payload": "not sure"}]


@dataclass(frozen=True)
class Question:
    text: str
    buttons: List[Dict[str, str]] = field(default_factory=list)


BASE: Dict[str, Question] = {
    "triage_danger_now": Question("First: is the child in immediate danger right now?", YES_NO_UNSURE),
    "triage_area": Question(f"Which town, city or county does the child live in? (I hold guidance for "
                            f"{covered_list()}.)"),
    "triage_role": Question("Are you asking as a professional (for example a teacher, health visitor, GP, police "
                            "officer or youth worker) or as a member of the public?",
                            [{"title": "Professional", "payload": "professional"},
                             {"title": "Member of the public", "payload": "member of the public"}]),
    "child_age": Question("How old is the child? (For example 14, 'nine' or '4 months'.)"),
    "child_mobile": Question("Is the baby mobile yet, for example rolling, crawling or walking?",
                             [{"title": "Yes, mobile", "payload": "yes, mobile"},
                              {"title": "Not yet", "payload": "not mobile yet"}]),
    "sos_worried": Question("What are you worried about? Tell me what you've seen or heard, in your own words, "
                            "and what the child has said."),
    "sos_more": Question("Thank you. Is there anything else that worries you? (Say 'no' when that's everything.)"),
    "sos_working_well": Question("What's working well? Who or what helps keep the child safe?"),
    "sos_needs": Question("What needs to happen, in your view, for you to be less worried?"),
    "sos_scale": Question("On a scale of 0 to 10, where 0 means the child is not safe at all and 10 means the "
                          "child is safe and their needs are being met, what would you score?"),
    # issue 13.5: asked once, before the scale, unless already said
    "sos_history": Question("Have you or anyone else been worried about this child before, or has anyone referred "
                            "before?", YES_NO_UNSURE),
    "consent_parents_know": Question("Do the parents or carers know you're worried?", YES_NO),
    "consent_status": Question("Have they agreed to you sharing information or making a referral?",
                               [{"title": "They agreed", "payload": "they agreed"},
                                {"title": "They refused", "payload": "they refused"},
                                {"title": "Not asked yet", "payload": "not asked yet"},
                                {"title": "Not sure", "payload": "not sure"}]),
    "consent_risky": Question("Would asking or telling them put the child or anyone else at risk, or undermine an "
                              "investigation (for example a disclosure of abuse by a parent)?", YES_NO_UNSURE),
}
# Which of the area's own Signs of Safety prompts to add to our question, by slot.
AREA_PROMPT = {"sos_worried": ("worried", 0), "sos_working_well": ("working_well", 1), "sos_needs": ("needs", 0)}


def question_for(slot: str, area_text: Optional[str] = None) -> Question:
    """The question for ``slot``, with the area's own Signs of Safety prompt when it has one."""
    base = BASE[slot]
    if slot not in AREA_PROMPT or not area_text:
        return base
    area = covered_area(area_text)
    if area is None:
        return base
    field_name, index = AREA_PROMPT[slot]
    guidance = get_engine().areas[area]
    prompts = getattr(guidance.signs_of_safety, field_name)
    if not prompts:
        return base
    prompt = prompts[min(index, len(prompts) - 1)]
    return Question(f"{base.text}\n({guidance.name}'s guidance asks: {prompt})", base.buttons)

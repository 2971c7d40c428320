"""Ask what changes the level (issue 13.4): at most three short questions before the reflect-back.

Why: the engine knows which facts, not given, would move the level (``Advice.open_questions``) and which
section 47 items only its recall net proposed (``Advice.possible``). Asking them is quicker and safer than
advising on a guess. This module keeps the conversation's plan as plain JSON (the ``followup_state`` slot),
reads each answer into a ``bot.engine.case.Answer``, and says what was heard; the engine alone decides what the
answers mean (``bot/engine/answers.py``), so the CLI reaches the same advice from the same answers.

- A possible red flag is asked first, with its one direct question; then the open questions, highest level
  first, each fact once. Only questions whose answer can raise the level are listed by the engine.
- "Not sure" is kept as "not sure": it never lowers the level. An answer that cannot be read is asked once
  more; the second time it is taken as "not sure" and the conversation says so (no question more than twice).
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from bot.engine.advice import Advice
from bot.engine.assess import assess_against
from bot.engine.assess_memo import assess_memo
from bot.engine.case import Answer, Case
from bot.engine.facts import read_facts
from bot.engine.open_questions import cached_questions
from bot.language.answer_words import is_unsure, parse_yes_no

MAX_ASKED = 3
INTRO = "A quick question, because the answer could change the advice:"
INTRO_MANY = "Up to {n} quick questions, because the answers could change the advice. First:"
UNREAD = "Please answer yes, no or not sure: "
TAKEN_UNSURE = "I'll take that as 'not sure': it never lowers the advice."
_ADULT_AGE = re.compile(r"\b(1[89]|[2-9]\d)\b")
_SHORT = 2  # words: "what?", "huh" are not answers; "just once" is


def empty_state() -> Dict[str, Any]:
    return {"pending": [], "asked": [], "answers": []}


def _state(value: Any) -> Dict[str, Any]:
    state = empty_state()
    if isinstance(value, Mapping):
        for key in state:
            if isinstance(value.get(key), list):
                state[key] = list(value[key])
    return state


def plan(case: Case, state: Any = None, advice: Optional[Advice] = None) -> Dict[str, Any]:
    """The questions still to ask: possible red flags first, then open questions whose "yes" the engine says
    would raise the level (asked, not assumed: a question that could not change the advice is not asked);
    three asked at most in all."""

    state = _state(state)
    advice = advice or assess_memo(case)
    asked = set(state["asked"])
    room = MAX_ASKED - len(state["asked"])
    pending: List[Dict[str, str]] = []
    unanswered: Optional[Advice] = None
    if advice.level is None or room <= 0:
        state["pending"] = []
        return state
    for flag in advice.possible:
        key = f"possible:{flag.indicator}"
        if key not in asked and all(p["key"] != key for p in pending):
            pending.append({"key": key, "question": flag.question, "fact": "", "indicator": flag.indicator,
                            "concept": ""})
    for question in advice.open_questions:
        key = f"fact:{question.fact}"
        if len(pending) >= room or key in asked or any(p["key"] == key for p in pending):
            continue
        item = {"key": key, "question": question.question, "fact": question.fact, "indicator": "",
                "concept": question.concept}
        if unanswered is None:
            unanswered = assess_memo(case.copy(update={"answers": []})) if case.answers else advice
        if _raises(case, advice, unanswered, item):
            pending.append(item)
    state["pending"] = pending[:room]
    return state


def _raises(case: Case, advice: Advice, unanswered: Advice, item: Mapping[str, str]) -> bool:
    """Would a plain "yes" move the engine's advice up (a higher level, or section 47)?

    ``unanswered`` is the advice without any answers, decided once for all the candidates.
    """

    yes = Answer(answer="yes", fact=item.get("fact") or "", concept=item.get("concept") or "", words="yes")
    after = assess_against(case.copy(update={"answers": [*case.answers, yes]}), unanswered)
    return (after.level or 0) > (advice.level or 0) or (after.s47 and not advice.s47)


def next_question(state: Any) -> Optional[Dict[str, str]]:
    pending = _state(state)["pending"]
    return pending[0] if pending else None


def ask_text(state: Any) -> Optional[str]:
    """The next question, introduced the first time (how many there will be, at most)."""
    state = _state(state)
    item = next_question(state)
    if item is None:
        return None
    if state["answers"]:
        return item["question"]
    count = len(state["pending"])
    intro = INTRO if count == 1 else INTRO_MANY.format(n={2: "two", 3: "three"}.get(count, str(count)))
    return f"{intro} {item['question']}"


def read_answer(item: Mapping[str, str], text: str, intent: Optional[str] = None) -> Optional[Answer]:
    """The answer to ``item``; None if it cannot be read (asked once more, then taken as not sure)."""
    words = (text or "").strip()[:2000]
    fact = item.get("fact") or ""
    base = {"fact": fact, "indicator": item.get("indicator") or "", "concept": item.get("concept") or "",
            "words": words}
    if fact and (fact in read_facts(words) or (fact == "older_person" and _ADULT_AGE.search(words))):
        return Answer(answer="yes", **base)  # the fact itself, said in any words ("a belt", "every day")
    if is_unsure(words, intent):
        return Answer(answer="unsure", **base)
    yes_no = parse_yes_no(words, intent)
    if yes_no is not None:
        return Answer(answer="yes" if yes_no else "no", **base)
    if len(words.split()) >= _SHORT:
        # Words that answer without the fact ("just once", "his hand"): the fact was not stated. For a possible
        # red flag an answer that is neither yes nor no is not a "no": it is kept as not sure.
        return Answer(answer="no" if fact else "unsure", **base)
    return None


def record(state: Any, item: Mapping[str, str], answer: Answer) -> Dict[str, Any]:
    """The state with this question asked and answered."""
    state = _state(state)
    state["asked"].append(item["key"])
    state["answers"].append({**answer.dict(), "question": item.get("question", "")})
    state["pending"] = [p for p in state["pending"] if p.get("key") != item["key"]]
    return state


def answers(state: Any) -> List[Answer]:
    """The answers as the engine takes them (``Case.answers``)."""
    fields = set(Answer.__fields__)
    return [Answer(**{k: v for k, v in a.items() if k in fields}) for a in _state(state)["answers"]
            if isinstance(a, Mapping) and a.get("answer") in ("yes", "no", "unsure")]


SAID = {"yes": "yes", "no": "no", "unsure": "not sure"}


def _question(answer: Answer) -> Tuple[str, Optional[str]]:
    """(the question asked, what a yes states) for an open-question answer."""

    for family in cached_questions().families:
        if answer.concept and answer.concept not in family.concepts:
            continue
        for question in family.questions:
            if question.fact == answer.fact:
                return question.ask, question.says
    return answer.fact.replace("_", " "), None


def describe(answers: Sequence[Answer]) -> List[str]:
    """Each follow-up answer in plain words, for the reflect-back and the record."""
    lines = []
    for answer in answers:
        words = answer.words.strip()
        quoted = f' (you said "{words[:200]}")' if words and words.lower().strip(" .!") != SAID[answer.answer] \
            else ""
        if answer.indicator:
            asked = "Could it be a section 47 matter (the possible red flag I asked about)?"
        else:
            asked, says = _question(answer)
            if answer.answer == "yes" and says:
                lines.append(f"{says[:1].upper()}{says[1:]}{quoted}.")
                continue
        tail = " (this never lowers the advice)" if answer.answer == "unsure" else ""
        lines.append(f"{asked} {SAID[answer.answer].capitalize()}{quoted}{tail}.")
    return lines

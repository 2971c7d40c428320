"""What would change the level: the open questions of an assessment (issue 11.4).

The level is chosen from the facts that were stated. Where a fact that the seeds use to tell the
levels apart was not given, the advice lists a short question whose answer would move the level,
with the level it leads to. The conversation asks up to three of them before the reflect-back; the
CLI lists them under ``open_questions``. The questions are data: guidance/questions/open_questions.yml.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import List, Literal, Optional, Sequence

from pydantic import Field, ValidationError

from bot.engine.advice import OpenQuestion
from bot.engine.facts import FACT_PATTERNS, read_facts
from bot.guidance.loader import GUIDANCE_DIR, _explain, _read_yaml, cached_concepts
from bot.guidance.models import Strict

QUESTIONS_FILE = GUIDANCE_DIR / "questions" / "open_questions.yml"
MAX_OPEN_QUESTIONS = 5


class Question(Strict):
    fact: str
    leads_to: int = Field(..., ge=2, le=4)
    ask: str = Field(..., min_length=5, max_length=160)
    # What a "yes" states, in words bot/engine/facts.py reads as the fact (issue 13.4): the conversation adds it to the
    # worry's own sentence. None where "yes" alone states nothing (an explanation: its words are what count).
    says: Optional[str] = Field(None, min_length=5, max_length=120)


class Family(Strict):
    id: str
    concepts: List[str] = Field(..., min_items=1)
    questions: List[Question] = Field(..., min_items=1)


class OpenQuestionBook(Strict):
    schema_version: Literal[1]
    families: List[Family]


def load_questions(path: Path = QUESTIONS_FILE, concepts: Sequence[str] = ()) -> OpenQuestionBook:
    """Validated; every fact must be one bot/engine/facts.py reads, every concept one concepts.yml defines."""
    try:
        book = OpenQuestionBook.parse_obj(_read_yaml(path))
    except ValidationError as exc:
        raise _explain(f"questions/{path.name}", exc) from exc
    unknown_facts = {q.fact for f in book.families for q in f.questions} - set(FACT_PATTERNS)
    unknown_concepts = {c for f in book.families for c in f.concepts} - set(concepts) if concepts else set()
    if unknown_facts or unknown_concepts:
        raise ValueError(f"open_questions.yml: unknown facts {sorted(unknown_facts)}, "
                         f"unknown concepts {sorted(unknown_concepts)}")
    unread = [q.says for f in book.families for q in f.questions if q.says and q.fact not in read_facts(q.says)]
    if unread:
        raise ValueError(f"open_questions.yml: 'says' must state its fact in words bot/engine/facts.py reads: {unread}")
    return book


@lru_cache(maxsize=1)
def cached_questions() -> OpenQuestionBook:
    return load_questions(concepts=[c.id for c in cached_concepts().concepts])


def open_questions(concepts: Sequence[str], text: str, level: int, s47: bool) -> List[OpenQuestion]:
    """Questions whose answer could raise the level, for the worries found; none once it is section 47."""
    if s47 or level >= 4:
        return []
    stated = read_facts(text)
    found: List[OpenQuestion] = []
    seen = set()
    for family in cached_questions().families:
        hit = next((c for c in concepts if c in family.concepts), None)
        if hit is None:
            continue
        for question in family.questions:
            if question.fact in stated or question.leads_to <= level or question.ask in seen:
                continue
            seen.add(question.ask)
            found.append(OpenQuestion(question=question.ask, fact=question.fact, leads_to=question.leads_to,
                                      concept=hit, says=question.says))
    found.sort(key=lambda q: -q.leads_to)
    return found[:MAX_OPEN_QUESTIONS]

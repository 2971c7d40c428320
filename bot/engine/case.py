"""The input contract: one case, as the CLI and the conversation both hand it to the engine."""

from __future__ import annotations

from typing import List, Literal, Optional, Union

from pydantic import BaseModel, Extra, Field, validator

from bot.language.parsing import is_unborn, parse_age_years, parse_scale

MAX_TEXT_CHARS = 20_000  # longer answers are truncated (and the advice says so), never rejected


class Answer(BaseModel):
    """An answer to one of the advice's follow-up questions (issue 13.4), as the engine takes it.

    ``fact`` answers an open question (a fact of bot/engine/facts.py about the worry ``concept``); ``indicator``
    answers a possible red flag's question. ``answer`` is "yes", "no" or "unsure"; ``words`` is what was typed.
    The same list can be given to ``python -m bot assess``: the conversation and the CLI take one path.
    """

    fact: str = ""
    indicator: str = ""
    concept: str = ""
    answer: Literal["yes", "no", "unsure"]
    words: str = Field("", max_length=2_000)

    class Config:
        extra = Extra.forbid


class Case(BaseModel):
    """What ``python -m bot assess`` reads and what the assistant collects."""

    area: Optional[str] = Field(None, description="county, city or town")
    age: Optional[Union[float, str]] = Field(None, description="years as a number, or text like '4 months', "
                                                              "'unborn' or '30 weeks pregnant'")
    role: Literal["professional", "public"] = "professional"
    worried: str = ""
    working_well: str = ""
    needs: str = ""
    scale: Optional[Union[int, str]] = Field(None, description="0 = very worried, 10 = not worried at all")
    danger_now: bool = False
    consent: Literal["given", "refused", "not_asked", "unsure"] = "not_asked"
    consent_risky: bool = False
    mobile: Optional[bool] = Field(None, description="for babies: crawling, rolling or walking")
    corrections: str = Field("", description="what the user corrected after the reflect-back: 'there were no "
                                             "bruises' removes that worry, 'dad also drinks' adds one")
    history: str = Field("", description="earlier worries, referrals or early help plans about this child")
    answers: List[Answer] = Field([], description="answers to the follow-up questions (open questions and "
                                                  "possible red flags); they can only raise the level")

    class Config:
        extra = Extra.forbid

    @validator("worried", "working_well", "needs", "corrections", "history", pre=True)
    def _text(cls, value: object) -> str:  # noqa: N805
        if value is None:
            return ""
        if not isinstance(value, str):
            raise ValueError("must be text")
        return value

    @validator("scale", pre=True)
    def _scale(cls, value: object) -> Optional[int]:  # noqa: N805
        if value is None or value == "":
            return None
        parsed = parse_scale(value)
        if parsed is None:
            raise ValueError(f"scale must be a whole number from 0 to 10 (got {value!r})")
        return parsed

    @validator("age", pre=True)
    def _age(cls, value: object) -> Optional[float]:  # noqa: N805
        if value is None or value == "":
            return None
        parsed = parse_age_years(value)
        if parsed is None:
            raise ValueError(f"age must be a child's age such as 14, 'nine', '4 months' or 'unborn' (got {value!r})")
        return parsed

    @validator("danger_now", "consent_risky", pre=True)
    def _strict_bool(cls, value: object) -> bool:  # noqa: N805
        if not isinstance(value, bool):
            raise ValueError("must be true or false")
        return value

    @property
    def age_years(self) -> Optional[float]:
        return float(self.age) if self.age is not None else None

    @property
    def unborn(self) -> bool:
        """A pre-birth case: the age was given as 'unborn', 'pre-birth' or 'N weeks pregnant'."""
        return is_unborn(self.age_years)

    @property
    def scale_value(self) -> Optional[int]:
        return int(self.scale) if self.scale is not None else None

    def truncated(self) -> bool:
        return any(len(t) > MAX_TEXT_CHARS for t in (self.worried, self.working_well, self.needs, self.corrections,
                                                     self.history))

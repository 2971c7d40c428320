"""The one advice object every channel renders. Nothing downstream re-decides it."""

from __future__ import annotations

from typing import List, Literal, Optional

from pydantic import BaseModel, Field

RouteName = Literal["999", "mash", "cads", "partnership_support", "early_help", "universal", "public",
                    "national_fallback"]

DISCLAIMER = (
    "This is decision support based on the local threshold guidance. It does not replace your professional "
    "judgement or a conversation with your designated safeguarding lead (DSL). If a child is in immediate "
    "danger, call 999."
)


class Citation(BaseModel):
    document: str
    title: str
    section: str
    seed: str


class Contact(BaseModel):
    service: str
    phone: Optional[str] = None
    phones: List[str] = []
    email: Optional[str] = None
    web: Optional[str] = None
    hours: Optional[str] = None
    out_of_hours: Optional[str] = None
    how: str
    written_referrals: Optional[bool] = None
    follow_up: Optional[str] = None
    contact_missing: Optional[str] = None
    source: Optional[Citation] = None


class MatchedIndicator(BaseModel):
    id: str
    text: str
    level: int
    domain: str
    subdomain: str
    s47: bool
    source: Citation
    matched: str = Field(..., description="the user's words that triggered this indicator")
    concept: str
    label: str = Field(..., description="plain words for reflect-back")
    hedged: bool = False
    field: str = "worried"


class RuledOut(BaseModel):
    concept: str
    label: str
    matched: str


class OpenQuestion(BaseModel):
    """A fact not given whose answer would move the level (issue 11.4)."""

    question: str
    fact: str
    leads_to: int
    concept: str
    says: Optional[str] = Field(None, description="what a 'yes' states, in words the engine reads as the fact")


class PossibleRedFlag(BaseModel):
    """A section 47 item that only the recall net proposed: confirm it with one direct question."""

    indicator: str
    text: str
    score: float = Field(..., description="the net's calibrated score, 0-1")
    matched: str = Field(..., description="the user's sentence")
    question: str
    applied: bool = Field(False, description="True when the CLI policy acted on it unconfirmed (docs/safety.md)")
    source: Citation


class ConsentAdvice(BaseModel):
    needed: bool
    tell_parents: bool
    advice: str
    record: List[str]
    source: Optional[Citation] = None
    reason: str = Field("", description="why, as a code from bot.engine.consent.REASONS (the audit log's)")


class Advice(BaseModel):
    type: Literal["advice"] = "advice"
    area: Optional[str]
    area_name: Optional[str] = None
    role: str = "professional"
    level: Optional[int]
    level_name: Optional[str]
    route: RouteName
    s47: bool
    immediate_danger: bool = False
    contact: Contact
    door: Optional[Contact] = Field(None, description="the front door to contact after 999, or for advice")
    then: List[str]
    consent: ConsentAdvice
    indicators: List[MatchedIndicator]
    ruled_out: List[RuledOut] = []
    rationale: List[str]
    citations: List[Citation] = []
    escalation: Optional[str] = None
    open_questions: List[OpenQuestion] = []
    possible: List[PossibleRedFlag] = []
    notes: List[str] = []
    disclaimer: str = DISCLAIMER
    guidance_version: str
    guidance_date: Optional[str] = Field(None, description="the date of the area's guidance documents (12.14)")

    def to_payload(self) -> dict:
        """The JSON-safe dict carried by the CLI and the conversation's custom payload."""
        return self.dict()

"""Schema of the machine-readable guidance in ``guidance/``.

Every YAML file is validated against these models when it is loaded, so a
malformed file fails loudly with the file and field that are wrong rather than
silently giving a professional less advice than the seed documents require.
"""

from __future__ import annotations

import re
from typing import Dict, List, Literal, Optional

from pydantic import BaseModel, Extra, Field, root_validator, validator

RouteKind = Literal[
    "999",
    "mash",
    "cads",
    "partnership_support",
    "early_help",
    "universal",
    "public",
    "out_of_hours",
    "police",
]
Domain = Literal[
    "child_development",
    "parenting_capacity",
    "family_environment",
    "community",
]
Audience = Literal["professional", "public", "all"]

_PHONE_RE = re.compile(r"^(0\d[\d ]{8,12}\d|999|101|111)$")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


class Strict(BaseModel):
    """Base model: unknown keys are errors, so typos in YAML cannot hide."""

    class Config:
        extra = Extra.forbid
        allow_mutation = False


class Source(Strict):
    """Where in a seed document a fact comes from."""

    document: str = Field(..., description="document id from the file's documents list")
    section: str = Field(..., min_length=1, description="section/heading/table in that document")
    quote: Optional[str] = Field(None, description="short verbatim quote when useful")


class Document(Strict):
    id: str
    seed: str = Field(..., description="file name under shared/seeds/")
    title: str
    publisher: str
    published: str = Field(..., description="year or date as the document states it")
    supersedes: Optional[str] = Field(None, description="id of an older document this one replaces")


class Phone(Strict):
    number: str
    label: str = ""
    note: Optional[str] = None

    @validator("number")
    def _looks_like_uk_number(cls, value: str) -> str:  # noqa: N805 - pydantic API
        if not _PHONE_RE.match(value.strip()):
            raise ValueError(f"not a UK phone number as written in a seed: {value!r}")
        return value.strip()


class Route(Strict):
    """A service a case can be sent to, with how to reach it."""

    id: str
    kind: RouteKind
    service: str
    levels: List[int] = Field(..., description="levels of need this route serves")
    audience: Audience = "professional"
    phones: List[Phone] = []
    email: Optional[str] = None
    web: Optional[str] = None
    hours: Optional[str] = None
    out_of_hours: Optional[str] = None
    how: str = Field(..., description="how to refer, step by step, as the seed says")
    written_referrals: Optional[bool] = Field(
        None, description="False where the seed says the door takes no written referrals"
    )
    follow_up: Optional[str] = Field(None, description="written follow-up the seed requires, e.g. form within 24h")
    contact_missing: Optional[str] = Field(
        None, description="where the seed gives no number: where to find it (never invent one)"
    )
    source: Source

    @validator("levels", each_item=True)
    def _level_range(cls, value: int) -> int:  # noqa: N805
        if value not in (1, 2, 3, 4):
            raise ValueError("levels are 1-4")
        return value


class Level(Strict):
    level: int = Field(..., ge=1, le=4)
    name: str
    descriptor: str
    response: str = Field(..., description="expected response at this level")
    routes: List[str] = Field(..., description="route ids, professional route first")
    source: Source


class AgeRule(Strict):
    """Age conditions that make an indicator apply (or not)."""

    min_years: Optional[float] = None
    max_years: Optional[float] = Field(None, description="applies when age < max_years")
    non_mobile: Optional[bool] = Field(None, description="True: applies only to a baby not yet mobile")
    min_days: Optional[int] = Field(None, description="e.g. private fostering 28 days or more")
    max_years_if_disabled: Optional[float] = Field(
        None, description="a higher max_years for a disabled child (private fostering: under 18 if disabled, 003)")


class Indicator(Strict):
    """One line of a level-of-need matrix (or a section 47 list)."""

    id: str
    text: str = Field(..., min_length=3)
    level: int = Field(..., ge=1, le=4)
    domain: Domain
    subdomain: str
    s47: bool = False
    immediate_danger: bool = False
    concepts: List[str] = Field([], description="concept ids from guidance/concepts.yml")
    age: Optional[AgeRule] = None
    note: Optional[str] = Field(None, description="e.g. 'superseded by nh-rhrt-... (level 3 in RHRT)'")
    source: Source

    @validator("id")
    def _id_format(cls, value: str) -> str:  # noqa: N805
        if not _ID_RE.match(value):
            raise ValueError(f"indicator id must be lower-case slug: {value!r}")
        return value

    @root_validator(skip_on_failure=True)
    def _s47_is_level4(cls, values: Dict) -> Dict:  # noqa: N805
        if values.get("s47") and values.get("level") != 4:
            raise ValueError(f"{values.get('id')}: a section 47 indicator must be level 4")
        return values


class SignsOfSafety(Strict):
    worried: List[str]
    working_well: List[str]
    needs: List[str]
    scale: str
    source: Source


ConsentSituation = Literal["normal", "child_in_need", "significant_harm", "risky", "young_person"]


class ConsentRule(Strict):
    """One consent statement of a seed, and the situations it speaks to.

    ``when`` empty: every situation at its levels except "risky" (asking the family would put someone at
    risk), where only rules written for it are shown, so that advice never says to seek consent then.
    "normal" is consent sought at levels 1-3; "child_in_need" a level-4 referral without significant harm;
    "young_person" the seed's words on a young person's own agreement.
    """

    id: str
    levels: List[int]
    text: str
    when: List[ConsentSituation] = Field(default_factory=list)
    source: Source


class Consent(Strict):
    summary: str
    young_person_can_consent_from: Optional[int] = Field(
        None, description="the age the seed names for a young person's own agreement; what it means is in the "
                          "area's young_person rule (Northamptonshire: sought as well as the parents'; Bedford: "
                          "may be able to consent)")
    rules: List[ConsentRule]
    exceptions: List[str] = Field(..., description="when parents are not told/asked")
    record: List[str] = Field(..., description="what to record about consent")
    seek_permission_at_significant_harm: Optional[str] = Field(
        None, description="id of the area's rule asking the referrer to seek a parent's permission even where a "
                          "child may be suffering significant harm, unless that is unsafe or could lose evidence "
                          "(Nottingham City, 003: permission 'should always be sought ... UNLESS')")

    @root_validator(skip_on_failure=True)
    def _permission_rule_exists(cls, values: Dict) -> Dict:  # noqa: N805
        rule_id = values.get("seek_permission_at_significant_harm")
        if rule_id and rule_id not in {r.id for r in values["rules"]}:
            raise ValueError(f"seek_permission_at_significant_harm names no consent rule: {rule_id}")
        return values


class FrontDoorAsk(Strict):
    route: str = Field(..., description="route id of the door that asks")
    items: List[str]
    source: Source


class RouteRule(Strict):
    """A route the seed requires for items of some tables at a level, whatever the level's usual route.

    Bedford (004): at level 3 the environmental and parental matrices say "A referral to children's social
    care is required", while the development matrix says it "may be required".
    """

    levels: List[int]
    sections: List[str] = Field(..., description="indicator source sections (prefixes) the rule covers")
    route: str = Field(..., description="route id")
    source: Source


class Escalation(Strict):
    summary: str
    steps: List[str]
    source: Source


class Contradiction(Strict):
    """A place where a seed disagrees with itself or another seed: both kept."""

    about: str
    values: List[str]
    resolution: str
    source: Source


class Matrix(Strict):
    """Where a level-of-need matrix (or section 47 list) sits in a seed, for the coverage report."""

    document: str
    section: str
    lines: List[int] = Field(..., min_items=2, max_items=2, description="1-based inclusive line range in the seed")
    headings: List[str] = Field([], description="lines in the range that are headings, not indicators")


class AreaGuidance(Strict):
    """Everything the engine knows about one local authority area."""

    schema_version: Literal[1]
    area: str = Field(..., description="area id, e.g. norfolk")
    name: str
    places: List[str] = Field(..., description="county/city/town names that resolve to this area")
    documents: List[Document]
    levels: List[Level]
    routes: List[Route]
    indicators: List[Indicator]
    signs_of_safety: SignsOfSafety
    consent: Consent
    front_door_asks: List[FrontDoorAsk]
    escalation: Escalation
    recording: List[str] = Field([], description="what the seed asks professionals to record")
    contradictions: List[Contradiction] = []
    history: List[Indicator] = Field(
        [], description="older-document indicators superseded by a newer document, kept for reference"
    )
    matrices: List[Matrix] = []
    route_rules: List[RouteRule] = []

    @root_validator(skip_on_failure=True)
    def _references_resolve(cls, values: Dict) -> Dict:  # noqa: N805
        doc_ids = {d.id for d in values["documents"]}
        route_ids = {r.id for r in values["routes"]}
        problems: List[str] = []
        sourced = (
            list(values["routes"])
            + list(values["levels"])
            + list(values["indicators"])
            + list(values["history"])
            + [values["signs_of_safety"], values["escalation"]]
            + list(values["front_door_asks"])
            + list(values["consent"].rules)
            + list(values["contradictions"])
            + list(values["matrices"])
            + list(values["route_rules"])
        )
        for item in sourced:
            document = item.document if isinstance(item, Matrix) else item.source.document
            if document not in doc_ids:
                problems.append(f"unknown document {document!r} in {getattr(item, 'id', item)!s:.60}")
        for level in values["levels"]:
            problems += [f"level {level.level}: unknown route {r!r}" for r in level.routes if r not in route_ids]
        problems += [f"route_rules: unknown route {rule.route!r}" for rule in values["route_rules"]
                     if rule.route not in route_ids]
        for ask in values["front_door_asks"]:
            if ask.route not in route_ids:
                problems.append(f"front_door_asks: unknown route {ask.route!r}")
        ids = [i.id for i in values["indicators"]] + [i.id for i in values["history"]]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            problems.append(f"duplicate indicator ids: {dupes}")
        if sorted(lv.level for lv in values["levels"]) != [1, 2, 3, 4]:
            problems.append("levels must be exactly 1, 2, 3 and 4")
        if problems:
            raise ValueError("; ".join(problems))
        return values


class AreaSupplement(Strict):
    """A second file for an area (e.g. an older document): its lists are appended to the area's."""

    schema_version: Literal[1]
    supplement_of: str
    documents: List[Document]
    indicators: List[Indicator] = []
    history: List[Indicator] = []
    routes: List[Route] = []
    contradictions: List[Contradiction] = []
    recording: List[str] = []
    matrices: List[Matrix] = []


SUPPLEMENT_LISTS = ("documents", "indicators", "history", "routes", "contradictions", "recording", "matrices")


class Concept(Strict):
    """A plain-language idea that several indicators share, with the words people use for it."""

    id: str
    label: str = Field(..., description="plain words for reflect-back: 'an unexplained bruise on a baby'")
    patterns: List[str] = Field(..., description="lower-case phrases; lemmas are matched too")
    exclude: List[str] = Field(default_factory=list,
                               description="phrases that cancel an overlapping hit: 'kicking other children' is "
                                           "the child's behaviour, not abuse of the child")
    s47: bool = Field(False, description="a red flag whatever the matrix says")
    immediate_danger: bool = False
    age: Optional[AgeRule] = None


class ConceptLexicon(Strict):
    schema_version: Literal[1]
    concepts: List[Concept]


class RedFlag(Strict):
    """A concept that is a section 47 red flag in every area, whatever words or matrix level."""

    concept: str
    why: str
    sources: List[str] = Field(..., min_items=1, description="document id and section of the seed")


class RedFlagPolicy(Strict):
    schema_version: Literal[1]
    red_flags: List[RedFlag]

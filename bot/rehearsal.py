"""Rehearse the call to the front door: the assistant plays the duty social worker for the area.

The questions come from ``guidance/``: what the area's front door asks for on the call
(``front_door_asks``), plus, where the seed puts it elsewhere, what it says a referral should
include (``recording``) and the area's first Signs of Safety question. Answers that are vague or
opinion get one probe, the way a consultant social worker would ask. The feedback at the end uses
the seeds' recording guidance: fact not opinion, specific observable behaviour, a clear consent
position.

The state is a plain JSON-able dict (it lives in a Rasa slot) and every function here is pure:
``start(area, facts) -> state``, ``answer(state, text) -> (state, reply)``, ``feedback(state)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Dict, List, Mapping, Optional, Tuple

from bot.guidance.loader import cached_areas
from bot.guidance.models import AreaGuidance, Route

STATE_VERSION = 1
MAX_ANSWER_CHARS = 2000  # the state lives in a slot: long answers are cut (the feedback says so)
QUOTE_CHARS = 90

# kinds: "detail" (facts the door notes down; only emptiness is probed), "account" (the story:
# probed for opinion and vagueness), "consent" (probed until the position is stated).
DETAIL, ACCOUNT, CONSENT = "detail", "account", "consent"


@dataclass(frozen=True)
class Topic:
    """One thing the front door asks, with the question as the duty social worker would put it."""

    id: str
    label: str
    question: str
    kind: str
    pattern: str  # matched (case-insensitive) against the guidance item that asks for it


# Order is the order of the call. Each guidance item maps to every topic whose pattern it matches;
# an item that matches none is still asked, in the guidance's own words (see _generic_topic).
TOPICS: Tuple[Topic, ...] = (
    Topic("referrer", "your own details",
          "Can I take your name, role and agency first? You can't stay anonymous on a referral.",
          DETAIL, r"own details|anonymous"),
    Topic("child_details", "the child's details",
          "Let's start with the child. What details do you have: name, age or date of birth, address, school "
          "or nursery? (For practice, initials or made-up details are fine.)",
          DETAIL, r"details known to you|child's details"),
    Topic("family", "the family composition, including siblings",
          "Who's in the family? Who lives with the child, are there brothers or sisters, and who else is "
          "around them?",
          ACCOUNT, r"family composition|siblings"),
    Topic("concern", "the nature of the concern",
          "What is the nature of your concern? What exactly have you seen or heard, and when?",
          ACCOUNT, r"nature of the concern|seen or heard that worries"),
    Topic("health", "the child's health and wellbeing",
          "How is the child's health and wellbeing? Tell me what you've seen.",
          ACCOUNT, r"health and wellbeing"),
    Topic("parenting", "parenting ability",
          "What have you seen of the parents' or carers' ability to look after the child?",
          ACCOUNT, r"parenting ability"),
    Topic("wider_family", "the wider family and environment",
          "What about the child's wider family and environment: home, housing, community?",
          ACCOUNT, r"wider family and environment"),
    Topic("development", "the child's developmental needs and the parents' capacity to meet them",
          "What are the child's developmental needs, and how able are the parents or carers to meet them?",
          ACCOUNT, r"developmental needs"),
    Topic("risks", "your view of the immediate risks",
          "What's your view of the immediate risks to the child?",
          ACCOUNT, r"immediate risks"),
    Topic("whereabouts", "where the child is now",
          "Where is the child right now, and who are they with?",
          DETAIL, r"where the child is now"),
    Topic("working_well", "what is working well and what needs to be addressed",
          "What's working well for this family, and what needs to be addressed?",
          ACCOUNT, r"what is working well"),
    Topic("agencies", "the agencies involved or needed",
          "Which agencies are involved already or needed (education, housing, health)? Will it take more "
          "than one?",
          DETAIL, r"agencies"),
    Topic("eha", "any Early Help Assessment to attach",
          "Is there an Early Help Assessment? If there is, you'll need to send it with the referral.",
          DETAIL, r"early help assessment \(eha\)"),
    Topic("family_views", "the family's views",
          "What are the family's views on support, and on the worries you've raised?",
          ACCOUNT, r"family's views"),
    Topic("parents_told", "whether the parents know",
          "Have you told the parents or carers about your concern?",
          CONSENT, r"informed parents"),
    Topic("consent", "consent and your efforts to get it",
          "Has the family been told, and have they consented? If not, what did you do to seek it, and why "
          "didn't you, or why wasn't it given?",
          CONSENT, r"has consented|parent given consent|consent of the parent|efforts made to get it"),
    Topic("consent_understood", "whether the parents understood what will be shared",
          "When you sought consent, did the parents understand that the information will be shared with "
          "services where that's appropriate?",
          CONSENT, r"understood that the information will be shared"),
    Topic("sharing", "why and with whom information will be shared",
          "Why, and with whom, will the information be shared? Is the consent recorded?",
          CONSENT, r"why and with whom"),
    Topic("no_consent_evidence", "the evidence of significant harm if there is no consent",
          "If there's no consent: what's the evidence that the child would be at risk of significant harm if "
          "this referral weren't made? (Say 'not applicable' if they agreed.)",
          CONSENT, r"no parental consent"),
)
_BY_ID = {t.id: t for t in TOPICS}

# Where a seed says what a referral must include outside ``front_door_asks`` (Northamptonshire's 2022
# guidance, sections 4.2 and 8.1): these ``recording`` lines are asked too. tests check they resolve.
RECORDING_ASKS: Dict[str, Tuple[str, ...]] = {
    "northamptonshire": ("When referring a child, include", "Where you refer without consent, provide evidence"),
}

# --- reading answers ---------------------------------------------------------------------------------
_UNKNOWN = re.compile(r"^\s*(i\s+)?(don'?t know|do not know|not sure|no idea|unsure|dunno|can'?t remember|"
                      r"no|none|nothing|n/?a|pass|skip|-)\s*[.!]*\s*$", re.I)
_NOT_APPLICABLE = re.compile(r"\b(not applicable|n/a|they (agreed|consented|gave consent))\b", re.I)
_OPINION = re.compile(r"\b(i think|i feel|i believe|i reckon|i suspect|i guess|i assume|i imagine|i'?m sure|"
                      r"in my (opinion|view)|my gut|gut feeling|i get the (impression|feeling|sense)|"
                      r"seems?|seemed|appears?|appeared|probably|obviously|clearly|must be|bound to|"
                      r"i'?d say|no doubt)\b", re.I)
_HEARSAY = re.compile(r"\b(implied|hinted|suggested|insinuated|sort of said|kind of said|gave the impression|"
                      r"made out|let (it )?slip)\b", re.I)
_VAGUE = re.compile(r"\b(neglected|neglectful|not coping|struggling|inappropriate(ly)?|concerning|worrying|"
                    r"unkempt|chaotic|dysfunctional|not right|not quite right|odd|strange|weird|off|bad|poor|"
                    r"issues?|problems?|stuff|things|something|aggressive|difficult|challenging|vulnerable|"
                    r"at risk|unsafe|toxic|volatile|a mess|messy|all over the place|always|never)\b", re.I)
_ANCHOR = re.compile(r"[\"“”]|\b(said|says|told|telling|disclosed|asked|saw|seen|heard|noticed|observed|watched|"
                     r"found|smelled|smelt|measured|weighed|counted|recorded|today|yesterday|tonight|"
                     r"this (morning|afternoon|evening|week)|last (night|week|month|term)|on (monday|tuesday|"
                     r"wednesday|thursday|friday|saturday|sunday)|at \d|\d)\b", re.I)
_PRONOUN = re.compile(r"\b(she|her|he|him|they|them)\b", re.I)
_REASON = re.compile(r"\b(because|as|since|so|risk|harm|unsafe|danger|evidence|disclos\w*|crime|police|delay|"
                     r"investigation|allegation|abuse|hurt|assault)\b", re.I)
_TOLD_YES = re.compile(r"\b(yes|told (them|mum|dad|the parents?|her|him)|they know|(mum|dad|parents?|carers?) "
                       r"(knows?|is aware|are aware)|informed|spoke to|spoken to|discussed)\b", re.I)
_TOLD_NO = re.compile(r"\b(no|not (yet )?(told|informed|spoken|asked)|haven'?t (told|spoken|asked)|"
                      r"didn'?t (tell|ask)|they don'?t know|unaware)\b", re.I)
_CONSENT_STATE = re.compile(r"\b(agree\w*|consent\w*|refus\w*|declin\w*|said (yes|no)|not (yet )?asked|"
                            r"haven'?t asked|didn'?t ask|happy (for|with)|object\w*|permission|not applicable|"
                            r"n/a)\b", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _area(area_id: str) -> AreaGuidance:
    areas = cached_areas()
    if area_id not in areas:
        raise ValueError(f"no guidance for area {area_id!r}; areas: {', '.join(sorted(areas))}")
    return areas[area_id]


def door_route(area: AreaGuidance) -> Route:
    """The door a professional calls about a child at risk: the MASH or CADS (the one whose asks are listed)."""
    doors = [r for r in area.routes if r.kind in ("cads", "mash") and r.audience != "public"]
    if not doors:
        raise ValueError(f"{area.area}: no front door in the guidance")
    asked = {a.route for a in area.front_door_asks}
    return next((r for r in doors if r.id in asked), doors[0])


@lru_cache(maxsize=16)
def plan(area_id: str) -> Tuple[Dict[str, Any], ...]:
    """The call's questions for the area, in order, each with the guidance words it comes from."""
    area = _area(area_id)
    door = door_route(area)
    asks = [a for a in area.front_door_asks if a.route == door.id]
    if not asks:  # Bedford Borough: the seed lists what its Early Help Assessment asks, not the MASH call
        kinds = {r.id: r.kind for r in area.routes}
        asks = [a for a in area.front_door_asks if kinds.get(a.route) != "public"][:1]
    items: List[Tuple[str, str]] = []  # (guidance words, where they come from)
    for ask in asks:
        document = next(d for d in area.documents if d.id == ask.source.document)
        items += [(item, f"{document.title}, {ask.source.section}") for item in ask.items]
    for anchor in RECORDING_ASKS.get(area_id, ()):
        line = next((r for r in area.recording if anchor.lower() in r.lower()), None)
        if line:
            items.append((line, f"{area.name} recording guidance"))
    concern = next((q for q in area.signs_of_safety.worried if "seen or heard" in q.lower()), "")
    if concern:
        document = next(d for d in area.documents if d.id == area.signs_of_safety.source.document)
        items.append((concern, f"{document.title}, {area.signs_of_safety.source.section}"))
    found: Dict[str, Dict[str, Any]] = {}
    extra: List[Dict[str, Any]] = []
    for words, source in items:
        topics = [t for t in TOPICS if re.search(t.pattern, words, re.I)]
        for topic in topics:
            entry = found.setdefault(topic.id, {"id": topic.id, "asks": [], "sources": []})
            entry["asks"].append(words)
            if source not in entry["sources"]:
                entry["sources"].append(source)
        if not topics:
            extra.append({"id": f"ask{len(extra) + 1}", "asks": [words], "sources": [source]})
    ordered = [found[t.id] for t in TOPICS if t.id in found] + extra
    return tuple(ordered)


def topic_of(entry: Mapping[str, Any]) -> Topic:
    """The topic for a plan entry; guidance items we have no wording for are asked in their own words."""
    if entry["id"] in _BY_ID:
        return _BY_ID[entry["id"]]
    words = entry["asks"][0].rstrip(".")
    return Topic(entry["id"], words[:1].lower() + words[1:], f"They'll also ask about this: {words}. What would "
                 "you tell them?", ACCOUNT, "")


def door_name(area_id: str) -> str:
    return door_route(_area(area_id)).service


# --- pre-filling from an assessment -------------------------------------------------------------------
def prefill(facts: Optional[Mapping[str, Any]]) -> Dict[str, str]:
    """What an assessment in this conversation already tells the front door, by topic, in the user's words."""
    if not facts:
        return {}
    found: Dict[str, str] = {}
    worried = " ".join(str(facts.get(k) or "").strip() for k in ("sos_worried", "sos_corrections")).strip()
    if worried:
        found["concern"] = worried
    well, needs = str(facts.get("sos_working_well") or "").strip(), str(facts.get("sos_needs") or "").strip()
    if well and well != "nothing stated":
        found["working_well"] = well + (f" Needs: {needs}" if needs and needs != "nothing stated" else "")
    status, risky = facts.get("consent_status"), facts.get("consent_risky")
    consent = ""
    if status in ("given", "refused", "not_asked", "unsure"):
        consent = {"given": "They have agreed.", "refused": "They refused consent.",
                   "not_asked": "I haven't asked them yet.",
                   "unsure": "I'm not sure whether they have agreed."}[status]
        if risky == "yes":
            consent += " Asking them would put the child or someone else at risk, or undermine an investigation."
        found["consent"] = consent
    knows = facts.get("consent_parents_know")
    if isinstance(knows, bool):
        told = "Yes, they know I'm worried." if knows else "No, they haven't been told yet."
        found["parents_told"] = f"{told} {consent}".strip()  # a door that only asks this hears the whole position
    return found


# --- the state machine ------------------------------------------------------------------------------------
def start(area_id: str, facts: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
    """A new rehearsal for the area; facts from an assessment pre-fill what the door would ask."""
    steps = plan(area_id)
    known = prefill(facts)
    answers = {e["id"]: [known[e["id"]]] for e in steps if e["id"] in known}
    order = [e["id"] for e in steps]
    state: Dict[str, Any] = {"v": STATE_VERSION, "area": area_id, "order": order, "answers": answers,
                             "prefilled": [i for i in order if i in answers], "probes": {}, "index": 0,
                             "probing": False, "done": False, "truncated": False}
    return _advance(state)


def _advance(state: Dict[str, Any]) -> Dict[str, Any]:
    index = state["index"]
    while index < len(state["order"]) and state["order"][index] in state["answers"]:
        index += 1
    state["index"] = index
    state["done"] = index >= len(state["order"])
    return state


def current_topic(state: Mapping[str, Any]) -> Optional[Topic]:
    if state.get("done"):
        return None
    entry = next(e for e in plan(state["area"]) if e["id"] == state["order"][state["index"]])
    return topic_of(entry)


def intro(state: Mapping[str, Any]) -> str:
    """The opening: who the assistant is playing, and what it already knows from the assessment."""
    area = _area(state["area"])
    lines = [f"Let's rehearse your call. I'll play the duty social worker at {door_name(state['area'])} "
             f"({area.name}) and ask what the guidance says they ask for on the call. Answer as you would on "
             "the phone. At the end I'll tell you how it went. Say 'stop' to stop. This is practice: if a "
             "child is in immediate danger, call 999 now."]
    door = door_route(area)
    if not any(a.route == door.id for a in area.front_door_asks):
        lines.append(f"(The {area.name} guidance lists what its Early Help Assessment asks, not the MASH call, "
                     "so I ask that.)")
    if "MARF" in f"{door.how} {door.follow_up or ''}":
        lines.append("(After the call you send a completed MARF. The guidance doesn't reproduce the form's "
                     "questions, so I ask what it says City MASH asks, and what worries you.)")
    if state["prefilled"]:
        known = "; ".join(f'{_label(i)} ("{_quote(state["answers"][i][0])}")' for i in state["prefilled"])
        lines.append(f"From your assessment I already have: {known}. I'll ask only the rest.")
    return "\n".join(lines)


def prompt(state: Mapping[str, Any]) -> Optional[str]:
    """What the social worker asks next: a probe of the last answer, or the next question; None when done."""
    if state.get("done"):
        return None
    topic = current_topic(state)
    if state.get("probing"):
        return state["probes"].get(topic.id)
    return topic.question


def answer(state: Mapping[str, Any], text: str) -> Tuple[Dict[str, Any], Optional[str]]:
    """Take the user's answer to the current question; return the new state and what is asked next."""
    new = _copy(state)
    if new.get("done"):
        return new, None
    text = (text or "").strip()
    if len(text) > MAX_ANSWER_CHARS:
        text, new["truncated"] = text[:MAX_ANSWER_CHARS], True
    topic = current_topic(new)
    if new["probing"]:
        new["answers"].setdefault(topic.id, []).append(text)
        new["probing"] = False
        new["index"] += 1
    else:
        probe = probe_for(topic, text)
        if probe:
            new["answers"][topic.id] = [text]
            new["probes"][topic.id] = probe
            new["probing"] = True
            return new, probe
        new["answers"][topic.id] = [text]
        new["index"] += 1
    _advance(new)
    return new, prompt(new)


def _copy(state: Mapping[str, Any]) -> Dict[str, Any]:
    return {**state, "order": list(state["order"]), "prefilled": list(state["prefilled"]),
            "answers": {k: list(v) for k, v in state["answers"].items()}, "probes": dict(state["probes"])}


def probe_for(topic: Topic, text: str) -> Optional[str]:
    """One follow-up, as a consultant social worker would ask it; None if the answer will do."""
    if _UNKNOWN.match(text) and topic.kind != CONSENT:
        return None  # 'don't know' is an answer: the feedback lists it as missing
    if topic.kind == CONSENT:
        if _NOT_APPLICABLE.search(text) or consent_stated(topic.id, text):
            return None
        return ("Just so I'm clear: have the parents been told, and have they agreed, refused, or not been asked? "
                "If you haven't asked, or they refused, why?")
    if len(text.split()) < 3:
        return "Can you give me a bit more than that? I need to write this down."
    if topic.kind == DETAIL:
        return None
    if _HEARSAY.search(text):
        who = _who(text)
        return f"Is that what {who} said, or what you think? What were {_possessive(who)} exact words?"
    if opinions(text):
        return "Is that what you saw or heard, or what you think? Tell me what you actually saw or heard."
    if vague_phrases(text):
        return "What exactly did you see? Describe what happened, when, and who was there."
    return None


def _who(text: str) -> str:
    match = _PRONOUN.search(text)
    word = match.group(1).lower() if match else "they"
    return {"her": "she", "him": "he", "them": "they"}.get(word, word)


def _possessive(who: str) -> str:
    return {"she": "her", "he": "his"}.get(who, "their")


def consent_stated(topic_id: str, text: str) -> bool:
    if topic_id == "parents_told":
        return bool(_TOLD_YES.search(text) or _TOLD_NO.search(text))
    return bool(_CONSENT_STATE.search(text) or _TOLD_YES.search(text) or _TOLD_NO.search(text))


def opinions(text: str) -> List[str]:
    """Sentences where opinion stands in for fact (no reported speech or observation to carry it)."""
    return [s for s in _sentences(text) if (_OPINION.search(s) or _HEARSAY.search(s))]


def vague_phrases(text: str) -> List[str]:
    """Sentences with judgement-loaded or vague words and nothing seen, heard or dated to pin them down."""
    return [s for s in _sentences(text) if _VAGUE.search(s) and not _ANCHOR.search(s)]


def _sentences(text: str) -> List[str]:
    return [s.strip() for s in _SENTENCE.split(text or "") if s.strip()]


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS - 3].rstrip() + "..."


def _label(topic_id: str) -> str:
    return _BY_ID[topic_id].label if topic_id in _BY_ID else topic_id


# --- feedback ----------------------------------------------------------------------------------------------
@dataclass
class Feedback:
    """How the rehearsed call went, against what the door asks and the seeds' recording guidance."""

    area: str
    door: str
    missing: List[str] = field(default_factory=list)
    opinion: List[Tuple[str, str]] = field(default_factory=list)  # (topic label, the user's words)
    not_specific: List[Tuple[str, str]] = field(default_factory=list)
    consent_clear: bool = False
    consent_note: str = ""
    verdict: str = "not ready"
    verdict_text: str = ""
    guidance: List[str] = field(default_factory=list)
    prefilled: List[str] = field(default_factory=list)
    truncated: bool = False

    def to_dict(self) -> Dict[str, Any]:
        return {"type": "rehearsal_feedback", "area": self.area, "door": self.door, "missing": self.missing,
                "opinion": [list(o) for o in self.opinion], "not_specific": [list(v) for v in self.not_specific],
                "consent_clear": self.consent_clear, "consent_note": self.consent_note, "verdict": self.verdict,
                "guidance": self.guidance}

    def text(self) -> str:
        lines = [f"How that call to {self.door} went:"]
        if self.prefilled:
            lines.append("(Taken from your assessment: " + ", ".join(self.prefilled) + ".)")
        lines.append("What was missing: " + ("; ".join(self.missing) + "." if self.missing else
                                             "nothing: you covered everything they ask for."))
        if self.opinion:
            lines.append("Where opinion stood in for fact (say what you saw or heard, and who said what):")
            lines += [f'- {label}: "{words}"' for label, words in self.opinion]
        else:
            lines.append("Opinion and fact: you kept to what you saw and heard.")
        if self.not_specific:
            lines.append("Where the account wasn't specific, observable behaviour (describe what happened, "
                         "when, and who was there):")
            lines += [f'- {label}: "{words}"' for label, words in self.not_specific]
        else:
            lines.append("Observable behaviour: your account was specific.")
        lines.append(("Consent position: clear. " if self.consent_clear else "Consent position: not clear. ")
                     + self.consent_note)
        if self.truncated:
            lines.append("(A very long answer was cut short in this practice.)")
        lines.append(f"Readiness: {self.verdict_text}")
        if self.guidance:
            lines.append("From the recording guidance: " + " ".join(self.guidance))
        lines.append("This was practice, not a referral. It doesn't replace your professional judgement or your "
                     "designated safeguarding lead. If a child is in immediate danger, call 999.")
        return "\n".join(lines)


# the seeds' recording guidance the feedback cites: (what to find in an area's recording lines, why)
_PRINCIPLES = (r"fact (from|and) opinion", r"observable")


def recording_principles(area_id: str) -> List[str]:
    """The area's own recording lines on fact/opinion and observable behaviour; another area's, labelled."""
    areas = cached_areas()
    found: List[str] = []
    for pattern in _PRINCIPLES:
        line = next((r for r in areas[area_id].recording if re.search(pattern, r, re.I)), None)
        owner = areas[area_id].name
        if line is None:
            other = next(((a, r) for a in areas.values() for r in a.recording if re.search(pattern, r, re.I)), None)
            if other:
                owner, line = other[0].name, other[1]
        if line and not any(line in f for f in found):
            found.append(f"{owner}: {_sentence_with(line, pattern)}")
    return found


def _sentence_with(line: str, pattern: str) -> str:
    return next((s for s in _sentences(line) if re.search(pattern, s, re.I)), line)


def feedback(state: Mapping[str, Any]) -> Feedback:
    """Feedback on the rehearsal: missing items, opinion, vagueness, consent clarity and readiness."""
    area_id = state["area"]
    result = Feedback(area=area_id, door=door_name(area_id), truncated=bool(state.get("truncated")),
                      prefilled=[_label(i) for i in state.get("prefilled", [])],
                      guidance=recording_principles(area_id))
    consent_texts: List[str] = []
    for entry in plan(area_id):
        topic = topic_of(entry)
        texts = [t for t in state["answers"].get(topic.id, []) if t and t.strip()]
        given = [t for t in texts if not _UNKNOWN.match(t)]
        if topic.kind == CONSENT:
            consent_texts += given
        if not given:
            result.missing.append(topic.label)
            continue
        if topic.kind != ACCOUNT:
            continue
        for text in given:
            result.opinion += [(topic.label, _quote(s)) for s in opinions(text)]
            result.not_specific += [(topic.label, _quote(s)) for s in vague_phrases(text)
                                    if not (_OPINION.search(s) or _HEARSAY.search(s))]
    result.consent_clear, result.consent_note = _consent_position(consent_texts)
    result.verdict, result.verdict_text = _verdict(result)
    return result


def _consent_position(texts: List[str]) -> Tuple[bool, str]:
    joined = " ".join(texts)
    if not joined.strip():
        return False, ("You didn't say whether the parents know or have agreed. The door will ask: know your "
                       "answer, and if you haven't asked, why not.")
    stated = bool(_CONSENT_STATE.search(joined) or _TOLD_YES.search(joined) or _TOLD_NO.search(joined))
    without = re.search(r"\b(refus\w*|declin\w*|not (yet )?asked|haven'?t asked|didn'?t ask|haven'?t (told|spoken)|"
                        r"not (yet )?told|no,? they (don'?t|haven'?t))\b", joined, re.I)
    if not stated:
        return False, "Say plainly whether the parents have been told and whether they agreed."
    if without and not _REASON.search(joined[without.start():] + " " + joined[:without.start()]):
        return False, ("You said consent wasn't sought or wasn't given but not why: give the reason (for example, "
                       "asking would put the child at risk) and what you did to seek it.")
    if without:
        return True, "You said where consent stands and why."
    return True, "You said the parents know and where consent stands."


def _verdict(result: Feedback) -> Tuple[str, str]:
    if result.missing or not result.consent_clear:
        todo = []
        if result.missing:
            todo.append("find out or note " + ", ".join(result.missing[:4]) + ("..." if len(result.missing) > 4
                                                                               else ""))
        if not result.consent_clear:
            todo.append("get your consent position clear")
        return "not ready", "Not ready yet: before you call, " + " and ".join(todo) + "."
    if result.opinion or result.not_specific:
        return "nearly ready", ("Nearly ready: you have what they ask for; before you call, turn the opinions and "
                                "vague words above into what you saw and heard.")
    return "ready", "Ready to make the call: you have what they ask for, in facts they can act on."


# --- small helpers the actions use ---------------------------------------------------------------------------
def is_state(value: Any) -> bool:
    return isinstance(value, dict) and value.get("v") == STATE_VERSION and value.get("area") in cached_areas()

"""Quick queries over REST against the real servers: one answer each, with the area named and the source cited."""

from __future__ import annotations

import uuid
from typing import Any, Dict, List, Optional

import pytest

from bot.engine.advice import DISCLAIMER
from tests.e2e.driver import post

pytestmark = pytest.mark.e2e

AREA_NAMES = {"northamptonshire": "Northamptonshire", "norfolk": "Norfolk", "nottingham_city": "Nottingham City",
              "bedford_borough": "Bedford Borough"}

# (question, expected area id, words the answer must contain). Asked in this order by one user: an area
# named once is remembered, so the later questions without a place are answered for the last area named.
QUERIES = [
    ("What's the MASH number in Northamptonshire?", "northamptonshire", ["0300 126 7000"]),
    ("How do I follow up a MASH call in writing?", "northamptonshire", ["within 24 hours"]),
    ("What's Partnership Support?", "northamptonshire", ["cfss@nctrust.co.uk"]),
    ("how do I contact partnership support", "northamptonshire", ["01604 526963"]),
    ("what's the phone number for the MASH in Corby", "northamptonshire", ["0300 126 7000"]),
    ("Can a 14-year-old consent?", "northamptonshire", ["over 13"]),
    ("What's an EHA?", "northamptonshire", ["Early Help Assessment"]),
    ("When is Nottingham City MASH open?", "nottingham_city", ["8:30 am to 4:50 pm"]),
    ("is the city mash open on saturdays", "nottingham_city", ["8:30 am"]),
    ("what's the email for city MASH", "nottingham_city", ["CityMASH@nottinghamcity.gov.uk"]),
    ("do I need to send a MARF after I call", "nottingham_city", ["MARF"]),
    ("is neglect a level 3 in Nottingham", "nottingham_city", ["level"]),
    ("How do I escalate if I disagree with the MASH decision?", "nottingham_city", ["Independent Chair"]),
    ("mum's refused consent for the referral, what now", "nottingham_city", ["consent"]),
    ("Who do I call in Norfolk?", "norfolk", ["Children's Advice and Duty Service"]),
    ("CADS email?", "norfolk", ["takes no written referrals"]),
    ("Do I need consent to call CADS?", "norfolk", ["do not need consent"]),
    ("Parents refused early help, what now?", "norfolk", ["should not be seen in isolation"]),
    ("Is a parent on methadone a level 2?", "norfolk", ["level 2"]),
    ("I disagree with the CADS decision, how do I escalate", "norfolk", ["Resolving Professional Disagreement"]),
    ("what does tier 2 mean in Norfolk", "norfolk", ["Tier 2"]),
    ("what will the MASH ask me", "norfolk", ["family composition"]),
    ("do I need the family's consent for an early help referral in Norwich", "norfolk", ["consent"]),
    ("What does level 3 mean in Bedford?", "bedford_borough", ["Level 3 (Targeted)"]),
    ("who do I ring in Bedford", "bedford_borough", ["doesn't give a phone number"]),
    ("what does EHA stand for", "bedford_borough", ["01234 276043"]),
    ("can a 14 year old consent to an EHA themselves?", "bedford_borough", ["not over 16"]),
    ("what is a team around the family", "bedford_borough", ["TAF"]),
    ("how do I challenge a MASH decision in Bedford", "bedford_borough", ["Managing Professional Disagreements"]),
    ("do I need to put my MASH call in writing?", "bedford_borough", ["doesn't say"]),
]


def _answer(messages: List[Dict[str, Any]]) -> Dict[str, Any]:
    custom = [m["custom"] for m in messages if isinstance(m.get("custom"), dict)
              and m["custom"].get("type") == "quick_answer"]
    assert len(custom) == 1, messages
    return custom[0]


def _text(messages: List[Dict[str, Any]]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def test_thirty_quick_queries_each_name_the_area_and_cite_the_source(assistant):
    assert len({q.lower() for q, _, _ in QUERIES}) >= 30
    sender = f"e2e-quick-{uuid.uuid4().hex}"
    failures = []
    for question, area, words in QUERIES:
        messages = post(assistant.webhook, sender, question)
        answer, text = _answer(messages), _text(messages)
        problems = []
        if answer["area"] != area:
            problems.append(f"area {answer['area']}")
        if f"{AREA_NAMES[area]}:" not in text or "\nSource: " not in text or not answer["sources"]:
            problems.append("area or source missing")
        if not text.rstrip().endswith(DISCLAIMER):
            problems.append("no disclaimer")
        problems += [f"missing {w!r}" for w in words if w.lower() not in text.lower()]
        if "Which town, city or county" in text or "immediate danger right now?" in text:
            problems.append("started the assessment")
        if problems:
            failures.append((question, problems, text[:300]))
    assert not failures, failures


def _ask(webhook: str, sender: str, text: str) -> List[Dict[str, Any]]:
    return post(webhook, sender, text)


def test_area_is_asked_once_and_remembered(assistant):
    sender = f"e2e-quick-{uuid.uuid4().hex}"
    first = _answer(_ask(assistant.webhook, sender, "what's the MASH number"))
    assert first["needs_area"] and "Which area is the child in?" in first["text"]
    second = _answer(_ask(assistant.webhook, sender, "Kettering"))
    assert second["area"] == "northamptonshire" and "0300 126 7000" in second["text"]
    third = _answer(_ask(assistant.webhook, sender, "is the MASH open at the weekend"))
    assert third["area"] == "northamptonshire" and not third["needs_area"]
    assert "doesn't give opening hours" in third["text"]


def test_the_guidance_doesnt_say_and_a_red_flag_question_escalates(assistant):
    sender = f"e2e-quick-{uuid.uuid4().hex}"
    unknown = _answer(_ask(assistant.webhook, sender, "Can a 14-year-old consent in Nottingham?"))
    assert unknown["doesnt_say"] and "designated safeguarding lead" in unknown["text"]
    flag = _answer(_ask(assistant.webhook, sender, "Is a bruise on a 3-month-old a section 47 in Bedford?"))
    assert flag["escalate"] and flag["area"] == "bedford_borough"
    first_line = flag["text"].split("\n")[0]
    assert "section 47 red flag" in first_line and "999" in first_line


def _question_slot(messages: List[Dict[str, Any]]) -> Optional[str]:
    text = _text(messages)
    return "area" if "Which town, city or county" in text else "role" if "professional" in text else None


def test_quick_question_mid_assessment_is_answered_and_the_form_resumes(assistant):
    sender = f"e2e-quick-{uuid.uuid4().hex}"
    _ask(assistant.webhook, sender, "I'm worried about a child")
    asked_area = _ask(assistant.webhook, sender, "no")
    assert _question_slot(asked_area) == "area"
    reply = _ask(assistant.webhook, sender, "do I need consent to refer to the mash in Norfolk?")
    answer = _answer(reply)
    assert answer["area"] == "norfolk" and answer["sources"]
    assert "Which town, city or county" in _text(reply)  # the form asks its question again
    role = _ask(assistant.webhook, sender, "Norwich")
    assert "professional" in _text(role).lower()

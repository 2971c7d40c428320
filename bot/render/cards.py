"""Card renderers for the web widget, Slack (Block Kit) and Teams (Adaptive Card).

Each draws the same Reply (``bot/render/reply.py``): the headline (level, whom to call, the number),
what to do, consent and why, the source and the disclaimer; the details wait behind a
disclosure or a "More detail" button. None of them decides anything.

The web card is plain data the widget draws generically (headings, paragraphs, lists, links,
a disclosure, buttons): the widget knows nothing about advice, so the card the tests check is
the card a person sees.
"""

from __future__ import annotations

import re
from typing import Any, Dict, Iterable, List, Optional

from bot.engine.advice import Advice
from bot.render.reply import Detail, Reply, build_reply, reply_text

# Payloads name the intents directly, so a button press never depends on the classifier.
DETAILS_PAYLOAD = "/advice_details"
ACTIONS = [("Show the written record", "/show_record"), ("Rehearse the call", "/rehearse_call"),
           ("Start again", "/start_again")]
MORE_TITLE = "More detail"

_EMAIL = r"[^\s@<>\"'()]+@[^\s@<>\"'()]+\.[A-Za-z]{2,}"
_URL = r"https?://[^\s<>\"')]+[^\s<>\"').,;:]"


def tel_link(number: str) -> str:
    return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")


def _numbers(advice: Advice) -> List[str]:
    found = ["999"]
    for contact in (advice.contact, advice.door):
        if contact:
            found += list(contact.phones) + ([contact.phone] if contact.phone else [])
    return sorted({n for n in found if n}, key=len, reverse=True)


def _linker(numbers: Iterable[str]) -> re.Pattern[str]:
    phones = "|".join(re.escape(n) for n in numbers)
    return re.compile(rf"(?P<tel>(?<!\d)(?<!\d )(?:{phones})(?!\d)(?! \d))|(?P<mail>{_EMAIL})|(?P<url>{_URL})")


def runs(text: str, linker: re.Pattern[str]) -> List[Dict[str, str]]:
    """Text as runs, the known phone numbers, emails and web addresses as links (the widget re-checks them)."""
    out: List[Dict[str, str]] = []
    last = 0
    for match in linker.finditer(text):
        if match.start() > last:
            out.append({"text": text[last:match.start()]})
        value = match.group(0)
        href = (tel_link(value) if match.group("tel") else
                "mailto:" + value if match.group("mail") else value)
        out.append({"text": value, "href": href})
        last = match.end()
    if last < len(text):
        out.append({"text": text[last:]})
    return out


def _section(title: str, css: str, linker: re.Pattern[str], paragraphs: Iterable[str] = (),
             items: Iterable[str] = (), ordered: bool = False) -> Dict[str, Any]:
    return {"title": title, "class": css, "paragraphs": [runs(p, linker) for p in paragraphs],
            "items": [runs(i, linker) for i in items], "ordered": ordered}


def _detail_section(detail: Detail, linker: re.Pattern[str]) -> Dict[str, Any]:
    numbered = all(line[:1].isdigit() for line in detail.lines)
    lines = [re.sub(r"^\d+\. ", "", line) for line in detail.lines] if numbered else list(detail.lines)
    css = "detail-" + re.sub(r"[^a-z]+", "-", detail.title.lower()).strip("-")
    return _section(detail.title, css, linker, items=lines, ordered=numbered)


def web_card(advice: Advice, reply: Optional[Reply] = None) -> Dict[str, Any]:
    """Plain data for the widget, which escapes every string itself and checks every link."""
    reply = reply or build_reply(advice)
    linker = _linker(_numbers(advice))
    css = ["advice-card"] + (["level-4"] if advice.level == 4 else []) + (["danger"] if reply.danger else [])
    return {
        "type": "card",
        "kind": "advice",
        "class": " ".join(css),
        "data": {"level": "none" if advice.level is None else str(advice.level), "route": advice.route},
        "heading": [runs(line, linker) for line in reply.headline],
        "sections": [
            _section("What to do", "advice-then", linker, items=reply.do, ordered=True),
            _section("Consent", "advice-consent", linker, paragraphs=[reply.consent]),
            _section("Why", "advice-why", linker, paragraphs=[reply.why]),
        ],
        "details": {"summary": MORE_TITLE, "sections": [_detail_section(d, linker) for d in reply.details]},
        "footer": [{"class": "card-source", "runs": runs(reply.source, linker)},
                   {"class": "disclaimer", "runs": runs(reply.disclaimer, linker)}],
        "buttons": [{"title": t, "payload": p} for t, p in ACTIONS],
    }


def _mrkdwn(text: str) -> Dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:2900]}}


def slack_blocks(advice: Advice, reply: Optional[Reply] = None) -> List[Dict[str, Any]]:
    """Block Kit: the headline in bold, then what to do, consent and why; "More detail" asks for the rest."""
    reply = reply or build_reply(advice)
    blocks: List[Dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": reply.headline[0][:150]}},
        _mrkdwn("\n".join(f"*{line}*" for line in reply.headline[1:])),
        _mrkdwn("*What to do:*\n" + "\n".join(f"{n}. {s}" for n, s in enumerate(reply.do, 1))),
        _mrkdwn("*Consent:* " + reply.consent),
        _mrkdwn("*Why:* " + reply.why),
        {"type": "context", "elements": [{"type": "mrkdwn", "text": reply.source[:2900]},
                                         {"type": "mrkdwn", "text": reply.disclaimer}]},
        {"type": "actions", "elements": [
            {"type": "button", "text": {"type": "plain_text", "text": title}, "value": payload,
             "action_id": f"advice_{n}"}
            for n, (title, payload) in enumerate([(MORE_TITLE, DETAILS_PAYLOAD)] + ACTIONS)]},
    ]
    return blocks


def _text_block(text: str, **style: Any) -> Dict[str, Any]:
    return {"type": "TextBlock", "text": text, "wrap": True, **style}


def teams_card(advice: Advice, reply: Optional[Reply] = None) -> Dict[str, Any]:
    """Adaptive Card 1.4: the headline, what to do, consent, why; the details behind "More detail" (ShowCard)."""
    reply = reply or build_reply(advice)
    body: List[Dict[str, Any]] = [
        _text_block(reply.headline[0], weight="Bolder", size="Medium", style="heading"),
        *[_text_block(line, weight="Bolder") for line in reply.headline[1:]],
        _text_block("What to do:\n" + "\n".join(f"{n}. {s}" for n, s in enumerate(reply.do, 1))),
        _text_block("Consent: " + reply.consent),
        _text_block("Why: " + reply.why),
        _text_block(reply.source, isSubtle=True, size="Small"),
        _text_block(reply.disclaimer, isSubtle=True, size="Small"),
    ]
    details: List[Dict[str, Any]] = []
    for detail in reply.details:
        details.append(_text_block(detail.title, weight="Bolder"))
        details.append(_text_block("\n".join(f"- {line}" if not line[:1].isdigit() else line
                                             for line in detail.lines)))
    actions: List[Dict[str, Any]] = [{"type": "Action.OpenUrl", "title": f"Call {n}", "url": tel_link(n)}
                                     for n in reply.numbers[:2]]
    actions.append({"type": "Action.ShowCard", "title": MORE_TITLE,
                    "card": {"type": "AdaptiveCard", "version": "1.4", "body": details}})
    return {"type": "AdaptiveCard", "version": "1.4", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
            "body": body, "actions": actions, "fallbackText": reply_text(reply), "speak": " ".join(reply.headline)}

"""Card renderers for the web widget, Slack (Block Kit) and Teams (Adaptive Card).

Each draws the same Advice object: headline, route with a tel: link, next steps,
consent with its source, cited indicators, the guidance the advice rests on, disclaimer.
None of them decides anything.
"""

from __future__ import annotations

from typing import Any, Dict, List

from bot.advice import Advice
from bot.render.text import consent_line, contact_line, disclaimer_for, headline, sources_line

# Payloads name the intents directly, so a button press never depends on the classifier.
ACTIONS = [("Show the written record", "/show_record"), ("Rehearse the call", "/rehearse_call"),
           ("Start again", "/start_again")]


def tel_link(number: str) -> str:
    return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")


def _indicator_lines(advice: Advice) -> List[str]:
    return [f"{i.text} (level {i.level}{', section 47' if i.s47 else ''}; {i.source.title}, {i.source.section})"
            for i in advice.indicators[:6]]


def web_card(advice: Advice) -> Dict[str, Any]:
    """Plain data for the widget, which escapes every string itself."""
    return {
        "type": "advice_card",
        "headline": headline(advice),
        "level": advice.level, "level_name": advice.level_name, "route": advice.route, "s47": advice.s47,
        "contact": {"service": advice.contact.service,
                    "phones": [{"number": p, "href": tel_link(p)} for p in advice.contact.phones],
                    "email": advice.contact.email, "hours": advice.contact.hours,
                    "how": advice.contact.how if advice.role != "public" else None},
        "then": advice.then, "consent": advice.consent.advice, "record": advice.consent.record,
        "consent_source": (f"{advice.consent.source.title}, {advice.consent.source.section}"
                           if advice.consent.source else None),
        "indicators": _indicator_lines(advice), "sources": sources_line(advice),
        "guidance_date": advice.guidance_date, "disclaimer": disclaimer_for(advice),
        "buttons": [{"title": t, "payload": p} for t, p in ACTIONS],
    }


def _mrkdwn(text: str) -> Dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:2900]}}


def slack_blocks(advice: Advice) -> List[Dict[str, Any]]:
    blocks: List[Dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": headline(advice)[:150]}},
        _mrkdwn("*Contact:* " + contact_line(advice.contact)),
        _mrkdwn("*What to do:*\n" + "\n".join(f"{n}. {s}" for n, s in enumerate(advice.then, 1))),
        _mrkdwn("*" + consent_line(advice).replace("Consent:", "Consent:*", 1)),
    ]
    if advice.indicators:
        blocks.append(_mrkdwn("*Matched indicators:*\n" + "\n".join(f"• {line}" for line in _indicator_lines(advice))))
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": sources_line(advice)[:2900]},
                                                   {"type": "mrkdwn", "text": disclaimer_for(advice)}]})
    return blocks


def teams_card(advice: Advice) -> Dict[str, Any]:
    body: List[Dict[str, Any]] = [
        {"type": "TextBlock", "text": headline(advice), "weight": "Bolder", "size": "Medium", "wrap": True},
        {"type": "TextBlock", "text": "Contact: " + contact_line(advice.contact), "wrap": True},
        {"type": "TextBlock", "text": "What to do:\n" + "\n".join(f"{n}. {s}" for n, s in enumerate(advice.then, 1)),
         "wrap": True},
        {"type": "TextBlock", "text": consent_line(advice), "wrap": True},
    ]
    if advice.indicators:
        body.append({"type": "TextBlock", "wrap": True,
                     "text": "Matched indicators:\n" + "\n".join(f"- {line}" for line in _indicator_lines(advice))})
    body.append({"type": "TextBlock", "text": sources_line(advice), "wrap": True, "isSubtle": True, "size": "Small"})
    body.append({"type": "TextBlock", "text": disclaimer_for(advice), "wrap": True, "isSubtle": True,
                 "size": "Small"})
    actions = [{"type": "Action.OpenUrl", "title": f"Call {p}", "url": tel_link(p)} for p in advice.contact.phones[:2]]
    return {"type": "AdaptiveCard", "version": "1.4",
            "$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "body": body, "actions": actions}

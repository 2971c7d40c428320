"""A stand-in for Rasa's agent, to drive a channel's blueprint in-process without a model, and fictional advice."""

from __future__ import annotations

import copy
from typing import Any, List

from rasa.core.channels.channel import InputChannel, UserMessage, register

from bot.engine.advice import Advice, Citation, ConsentAdvice, Contact, MatchedIndicator
from bot.render.reply import build_reply, reply_text

BUTTONS = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]


def fictional_advice() -> Advice:
    """Fictional service and a drama-range (01632) number: tests never use a real contact."""
    source = Citation(document="example", title="Example Threshold Guide", section="Section 9", seed="example.md")
    return Advice(
        area="example", area_name="Exampleshire", level=4, level_name="Specialist", route="mash", s47=True,
        contact=Contact(service="Exampleshire MASH", phone="01632 960 001", phones=["01632 960 001"],
                        how="Phone the MASH today."),
        then=["Phone the MASH today.", "Tell your designated safeguarding lead."],
        consent=ConsentAdvice(needed=False, tell_parents=False, advice="Do not tell the parents first.",
                              record=["Record what you saw."],
                              reason="significant_harm_do_not_tell:parent_or_carer_alleged"),
        indicators=[MatchedIndicator(id="x1", text="Unexplained bruise on a non-mobile baby", level=4,
                                     domain="harm", subdomain="physical", s47=True, source=source,
                                     matched="bruise", concept="bruise", label="a bruise")],
        rationale=["A section 47 red flag."], citations=[source], guidance_version="test")


class StubAgent:
    """Records each message and answers through the message's own output channel, as Rasa does.

    'advice' in the text -> one message, the reply's text with the custom advice payload (as action_give_advice);
    'buttons' -> a question with buttons;
    anything else -> an echo of the text.
    """

    def __init__(self) -> None:
        self.messages: List[UserMessage] = []
        self.advice = fictional_advice()

    async def handle_message(self, message: UserMessage) -> None:
        self.messages.append(message)
        out, to = message.output_channel, message.sender_id
        text = message.text or ""
        if "advice" in text:
            await out.send_response(to, {"text": reply_text(build_reply(self.advice)),
                                         "custom": copy.deepcopy(self.advice.to_payload())})
        elif "buttons" in text:
            await out.send_response(to, {"text": "Is the child in immediate danger?",
                                         "buttons": copy.deepcopy(BUTTONS)})
        else:
            await out.send_response(to, {"text": f"You said: {text}"})


def mount(channel: InputChannel, agent: StubAgent) -> Any:
    """Set up a Sanic app the way `rasa run` does (channel.register under /webhooks/)."""

    def configure(app: Any) -> None:
        app.ctx.agent = agent
        register([channel], app, "/webhooks/")

    return configure

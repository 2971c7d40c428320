"""Earlier concerns said in passing, read from a message (issue 13.5); the engine weighs them
(``bot.engine.history``)."""

from __future__ import annotations

import re

# Earlier concerns said in passing (issue 13.5): "she was referred last year", "they had an early help plan",
# "school has logged concerns before". The conversation then does not ask about them again (WCAG 3.3.7).
EARLIER = re.compile(
    r"\b(?:referred (?:before|previously|last|in \d{4}|to (?:the )?(?:mash|cads|social care|social services))|"
    r"(?:previous|earlier|past|prior|last) (?:concerns?|worries|referrals?|reports?|incidents?)|re-?referr\w*|"
    r"(?:has|had|have) (?:had )?(?:a )?social workers?|known to (?:social care|social services|children'?s "
    r"services|csc|the mash|cads|police)|(?:early help|eha|cin|child in need|child protection|cp) (?:plan|"
    r"assessment|case)|team around the (?:child|family)|(?:concerns?|worries) (?:were |was |have been |had been )?"
    r"(?:raised|logged|recorded|reported|passed on) (?:before|previously|last|in the past)|"
    r"(?:worried|concerned) about (?:him|her|them|this child) before|cpoms|(?:police|social care) (?:have|has) "
    r"been involved before)\b", re.I)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def said_before(text: str) -> str:
    """The sentences of ``text`` that tell of earlier concerns or referrals; empty if none."""
    found = [s.strip() for s in _SENTENCE.findall(text or "") if EARLIER.search(s)]
    return " ".join(found)

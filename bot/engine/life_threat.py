"""A threat to the child's life in what was said: the words that make any account immediate danger.

Read by the engine (level and urgency), the red-flag check of a single message and the level choice; kept apart so
that every reader hears the same threat, and a death in the family or a denial is heard the same way by all.
"""

from __future__ import annotations

import re

from bot.engine.facts import NEGATORS

# A threat to the child's life, not a death in the family ("her grandad died" is bereavement).
LIFE_THREAT = re.compile(r"\b((could|might|would|will|going to|gonna|nearly|almost|about to|wants? to|wanted to|"
                         r"try(ing)? to|'d|'ll|’d|’ll) ['\"‘’]?(have )?(die|died|dying|kill|killed)|"
                         r"(kill|end) (him|her|them)sel(f|ves)|"
                         r"life[- ]threatening|near[- ]death|death threats?|threat\w* to kill|icu|intensive care|"
                         r"resus|stopped breathing|unconscious|overdos\w*|"
                         # A threat to kill said in other words (002 s47 "serious verbal threats"): "I'll snap your
                         # neck", "he'll put her in the ground".
                         r"(?:'ll|’ll|will|gonna|going to) (?:snap|break|slit|cut) (?:your|his|her|their) "
                         r"(?:neck|necks|throat|throats)|(?:'ll|’ll|will|gonna|going to) put (?:you|him|her|them) "
                         r"in (?:the ground|a box|a coffin|the hospital|hospital))\b")
# "He asked if his mum could die too", "grandad might die": someone else's life, not the child's.
_SOMEONE_ELSE = re.compile(r"\b(?:mum|mummy|mam|mom|mother|dad|daddy|father|parents?|nan|nanna|gran|granny|grandma|"
                           r"grandad|grandpa|grandparents?|auntie|aunt|uncle|brother|sister|friend|dog|cat|pet|"
                           r"hamster|people|everyone|someone)(?:'s)? (?:\w+ )?$")


_DYING = re.compile(r"\b(?:die|died|dying)\b")


def threat_to_life(text: str) -> bool:
    """A threat to the child's life in the account (LIFE_THREAT), not a worry that a relative or a pet could die.

    Only dying is read as someone else's: "dad could kill him" is a threat to the child whoever is named first. A
    denial ("I don't want to die", asked directly) is not a threat: the self-harm it sits beside is weighed as said.
    """
    lowered = text.lower()
    return any(not (_DYING.search(m.group(0)) and _SOMEONE_ELSE.search(lowered[max(0, m.start() - 25):m.start()]))
               and not _denied_just_before(lowered, m.start()) for m in LIFE_THREAT.finditer(lowered))


def _denied_just_before(text: str, start: int) -> bool:
    """The word right before the threat denies it ("I don't want to die"); a negation further back does not ("she
    can't cope and wants to die" is a threat)."""
    before = re.findall(r"[\w']+", text[max(0, start - 20):start])[-1:]
    return any(w in NEGATORS or w.endswith("n't") for w in before)

"""What every plain-word rule needs: the sentence around a match, a hit made from it, and a denial near it.

The rules that add a hit where the matcher found none (``hit_rules``, ``plain_word_rules``, ``care_and_age_rules``
in this package) all read a regex match in the raw account. One copy of these helpers keeps them reading sentences
and negation the same way.
"""

from __future__ import annotations

import re
from typing import Tuple

from bot.language.matcher import ConceptHit

# Someone grown up named in a sentence: who did it, when a rule must tell an adult from a child.
ADULT_WORDS = re.compile(
    r"\b(dad|daddy|father|mum|mummy|mam|mom|mother|step ?dad|step ?father|step ?mum|step ?mother|uncle|"
    r"grand ?dad|grandad|grandfather|grandpa|nan|nana|gran|granny|grandma|grandmother|aunt|auntie|aunty|lodger|"
    r"boyfriend|girlfriend|partner|fella|bloke|husband|man|men|adult|adults|neighbour|stranger|coach|teacher|"
    r"babysitter|childminder|carer|tutor|priest|leader|volunteer|friend of|mate|older cousin|cousin)\b", re.I)
DENIAL = re.compile(r"\b(?:no|not|never|n't|nobody|none|denies|denied)\b", re.I)
NEGATION_WORDS = frozenset({"no", "not", "never", "without", "nobody"})


SENTENCE_END = re.compile(r"[.!?\n]")


def end_of_sentence(text: str, start: int) -> int:
    """Where the sentence running at ``start`` ends (its mark's index), or the text's end."""
    found = SENTENCE_END.search(text, start)
    return found.start() if found else len(text)


def sentence_around(text: str, start: int, end: int) -> Tuple[str, str]:
    """(the full stop-to-full stop sentence around text[start:end], those words)."""
    left = max(text.rfind(mark, 0, start) for mark in ".!?\n") + 1
    rights = [i for i in (text.find(mark, end) for mark in ".!?\n") if i >= 0]
    return text[left:min(rights) if rights else len(text)].strip(), text[start:end]


def sentence_of(text: str, match: re.Match) -> Tuple[str, str]:
    """(the sentence a regex match is in, the matched words)."""
    return sentence_around(text, match.start(), match.end())


def rule_hit(concept: str, label: str, text: str, match: re.Match, field: str = "worried") -> ConceptHit:
    """A hit for ``concept`` on the sentence of a regex match (no span: the rule, not the matcher, found it)."""
    sentence, words = sentence_of(text, match)
    return ConceptHit(concept=concept, label=label, words=words, sentence=sentence, start=0, end=0, field=field)


def denied(sentence: str) -> bool:
    """Any denial word in the sentence ("no", "never", "denies")."""
    return bool(DENIAL.search(sentence))


def negated_before(text: str, match: re.Match, words: int = 3) -> bool:
    """A negation in the few words right before a match ("not alone", "never left on her own")."""
    before = re.findall(r"[\w']+", text[max(0, match.start() - 60):match.start()].lower())[-words:]
    return any(w in NEGATION_WORDS or w.endswith("n't") for w in before)


# Someone said to hurt the child, in a hit's own words: "marks on his shins" are not, "dad hit him" is. Shared by
# the rules that hear an explanation for marks (hit_rules._marks_from_play, explained_marks).
HURT_BY_SOMEONE = re.compile(r"\b(?:hit\w*|smack\w*|slap\w*|punch\w*|kick\w*|belt\w*|grab\w*|pinch\w*|"
                             r"beat\w*|whack\w*|thump\w*|shak\w*|throw\w*|threw|squeez\w*|did (?:it|this))\b", re.I)


# The one telling it is not the actor: "Mum says tantrums all day, he hits her", "mum says she does it in the bath".
ANYONE = r"\w+"
ME_OR_US = r"(?:me|us)"
PARENT_OR_GRANDPARENT = r"(?:mum|mummy|mam|mom|mother|dad|daddy|father|parents?|nan|gran)"


def without_teller(text: str, who: str = ANYONE, to_whom: str = ANYONE) -> str:
    """The text with "<who> says / told <to_whom> ..." taken out, so the teller is not read as someone involved.

    Callers narrow ``to_whom`` where the object matters: "Daddy tells her to" is an adult acting, not telling.
    """
    tell = rf"\s+(?:says|said|reports?|reported|mentioned|tells? {to_whom}|told {to_whom})\b"
    return re.sub(rf"\b{who}{tell}", " ", text, flags=re.I)

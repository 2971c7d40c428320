"""Questions the professional asked and the child answered "no" to are not worries (issue 11, "Pushed to level 4").

"I asked her directly about older boyfriends, people giving her stuff, drugs - she said no" lists what was ruled
out, not what is happening. Read as an account, the list raises exploitation at level 4. The seeds' own practice is
to ask and record the answer (000 and 002: "talk to the child"), and the level rests on what is known.

Only the question is set aside: from "asked" to the answer "no", when the answer follows in the same or the next
sentence. Whatever is said after the denial ("... she said no, but then she said her uncle touched her") is read
as usual, and so is every other sentence, so a mark or a disclosure elsewhere still counts. A minimiser ("he said
it was a joke") is not a denial of a question and sets nothing aside.
"""

from __future__ import annotations

import re

from bot.engine.facts import read_facts
from bot.engine.rules.rule_hits import end_of_sentence

# Only the person telling us (or their colleagues) asking: "she asked mum if she could stay at a friend's because
# dad hits her, and mum said no" is the child's own disclosure, and must never be blanked.
# "I went through everything - asked her straight if ...": a few words and a dash may come between.
_ASKED = re.compile(r"\b(?:i|we|staff|the nurse|the teacher|police|officers?|my colleague|the dsl)\s+"
                    r"(?:(?:\w+|[-–—])\s+){0,4}(?:asked|questioned|checked)\b|"
                    # Notes drop the "I": "Asked directly re low mood, SH, SI - denies all" at a sentence's
                    # start. Only a professional's own question ("re", "about"): "Asked mum if she could stay
                    # at a friend's because dad hits her, mum said no" is a child's disclosure, and stays.
                    r"(?:^|(?<=[.!?\n;])\s*)(?:asked|questioned)\s+(?:(?:directly|straight|specifically|"
                    r"explicitly|again)\s+)?(?:re|about|regarding)\b",
                    re.I | re.M)
_DENIAL = re.compile(r"\b(?:(?:s?he|they|the child|the boy|the girl|child|y\.?p\.?)\s+(?:\w+\s+)?"
                     r"(?:said|says|answered|told me)\s+['\"‘“]?no\b(?!\s+one)|said no\b(?!\s+one)|says no\b(?!\s+one)|"
                     r"no to (?:all|each|every)\w*|"
                     r"(?:denied|denies|denying) (?:it|this|that|all|any|each|everything|them|anything)|"
                     r"(?:denied|denies|denying)\b(?=[\s,.;]|$))", re.I)
# "No" to these is a disclosure, not a denial ("I asked if she feels safe at home, she said no"); and a mark the
# professional saw is a fact whatever the answer ("I asked about the bruise, he said no one did it").
_NO_MEANS_WORRY = re.compile(r"\b(?:safe|ok|okay|alright|all right|happy|want\w*|like\w*|enough|eaten|fed)\b", re.I)


def mask_denied_questions(text: str) -> str:
    """The text with each question answered "no" blanked out (same length, so offsets still hold)."""
    if not text:
        return text
    spans = []
    for asked in _ASKED.finditer(text):
        end_first = end_of_sentence(text, asked.end())
        end_second = end_of_sentence(text, end_first + 1) if end_first < len(text) else end_first
        denial = _DENIAL.search(text, asked.end(), end_second)
        question = text[asked.start():denial.start()] if denial else ""
        if denial and not _NO_MEANS_WORRY.search(question) and "mark" not in read_facts(question):
            spans.append((asked.start(), denial.start()))
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] not in ".!?\n":
                chars[i] = " "
    return "".join(chars)

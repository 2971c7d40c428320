"""A parent who left the family is a separation, not a child abandoned.

"Mum has been really low since their dad left and some days can't get out of bed": the abandonment pattern's gap runs
from "dad left" across "and" to "days", which belong to another clause. 003 line 211 puts "Family break down" at
Specialist and keeps "Child abandoned or left alone for long periods or overnight" for a child left without care;
a parent leaving the home, with the other parent caring, is the first. Narrow on purpose: only when the leaving ends
its clause (a conjunction or a comma follows "left" straight away), and never when the words say the child or the
children were left ("left them", "left the kids alone") or its sentence says the child is alone or the parent has not
come back ("mum left and hasn't been back for three days").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import List

from bot.language.matcher import ConceptHit

# "since" is not a clause break here: "mum has gone since Friday" is how long she has been away.
_LEFT_THEN_CLAUSE = re.compile(r"\b(?:left|gone|went|disappeared|vanished)\s*(?:,|\band\b|\bbut\b|\bso\b)", re.I)
_CHILD_LEFT = re.compile(r"\b(?:left|leaving|leave)\s+(?:\w+\s+){0,2}?(?:them|him|her|the (?:kids|children|baby|boys?|"
                         r"girls?)|alone|on (?:his|her|their) own)\b", re.I)

_STILL_GONE = re.compile(r"\b(?:alone|on (?:his|her|their) own|by (?:himself|herself|themselves)|no (?:adult|one|"
                         r"food)|nobody|not (?:come|came|been) back|(?:hasn'?t|haven'?t|hadn'?t|didn'?t|never) "
                         r"(?:come|came|been|got) (?:back|home)|been gone|gone for|not back|not returned|"
                         r"(?:hasn'?t|haven'?t) returned|(?:still )?not (?:home|back)|"
                         r"(?:isn'?t|is not|wasn'?t) (?:home|back)|"
                         r"where (?:she|he|they) (?:is|are|went)|can'?t (?:reach|contact|"
                         r"get hold of)|not answering|no contact)\b", re.I)


def parent_left(hits: List[ConceptHit]) -> List[ConceptHit]:
    """Rule out an abandonment hit whose "left" ends its clause: a parent who left home, not a child left."""
    return [replace(h, negated=True)
            if (h.concept == "abandonment" and not h.negated and _LEFT_THEN_CLAUSE.search(h.words)
                and not _CHILD_LEFT.search(h.words) and not _STILL_GONE.search(h.sentence)) else h
            for h in hits]

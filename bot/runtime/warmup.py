"""Load the engine before the first person needs it.

On a fresh action server the first answer paid for loading the guidance and building the matcher
(about 4 s), and the first worry for loading the sentence encoder (about 5 s): the slowest answers of
all landed on the first disclosure after a restart. ``warm_up`` builds everything once, through the
same cached factories and the one assessment path, on a fictional case, with no side effects: no
message, no advice-log row, nothing stored.
"""

from __future__ import annotations

from bot.engine.advice import Advice
from bot.engine.assess import assess
from bot.engine.case import Case
from bot.features.red_flag_check import check_urgent

# Fictional, and written to reach every part of the engine: a place name, a baby's age rule, a
# section 47 red flag, a level 2-3 worry, a long-tail sentence, hedging and a negation.
WARM_UP_CASE = Case(
    area="King's Lynn", age="4 months", mobile=False, role="professional",
    worried="There is a bruise on her cheek and mum couldn't explain it. I think mum seems very low and "
            "struggles to get to appointments. The flat is cold and there is not much food.",
    working_well="Nan visits most days and there were no injuries before.", needs="Support for mum.", scale=4)


def warm_up() -> Advice:
    """Build the engine, matcher and encoder, and run one assessment and one urgency check."""
    check_urgent({"triage_area": WARM_UP_CASE.area, "child_age": WARM_UP_CASE.age}, WARM_UP_CASE.worried)
    return assess(WARM_UP_CASE)

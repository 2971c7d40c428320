"""``assess`` remembered for the conversation: the same case is asked about several times in one chat.

Why: a conversation assesses one case again and again without it changing (the advice before and after an
answer, the follow-up planner's baseline, the reflect-back, the advice, "more"), and each run is tens of
milliseconds of the turn (issue 14: REST throughput against Rasa's starter bot). The advice for a case is a
pure function of the case, the guidance version and the engine's two tuned knobs, so it is kept under that key.

Nothing is decided here: a hit is a copy of what ``bot.engine.assess.assess`` returned. The memo lives in the action
server's memory only (never stored or logged), holds at most ``MEMO_SIZE`` recent cases, and is keyed by the
whole case, so an edited answer is a new case.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Tuple

from bot.engine import indicators, recall_use
from bot.engine.advice import Advice
from bot.engine.assess import assess, assess_against, get_engine
from bot.engine.case import Case

MEMO_SIZE = 256
_memo: OrderedDict[Tuple[object, ...], Advice] = OrderedDict()
_lock = threading.Lock()


def _key(case: Case) -> Tuple[object, ...]:
    return case.json(), get_engine().version, indicators.SCALE_SUPPORTS_STEP, recall_use.APPLY_SCORE


def assess_memo(case: Case) -> Advice:
    """``assess(case)``, from memory when this exact case was assessed recently.

    With follow-up answers, ``assess`` weighs the case against its no-answers baseline; that baseline is the same
    all conversation long, so it comes from the memo too (``assess_against`` is ``assess`` with it known).
    """

    key = _key(case)
    with _lock:
        known = _memo.get(key)
        if known is not None:
            _memo.move_to_end(key)
            return known.copy(deep=True)
    advice = assess_against(case, assess_memo(case.copy(update={"answers": []}))) if case.answers else assess(case)
    with _lock:
        _memo[key] = advice.copy(deep=True)
        while len(_memo) > MEMO_SIZE:
            _memo.popitem(last=False)
    return advice


def forget() -> None:
    """Empty the memo (tests, and a guidance reload)."""
    with _lock:
        _memo.clear()

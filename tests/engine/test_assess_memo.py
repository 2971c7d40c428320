"""bot/engine/assess_memo.py: the conversation's repeated assessments of one case come from memory (issue 14)."""

from __future__ import annotations

import bot.engine.assess as assess_module
from bot.engine import indicators
from bot.engine.assess import assess
from bot.engine.assess_memo import MEMO_SIZE, assess_memo, forget
from bot.engine.case import Answer, Case

CASE = Case(area="Corby", age=7, scale=5, worried="His dad smacked him on Saturday because he was cheeky.")


def _counting(monkeypatch):
    calls = []
    real = assess_module._assess

    def counted(case, engine):
        calls.append(case.worried)
        return real(case, engine)

    monkeypatch.setattr(assess_module, "_assess", counted)
    return calls


def test_the_same_case_is_assessed_once_and_gives_the_same_advice(monkeypatch):
    forget()
    calls = _counting(monkeypatch)
    first, second = assess_memo(CASE), assess_memo(CASE.copy())
    assert first == second == assess(CASE)
    assert len(calls) == 2  # once for the memo, once for the direct assess above


def test_a_changed_case_or_knob_is_assessed_again(monkeypatch):
    forget()
    calls = _counting(monkeypatch)
    assess_memo(CASE)
    no = Answer(fact="mark", concept="physical_chastisement", answer="no", words="no")
    assess_memo(CASE.copy(update={"answers": [no]}))
    monkeypatch.setattr(indicators, "SCALE_SUPPORTS_STEP", indicators.SCALE_SUPPORTS_STEP + 1)
    assess_memo(CASE)
    assert len(calls) == 3  # the case; with the answer (its no-answers baseline is the case: remembered); the knob


def test_changing_the_returned_advice_does_not_change_the_memo():
    forget()
    advice = assess_memo(CASE)
    advice.notes.append("edited by a caller")
    assert "edited by a caller" not in assess_memo(CASE).notes


def test_the_memo_is_bounded():
    import bot.engine.assess_memo as memo

    forget()
    for i in range(MEMO_SIZE + 5):
        memo._memo[(str(i),)] = assess_memo(CASE)
    assess_memo(CASE.copy(update={"scale": 4}))
    assert len(memo._memo) <= MEMO_SIZE


def test_with_answers_the_memo_gives_what_assess_gives():
    forget()
    for answer in ("yes", "no", "unsure"):
        case = CASE.copy(update={"answers": [Answer(fact="mark", concept="physical_chastisement", answer=answer,
                                                    words=answer)]})
        assert assess_memo(case) == assess(case)

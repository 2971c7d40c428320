"""How the assessment uses the recall net: the sentences the patterns missed, and possible red flags.

- A sentence no concept pattern caught, that reads as a worry (not a denial), could be given to the net and a
  non-red-flag indicator it proposes added ("something like", hedged). This is switched OFF (ADD_SCORE above
  any probability): on the tuning sets it removed 3 under-triages but added 8 over-triages, most of them
  level-1 children pushed to 2-4. The net is used for possible red flags only, until a better corpus or
  calibration earns the additions back.
- A section 47 item the net proposes for a sentence where no red-flag pattern fired is a *possible*
  red flag: listed with its score and one direct question. Unconfirmed, the CLI applies the policy in
  docs/safety.md: from APPLY_SCORE the advice is at least level 3 with a front-door consultation (the
  door decides whether it is section 47); below it, the question is listed only.
The thresholds were chosen on the tuning sets only (tests/blind/set_a_*, set_b_*), never the reserved one.
"""

from __future__ import annotations

import re
from typing import List, Optional, Sequence, Set, Tuple

from bot.engine.advice import MatchedIndicator, PossibleRedFlag
from bot.engine.facts import read_facts
from bot.engine.recall import Proposal, RecallNet
from bot.engine.routes import citation
from bot.guidance.models import AreaGuidance
from bot.language.matcher import ConceptHit, ConceptMatcher

ADD_SCORE = 2.0  # off: a calibrated score is at most 1 (see the module docstring)
POSSIBLE_SCORE = 0.35
APPLY_SCORE = 0.7
REASSURING = {"witnessed_explanation", "diagnosed", "direct_denial"}
RULE_DECIDED = {"physical_chastisement"}
# A clause that only denies ("No mark, he wasn't frightened."): the net reads its words, not its "no".
DENIAL = re.compile(r"\s*(?:no|not|never|nothing|none|nobody|wasn'?t|isn'?t|didn'?t|hasn'?t|hadn'?t)\b", re.I)
MAX_SENTENCES = 60  # bounded work on a 20,000-character account; patterns still read all of it
MIN_WORDS = 4
CLAUSE_SPLIT = re.compile(r",?\s+\b(?:but|however|although|though|whereas)\b\s+|;\s*", re.I)


def clauses(matcher: ConceptMatcher, text: str) -> List[str]:
    """Sentences, split again at "but"/"however": "no marks, but she said dad hit her" is two claims."""
    out: List[str] = []
    for sentence in matcher.sentences(text):
        out.extend(c.strip() for c in CLAUSE_SPLIT.split(sentence) if c and c.strip())
    return [c for c in out if len(c.split()) >= MIN_WORDS]


def net_sentences(matcher: ConceptMatcher, text: str, hits: Sequence[ConceptHit]) -> Tuple[List[str], Set[str]]:
    """(affirmative clauses to read, those already covered by a pattern hit)."""
    covered = {h.sentence for h in hits if not h.negated}
    todo = [c for c in clauses(matcher, text) if not matcher.has_negation(c)][:MAX_SENTENCES]
    return todo, {c for c in todo if any(c in s or s in c for s in covered)}


def _matched(area: AreaGuidance, proposal: Proposal) -> MatchedIndicator:
    indicator = proposal.indicator
    return MatchedIndicator(
        id=indicator.id, text=indicator.text, level=indicator.level, domain=indicator.domain,
        subdomain=indicator.subdomain, s47=False,
        source=citation(area, indicator.source.document, indicator.source.section), matched=proposal.sentence,
        concept="recall_net", label=f"something like: {indicator.text[:120]}", hedged=True, field=proposal.field)


def net_indicators(net: Optional[RecallNet], area: AreaGuidance, todo: Sequence[str], covered: Set[str],
                   found: Sequence[MatchedIndicator]) -> List[MatchedIndicator]:
    """Indicators for the clauses no pattern caught (never a section 47 item: red flags stay rules)."""
    if net is None:
        return []
    taken = {m.id for m in found}
    extra: List[MatchedIndicator] = []
    for clause in todo:
        if clause in covered:
            continue
        proposal = net.propose(area.area, clause)
        if proposal is None or proposal.score < ADD_SCORE or proposal.indicator.level < 2:
            continue
        if proposal.indicator.s47 or proposal.indicator.id in taken:
            continue
        taken.add(proposal.indicator.id)
        extra.append(_matched(area, proposal))
    return extra


def _only_denies(clause: str) -> bool:
    """'No mark, he wasn't frightened.' Not 'No explanation for the bruises': a stated fact keeps it a worry."""
    return bool(DENIAL.match(clause)) and not read_facts(clause).found


# An injury explained by a witness or a diagnosis is explained whichever injury item the net proposes for it.
INJURY_FAMILY = frozenset({"unexplained_injury", "injury_nonmobile_baby", "physical_abuse"})
# ... unless the proposal's own clause says someone did something to the child: that is a new worry, not the
# explained injury ("she said daddy squeezed her arm" beside a witnessed fall is still acted on).
SOMEONE_DID_IT = re.compile(r"\b(?:hit\w*|smack\w*|slap\w*|punch\w*|kick\w*|belt\w*|grab\w*|pinch\w*|beat\w*|"
                            r"whack\w*|thump\w*|shak\w*|throw\w*|threw|squeez\w*|twist\w*|push\w*|shov\w*|"
                            r"burn\w*|bit|bite\w*|hurt\w*|did (?:it|this|that))\b", re.I)


def _about_the_explained(clause: str, indicator_concepts: Sequence[str], explained: Set[str]) -> bool:
    """The proposal is about a worry the rules ruled out, and its clause says no one did anything to the child."""
    return bool(explained & set(indicator_concepts)) and not SOMEONE_DID_IT.search(clause)


def possible_red_flags(net: Optional[RecallNet], area: AreaGuidance, todo: Sequence[str],
                       hits: Sequence[ConceptHit], s47_concepts: Set[str],
                       explained: Set[str] = frozenset()) -> List[PossibleRedFlag]:
    """Section 47 items only the net proposes, best first; none when a red-flag rule already fired.

    ``explained``: concepts the rules ruled out on a witnessed explanation, a diagnosis or a figure of speech; a
    proposal about them is asked as a question but not acted on.
    """
    explained = set(explained) | (INJURY_FAMILY if explained & INJURY_FAMILY else set())
    if net is None or any(h.concept in s47_concepts and not h.negated for h in hits):
        return []
    found: List[PossibleRedFlag] = []
    seen: Set[str] = set()
    # A witnessed explanation, a diagnosis or a direct denial is heard: the question is still listed,
    # but the unconfirmed proposal is not acted on (the net does not read reassurance).
    reassured = bool(read_facts(" ".join(todo)).found & REASSURING)
    # A smack's clause belongs to the chastisement rule (issue 12.6): it promotes a smack to physical abuse on a
    # mark, an implement, the head or face; the net must not make every smack a possible red flag again.
    ruled = [h.sentence for h in hits if h.concept in RULE_DECIDED and not h.negated]
    for clause in todo:
        if any(clause in sentence or sentence in clause for sentence in ruled):
            continue
        proposal = net.red_flag(area.area, clause)
        if proposal is None or proposal.score < POSSIBLE_SCORE or proposal.indicator.id in seen:
            continue
        seen.add(proposal.indicator.id)
        indicator = proposal.indicator
        found.append(PossibleRedFlag(
            indicator=indicator.id, text=indicator.text, score=round(proposal.score, 3), matched=clause,
            question=f"You said \"{clause[:140]}\". Could this be: {indicator.text[:160].rstrip('.')}?",
            applied=(proposal.score >= APPLY_SCORE and not reassured and not _only_denies(clause)
                     and not _about_the_explained(clause, indicator.concepts, explained)),
            source=citation(area, indicator.source.document, indicator.source.section)))
    return sorted(found, key=lambda p: -p.score)

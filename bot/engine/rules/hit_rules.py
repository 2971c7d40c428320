"""Rules that re-read concept hits in the light of the facts around them (issue 12, issue 11).

Each rule cites the seed line it rests on (tests/engine/test_hit_rules.py quotes them):
- an ``exclude`` relabels a hit, never deletes it: an adult (or someone unclear) touching or hitting
  other children poses a risk to children (Norfolk and Bedford s47 lists: "an individual (adult or
  child) posing a risk to children"; Northamptonshire 2022 Appendix 2 "abusing other children");
  a child doing it is harmful sexual behaviour (at least level 3), or behaviour when it is hitting;
- physical chastisement is not a red flag until it leaves a mark, uses an implement, is to the head
  or face, shakes or chokes, or is to a non-mobile baby or a disabled child (Norfolk tier 2-4 and
  Bedford level 1-3 chastisement lines: "within legal limits ... visible bruising, grazes, scratches,
  minor swellings or cuts");
- domestic abuse between adults is read in ``bot/engine/rules/domestic_abuse_rules``;
- an unborn child's case reads its parents' needs as pre-birth concerns (``bot/engine/rules/pre_birth``);
- a witnessed, consistent explanation for a mobile child's injury, a diagnosed cause for weight loss,
  and a direct denial after asking are heard: they rule the worry out (Norfolk tier 1 "bruising
  consistent with normal play"). A minimiser never does ("mum says the toddler did it").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import List, Tuple

from bot.engine.facts import read_facts
from bot.engine.indicators import ChildContext
from bot.engine.injury_words import doubt_said
from bot.engine.level_caps import ordinary_separation
from bot.engine.rules.away_from_home import away_from_home
from bot.engine.rules.care_and_age_rules import care_and_age_rules
from bot.engine.rules.developmental_behaviour import developmental_behaviour
from bot.engine.rules.domestic_abuse_rules import adult_victim, serious_domestic_abuse
from bot.engine.rules.explained_marks import marks_explained
from bot.engine.rules.figures_of_speech import figures_of_speech
from bot.engine.rules.online_grooming import online_grooming
from bot.engine.rules.ordinary_feelings import ordinary_feelings
from bot.engine.rules.parent_left import parent_left
from bot.engine.rules.plain_word_rules import plain_word_rules
from bot.engine.rules.pre_birth import pre_birth
from bot.engine.rules.rule_hits import ADULT_WORDS, HURT_BY_SOMEONE, denied, negated_before, rule_hit, sentence_of
from bot.engine.rules.whose_need import (
    parents_death,
    parents_injury,
    parents_offence,
    siblings_needs,
    tantrum_aggression,
)
from bot.language.matcher import ConceptHit

CHILD_WORDS = re.compile(
    r"\b(pupil|pupils|student|classmate|my son|my daughter|our son|our daughter|the boy|the girl|this boy|"
    r"this girl|the child|this child|(?:he|she) is \d{1,2}|year \d{1,2}|y\d{1,2}|toddler|teenager|teen)\b", re.I)
SCHOOL_SETTING = re.compile(
    r"\b(class|classroom|school|playground|nursery|lunch ?time|break ?time|play ?time|pe\b|p\.e\.|changing rooms?|"
    r"toilets at school|peers|classmates|pupils|setting|after school club|youth club|brownies|cubs|scouts)\b",
    re.I)
AGGRAVATED_HSB = re.compile(
    r"\b(forc\w*|made (?:him|her|them)|pinned|held (?:him|her|them) down|threat\w*|coerc\w*|bribe\w*|"
    r"younger|little (?:sister|brother|boy|girl|ones?)|baby|toddler|non-? ?verbal|disabled|"
    r"sister|brother|sibling|stepsister|stepbrother|cousin|penetrat\w*|oral|rape\w*|inside (?:her|him)|"
    r"several|many|multiple|again|repeated\w*|more than once|other children|\d+ (?:times|children|kids))\b",
    re.I)
OTHER_CHILDREN = re.compile(r"\b(?:other|another)\s+(?:\w+\s+)?(?:child|children|kids?|pupils?|boys?|girls?|"
                            r"students?|peers|classmates|toddlers?|babies)\b", re.I)
HARM_TO_OTHERS = {"sexual_abuse", "physical_abuse"}  # concepts whose `exclude` is "... other children"
# An explanation in doubt: the classic accounts of a hidden injury, or injuries that keep coming.
DOUBTFUL_ACCOUNT = re.compile(r"\b(walked into (?:a|the) door|fell down the stairs|"
                              r"hit|slap\w*|smack\w*|punch\w*|kick\w*|grab\w*|shout\w* at)\b", re.I)
# Injuries that keep coming are in doubt, unless a diagnosed condition explains them (dyspraxia, a bleeding disorder).
RECURRING = re.compile(r"\b(bruises? before|again|keeps? (?:getting|having|coming in with)|another bruise|"
                       r"more bruises|always (?:has|got))\b", re.I)
INJURY_HITS = {"unexplained_injury", "injury_nonmobile_baby"}
CHASTISEMENT_PROMOTES = ("mark", "implement", "head_face", "shaking", "strangling", "weapon")


HARM_WORDS = re.compile(r"\b(hit\w*|hurt\w*|touch\w*|abus\w*|rap(?:e|ed|es|ing)|beat\w*|kick\w*|punch\w*|slap\w*|"
                        r"burn\w*|chok\w*|strangl\w*|molest\w*|sexual\w*|belt\w*|bruis\w*|smack\w*|whack\w*|"
                        r"grab\w*|pinch\w*|starv\w*|lock\w* (?:in|out)|naked|private parts?|bottom|willy|fann?y)\b",
                        re.I)
# Secrecy under threat is coercion, a red flag in itself ("keep it secret or mummy would go to prison").
THREAT_WORDS = re.compile(r"\b(or (?:else|\w+ (?:would|will|'ll|gets?|goes|get)|(?:she|he|they|i|you)'?ll)|"
                          r"go(?:es)? to (?:prison|jail)|taken away|put (?:me |her |him )?in(?:to)? care|"
                          r"get (?:into |in )?trouble|hurt (?:me|her|him|mummy|mum|my)|kill)\b", re.I)
PEER_WORDS = re.compile(r"\b(boys?|lads?|kids?|girls?|pupils?|classmates?|friends?|mates?|team-? ?mates?|"
                        r"opponents?|another (?:child|boy|girl|lad|kid)|someone in (?:his|her|their) class|"
                        r"older (?:boys|lads|kids|girls)|bully|bullies|brother|sister|cousin)\b", re.I)
OFFENDER = re.compile(r"\b(prison|inside|jail|gaol|licence|license|probation|convicted|conviction|charged|arrested|"
                      r"went down|sent down|locked up|banged up|did time|"
                      r"register|record|offen\w*|sentenced|done time|served)\b[^.]{0,50}?\b(for|with|against|over|"
                      r"involving|to do with)\b[^.]{0,30}?\b(kids|children|child|girls|boys|minors?|underage|"
                      r"little ones|young (?:girls|boys|people))\b|sex offenders?'? register|on the (?:sex )?register|"
                      r"registered sex offender|\brso\b|schedule (?:1|one)", re.I)
ALONE = re.compile(r"\b(alone|on (?:their|his|her) own|by themselves|by (?:him|her)self|no adults?|no grown-? ?ups?|"
                   r"unsupervised|nobody (?:else )?(?:in|at|home)|no one (?:else )?(?:in|at|home)|left (?:in|at) "
                   r"(?:the )?(?:house|flat|home))\b", re.I)
NIGHT_OR_HOME = re.compile(r"\b(night|overnight|all night|evening|midnight|\d{1,2}(?::\d\d)? ?(?:pm|am)|\d\d:\d\d|"
                           r"flat|house|home|car|window)\b", re.I)
YOUNG_AGE = re.compile(r"\b([0-7]) ?(?:yo|y/o|yrs?|years?)\b|\b(?:baby|babies|toddler|infant|newborn|"
                       r"little ones|under fives?)\b", re.I)


@dataclass
class RuleOutcome:
    hits: List[ConceptHit]
    floors: List[Tuple[int, str]] = field(default_factory=list)
    notes: List[str] = field(default_factory=list)


def _before(hit: ConceptHit) -> str:
    """The sentence up to the hit: where its subject is."""
    at = hit.sentence.find(hit.words)
    return hit.sentence[:at] if at >= 0 else hit.sentence


def who_did_it(hit: ConceptHit) -> str:
    """'adult', 'child' or 'unclear' for a hit about other children."""
    before = _before(hit)
    if CHILD_WORDS.search(before) and not ADULT_WORDS.search(before):
        return "child"
    if ADULT_WORDS.search(before):
        return "adult"
    if SCHOOL_SETTING.search(hit.sentence) or re.search(r"\bthe other (?:kids|children)\b", hit.sentence, re.I):
        return "child"  # "he keeps touching other children in the toilets at school": a pupil
    return "unclear"


def relabel_other_children(hits: List[ConceptHit], outcome: RuleOutcome) -> List[ConceptHit]:
    result: List[ConceptHit] = []
    for hit in hits:
        if hit.about_others and hit.concept not in HARM_TO_OTHERS:
            continue  # "smashed his bedroom door" is not domestic abuse: the exclusion holds for other concepts
        if not hit.about_others or hit.negated:
            result.append(hit)
            continue
        if not OTHER_CHILDREN.search(hit.sentence):
            continue  # an exclusion that is not about other children ("the smell hit me") cancels, as before
        actor = who_did_it(hit)
        sexual = hit.concept == "sexual_abuse"
        if actor != "child":
            result.append(replace(hit, concept="person_posing_risk", about_others=False,
                                  label="someone who is harming other children (a risk to children)"))
            outcome.notes.append("The children this person harmed need their own referral. Is this child being "
                                 "harmed too? Tell the front door what you know.")
        elif sexual:
            result.append(replace(hit, concept="harmful_sexual_behaviour", about_others=False,
                                  label="harmful sexual behaviour towards other children"))
            outcome.notes.append("The children who were touched need their own referral. Ask whether this child "
                                 "is being harmed: harmful sexual behaviour can be a sign of it.")
        else:
            result.append(replace(hit, concept="behaviour_problems", about_others=False,
                                  label="hurting other children"))
    return result


def harmful_sexual_behaviour(hits: List[ConceptHit], outcome: RuleOutcome) -> List[ConceptHit]:
    """A child's HSB: at least level 3 with a front-door consultation; level 4 when aggravated."""
    result = list(hits)
    for hit in hits:
        if hit.concept != "harmful_sexual_behaviour" or hit.negated or hit.field == "working_well":
            continue
        if AGGRAVATED_HSB.search(hit.sentence):
            result.append(replace(hit, concept="person_posing_risk",
                                  label="harmful sexual behaviour with force, a much younger child, a sibling or "
                                        "repeated incidents"))
        else:
            outcome.floors.append((3, "Harmful sexual behaviour by a child is at least level 3: talk it through "
                                      "with the front door."))
    return result


VIOLENT = re.compile(r"\b(punch\w*|kick\w*|beat\w*|batter\w*|thr[eo]w\w*|strangl\w*|chok\w*|burn\w*|stamp\w*|"
                     r"head-? ?butt\w*|bit|bite\w*|shak\w*|shook|belt\w*|whip\w*|thrash\w*|scald\w*)\b", re.I)


def chastisement(hits: List[ConceptHit], child: ChildContext, disabled: bool) -> List[ConceptHit]:
    """A smack is level 2-3 until a fact makes it abuse (the module docstring's seed lines). A physical-abuse
    pattern on the same sentence as a plain smack ("mummy smacked her because she hit her brother") is the
    same smack, not a second worry, unless a violent act or a raising fact is said."""
    plain = {h.sentence for h in hits if h.concept == "physical_chastisement" and not h.negated
             and not any(f in read_facts(h.sentence) for f in CHASTISEMENT_PROMOTES)}
    if plain and not (child.non_mobile or disabled):
        hits = [h for h in hits if not (h.concept == "physical_abuse" and not h.negated and h.sentence in plain
                                        and not VIOLENT.search(h.words))]
    result: List[ConceptHit] = []
    for hit in hits:
        if hit.concept != "physical_chastisement" or hit.negated:
            result.append(hit)
            continue
        facts = read_facts(hit.sentence)
        if any(f in facts for f in CHASTISEMENT_PROMOTES) or child.non_mobile or disabled:
            result.append(replace(hit, concept="physical_abuse",
                                  label="physical punishment that left a mark, used an implement, was to the head "
                                        "or face, or was to a baby or a disabled child"))
        else:
            result.append(hit)
    return result


# How an accident happened is not an account in doubt: "the front wheel hit a kerb", "hit her cheek on the platform".
MECHANISM = re.compile(r"\b(?:hit|banged|bumped|knocked|caught)\s+(?:(?:a|the)\s+(?!(?:\w+\s+)?(?:child|boy|girl|"
                       r"baby|kid|toddler|lad|son|daughter|pupil)\b)(?:\w+\s+)?\w+|(?:her|his|their|my)\s+"
                       r"\w+\s+(?:on|against|off)\b)", re.I)


# Marks on the bony places a mobile child knocks in play, with nothing said of being hurt by someone (002 Tier 1
# "bruising consistent with normal play"); any other place on the body keeps the worry.
ACCIDENTAL_SITES = re.compile(r"\b(?:knees?|shins?|elbows?|bony (?:bits|places|parts))\b", re.I)
OTHER_SITES = re.compile(r"\b(?:back|tummy|stomach|chest|torso|ears?|neck|face|cheeks?|eyes?|bottom|bum|buttocks?|"
                         r"genital\w*|thighs?|upper arms?|wrists?|hands?|feet|soles|head|mouth|lips?)\b", re.I)



# A scratch the child made, said with its cause beside it ("a bit of a scratch on her neck from itching" with nits, set
# O): 003 Universal "Physically healthy", 002 Tier 1 "Child is safe". Scratches only, and only from itching or a
# condition that itches; a bruise, a burn or "the cat did it" (someone's word for a cause) is never this.
SELF_SCRATCH = re.compile(r"\bscratch\w*\b[^.!?]{0,40}?\b(?:from|with|by|through|because of)\s+(?:\w+\s+)?(?:itching|"
                          r"itchy|scratching (?:herself|himself|themselves|at)|eczema|nits|head lice|chicken ?pox|"
                          r"insect bites|midge bites|mosquito bites)\b", re.I)


def _self_scratch(hit: ConceptHit) -> bool:
    """An injury hit that is only a scratch the child made while itching."""
    return (hit.concept in INJURY_HITS and "scratch" in hit.words.lower() and bool(SELF_SCRATCH.search(hit.sentence))
            and not HURT_BY_SOMEONE.search(hit.sentence))


def _marks_from_play(hit: ConceptHit) -> bool:
    """A physical-abuse hit that is only marks on a mobile child's knees, shins or elbows."""
    return (hit.concept == "physical_abuse" and not HURT_BY_SOMEONE.search(hit.words)
            and bool(ACCIDENTAL_SITES.search(hit.sentence)) and not OTHER_SITES.search(hit.sentence))


def reassurance(hits: List[ConceptHit], child: ChildContext, text: str) -> List[ConceptHit]:
    """Hear a witnessed explanation, a diagnosis or a direct denial; never for a non-mobile baby."""
    result: List[ConceptHit] = []
    explained = read_facts(text).found & {"witnessed_explanation", "explained_condition", "sport_explanation"}
    stated = MECHANISM.sub(" ", text)
    doubted = bool(doubt_said(text) or DOUBTFUL_ACCOUNT.search(stated))
    doubt = doubted or bool("explained_condition" not in explained and RECURRING.search(stated))
    for hit in hits:
        facts = read_facts(hit.sentence)
        injury = hit.concept in INJURY_HITS or _marks_from_play(hit)
        if hit.negated:
            result.append(hit)
        elif (injury and child.non_mobile is False and ((not doubt and explained)
                                                         or (not doubted and _self_scratch(hit)))) \
                or marks_explained(hit, child.non_mobile is not False, text, doubt) \
                or (hit.concept == "faltering_growth" and "diagnosed" in read_facts(text) and "refusal" not in facts) \
                or (hit.concept in {"self_harm", "suicidal"} and "direct_denial" in facts and "mark" not in facts):
            result.append(replace(hit, negated=True))
        else:
            result.append(hit)
    return result


# Someone's view that an act is abuse ("my wife says that's abuse these days", set P), not a child telling of it.
# Only "that's abuse" of an act already told (which keeps its own hit), said by an adult: "she said it's abuse" may be
# the child's own telling, and stays.
OPINION = re.compile(r"\b(?:wife|husband|partner|friend|neighbour|people|everyone|they|nan|gran|grandad|grandma)\s+"
                     r"(?:says?|said|thinks?|thought|reckons?)\s+(?:that'?s|that is|that was)\s+(?:\w+\s+)?abus\w*",
                     re.I)


def weak_disclosure(hits: List[ConceptHit], outcome: RuleOutcome) -> List[ConceptHit]:
    """A secret, a plea not to tell or "she disclosed" names no harm: ask what the child said, in their words.

    A child's own account of being hurt or abused stays a red flag (Norfolk s47 "Direct allegation ...
    made by child"); the cue alone is a reason to ask, not the allegation itself.
    """
    kept: List[ConceptHit] = []
    for hit in hits:
        opinion = OPINION.search(hit.sentence) if hit.concept == "disclosure_abuse" and not hit.negated else None
        if opinion and hit.words in opinion.group(0):
            continue  # "my wife says that's abuse these days": an opinion of an act, which keeps its own hit
        if (hit.concept == "disclosure_abuse" and not hit.negated and not HARM_WORDS.search(hit.sentence)
                and not THREAT_WORDS.search(hit.sentence)):
            outcome.notes.append("Ask the child (or whoever told you) what exactly was said, in their own words, and "
                                 "write it down. If a child says someone is hurting or abusing them, that is a "
                                 "section 47 matter: contact the front door the same day.")
            continue
        kept.append(hit)
    return kept


# Games and play where children hurt each other ("Leo always kicks me at football", "at break"), wherever they are.
PLAY = re.compile(r"\b(football|rugby|break ?time|at break|lunch ?time|playground|rough (?:games|play)|"
                  r"play fight\w*|monkey bars)\b", re.I)
PEER_HARM_CONCEPTS = frozenset({"physical_abuse", "disclosure_abuse"})
# Name-calling on a group chat among children ("messages on a group chat calling him gay and fat", set P): bullying
# (003 Targeted "Rejection or taunting by peers"), not a carer's emotional abuse, when no adult is named.
GROUP_CHAT = re.compile(r"\b(?:group ?chats?|class chat|year group chat|snapchat group|whatsapp group)\b", re.I)
# A mark whose cause is said beside it as a fight between children ("scratches down his neck from where they were
# scrapping over the remote"), with no adult named in the sentence: harm between children, not an injury unexplained.
FIGHT_CAUSE = re.compile(r"\b(?:from|after|in|during) (?:where |when )?(?:\w+ ){0,3}?(?:fight\w*|scrap\w*|"
                         r"play ?fight\w*|wrestl\w*|a scuffle|a tussle)\b", re.I)


def peer_harm(hits: List[ConceptHit]) -> List[ConceptHit]:
    """"A lad in his team kicks him", "the older boys hit me": harm by another child is bullying, not abuse
    by a carer (a child posing a risk to others is handled by relabel_other_children)."""
    out: List[ConceptHit] = []
    for hit in hits:
        before = _before(hit)
        # The other child may be named inside the matched words ("said his brother punched him").
        peer = (PEER_WORDS.search(before) or PEER_WORDS.search(hit.words)
                or PLAY.search(hit.sentence))
        # The adult may be named in the matched words themselves ("dad kicked him at football"): then it stays.
        fight = (hit.concept == "unexplained_injury" and not hit.negated
                 and FIGHT_CAUSE.search(hit.sentence[len(before):]) and not ADULT_WORDS.search(hit.sentence))
        chat = (hit.concept == "emotional_abuse" and not hit.negated and GROUP_CHAT.search(hit.sentence)
                and not ADULT_WORDS.search(hit.sentence))
        if fight or chat or (hit.concept in PEER_HARM_CONCEPTS and not hit.negated and peer
                             and not ADULT_WORDS.search(f"{before} {hit.words}")):
            out.append(replace(hit, concept="bullying", label="being hurt by other children"))
        else:
            out.append(hit)
    return out


def spoken_rules(hits: List[ConceptHit], child: ChildContext, text: str) -> List[ConceptHit]:
    """Red flags said in plain words no single pattern holds: an offender around children, young children
    left alone, online grooming (a child's own pregnancy is in ``bot/engine/rules/care_and_age_rules``)."""
    found = {h.concept for h in hits if not h.negated}
    extra: List[ConceptHit] = []
    offender = OFFENDER.search(text)
    if offender and "person_posing_risk" not in found and not denied(sentence_of(text, offender)[0]):
        extra.append(rule_hit("person_posing_risk", "an adult who poses a risk to children", text, offender))
    for match in ALONE.finditer(text):
        sentence, _ = sentence_of(text, match)
        young = (child.age_years is not None and 0 <= child.age_years < 8) or YOUNG_AGE.search(sentence)
        with_someone = re.match(r"\s+with\b", text[match.end():])  # "mum is on her own with the baby"
        if (young and NIGHT_OR_HOME.search(sentence) and not negated_before(text, match) and not with_someone
                and "abandonment" not in found):
            extra.append(rule_hit("abandonment", "young children left without an adult", text, match))
            break
    extra.extend(online_grooming(text, child.age_years, found))
    return hits + extra


def apply_hit_rules(hits: List[ConceptHit], child: ChildContext, text: str, unborn: bool,
                    history: str = "") -> RuleOutcome:
    outcome = RuleOutcome(hits=[])
    hits = siblings_needs(hits, text)  # before "disabled": a brother's autism is not this child's disability
    hits = parent_left(parents_death(parents_injury(parents_offence(hits))))
    disabled = any(h.concept == "disability" and not h.negated for h in hits)
    hits = figures_of_speech(hits)
    hits = relabel_other_children(hits, outcome)
    hits = adult_victim(hits)
    hits = weak_disclosure(hits, outcome)
    hits = peer_harm(tantrum_aggression(hits))
    hits = spoken_rules(hits, child, text)
    hits = plain_word_rules(hits, text, child.age_years)
    hits, developmental = developmental_behaviour(hits, child.age_years)
    outcome.notes.extend(developmental)
    hits = away_from_home(care_and_age_rules(hits, text, child.age_years), text, child.age_years)
    hits = harmful_sexual_behaviour(hits, outcome)
    hits = chastisement(hits, child, disabled)
    hits = serious_domestic_abuse(hits, text, history)
    hits = pre_birth(hits, unborn, text)
    hits = ordinary_feelings(reassurance(hits, child, text), text)
    hits = ordinary_separation(hits, text)
    outcome.hits = hits
    outcome.notes = list(dict.fromkeys(outcome.notes))
    return outcome

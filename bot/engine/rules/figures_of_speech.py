"""Words that sound like harm and are not harm to this child: a game's score, a worry read in the news, and a
threat one child shouts at another in a fight.

Over-triage is the second worst defect (issue 11, "Pushed to level 4 wrongly"): tuning set G's teacher wrote
that a boy said "my dad killed me last night" and then "on FIFA, he beat me 6-0"; a parent "read an article
about paedophiles on games". Both were advised level 4 with section 47. The seeds set the level from what is
happening to the child (004 Level 1 "No concerns about the child's safety"; 002 Tier 1 "Child is safe"), not from
what a word can mean elsewhere. Each rule here is narrow on purpose, because a wrong reading would hide harm:

- a hit is a game result only when its violent verb is followed at once by a score or by the game ("beat me
  6-0", "killed me on Fortnite"); "dad beat me after I lost 6-0 at FIFA" is not one, and stays a worry;
- a hit is a worry from the news only when it comes after "I read an article / saw a documentary / it was on
  the news about" in the same sentence, and the hit names no one in the child's life.

Either rule rules the hit out (it shows in ``ruled_out``); neither lowers a hit about this child.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import List

from bot.language.matcher import ConceptHit

GAMES = (r"(?:fifa|fortnite|minecraft|roblox|xbox|playstation|ps[345]|the switch|mario ?kart|call of duty|cod|"
         r"among us|chess|monopoly|uno|cards|the console|the game|a game|video games?|penalties|pool|darts)")
_GAME_RESULT = re.compile(
    rf"\b(?:kill(?:ed|s)?|smash(?:ed|es)?|beat(?:s|en)?|batter(?:ed|s)?|destroy(?:ed|s)?|hammer(?:ed|s)?|"
    rf"thrash(?:ed|es)?|murder(?:ed|s)?|slaughter(?:ed|s)?|annihilat(?:ed|es)|own(?:ed|s)|wreck(?:ed|s)?)\s+"
    rf"(?:me|him|her|us|them)\s+(?:\d{{1,2}}\s?[-–]\s?\d{{1,2}}\b|(?:on|at|in)\s+{GAMES}\b)", re.I)
_NEWS = re.compile(r"\b(?:read|saw|seen|watched|heard|came across)\b(?:\s+\w+){0,3}\s+(?:articles?|news|"
                   r"documentar(?:y|ies)|programmes?|reports?|stories|story)\b(?:\s+\w+){0,4}?\s+(?:about|on)\b|"
                   r"\b(?:in|on) the (?:news|papers?)\b|"
                   # "You hear about grooming gangs", "I've read all these things about" (a general "you", or
                   # things read; "I heard about the bruises from her friend" is a report, and stays).
                   r"\byou\s+(?:always\s+|often\s+)?(?:hear|read|see)\s+(?:about|of|stories)\b|"
                   r"\b(?:i'?ve|i have|i)\s+(?:\w+\s+)?read\s+(?:all\s+)?(?:these|those|so many|lots of|loads of)\s+"
                   r"(?:things|stories|articles)\b", re.I)
# Someone in the child's life, or the person in the story linked to the child ("he babysits my daughter").
_SOMEONE_KNOWN = re.compile(r"\b(?:his|her|their|my|our)\s+(?:dad|mum|uncle|aunt|auntie|brother|sister|cousin|"
                            r"stepdad|stepmum|teacher|coach|neighbour|friend|boyfriend|girlfriend|partner)\b|"
                            r"\b(?:he|she|they|him|the man|this man|the guy|the woman)\s+(?:\w+\s+){0,3}?"
                            r"(?:babysits?|babysat|looks? after|lives?|moved in|stays?|staying|comes? round|coaches|"
                            r"teaches|messag\w*|chats? (?:to|with)|talks? to|is friends with)\b", re.I)


def _game_result(hit: ConceptHit) -> bool:
    """True when the hit's words are the words of a game result in its sentence."""
    results = list(_GAME_RESULT.finditer(hit.sentence))
    if not results or not hit.words:
        return False
    rest = hit.sentence
    for result in reversed(results):
        rest = rest[:result.start()] + " " * (result.end() - result.start()) + rest[result.end():]
    return hit.words not in rest and hit.words in hit.sentence


def _from_the_news(hit: ConceptHit) -> bool:
    """True when the hit follows 'I read an article about' in its sentence and names no one the child knows."""
    news = _NEWS.search(hit.sentence)
    if news is None or not hit.words:
        return False
    at = hit.sentence.find(hit.words, news.end())
    return at >= 0 and not _SOMEONE_KNOWN.search(hit.sentence[news.start():])


# A child shouting a threat at a brother or sister in a fight ("the little one was screaming 'I'm going to kill you,
# I hate you'"): the words are the child's, said to the sibling ("you"), in a scrap. 000 Level 2 "Some difficulties
# with family or peer group relationships" and 001 Level 2 "Low level conflict in the home" describe it; 999 is for
# danger to the child now. Only the threat is ruled out: an injury said in the same fight keeps its own hit.
_CHILD_SPEAKER = re.compile(r"\b(?:the (?:little|big|younger|older|eldest|youngest) (?:one|lad|boy|girl)|(?:his|her|"
                            r"their) (?:little |big |older |younger )?(?:brother|sister)|the (?:boys|lads|girls|kids))"
                            r"\b[^.!?]{0,40}?\b(?:scream\w*|shout\w*|yell\w*|screech\w*|sa(?:id|ys|ying)|going)\b",
                            re.I)
_SIBLING_FIGHT = re.compile(r"\b(?:fight\w*|scrap\w*|headlock|wrestl\w*|squabbl\w*|scuffl\w*|brawl\w*|rows?|"
                            r"rowing|arguing|going at it|cat and dog)\b", re.I)
_AT_THE_OTHER = re.compile(r"\b(?:kill|stab|hurt|batter|murder)\s+(?:you|ya|u)\b", re.I)


def _sibling_threat(hit: ConceptHit) -> bool:
    """True when the hit is a threat one child shouts at another in a fight."""
    if hit.concept != "immediate_danger" or not hit.words:
        return False
    at = hit.sentence.find(hit.words)
    tail = hit.sentence[at:at + len(hit.words) + 12] if at >= 0 else ""
    speaker = _CHILD_SPEAKER.search(hit.sentence[:max(at, 0)])
    # No adult named between the child who speaks and the threat ("the kids said dad was going to kill ...").
    return bool(_AT_THE_OTHER.search(tail) and speaker and not _ADULT_SPEAKER.search(hit.sentence[speaker.end():at])
                and _SIBLING_FIGHT.search(hit.sentence))


# A child shouting a threat at the other players while gaming ("on that Xbox ... effing and jeffing at his mates, I
# hear him shouting 'I'll kill you'"): the game and the other players are named, and no adult is named before it.
# Who the game was played with: mates online, or a brother or sister on the sofa ("on the Xbox with his big brother
# and when he lost he screamed 'I'm going to KILL you'", set N; 000 Level 2 "Some difficulties with family or peer
# group relationships").
_PLAYERS = re.compile(r"\b(?:mates|friends|the other players|teammates|team ?mates|online|headset|(?:his|her|their) "
                      r"(?:big |little |older |younger |twin )?(?:brothers?|sisters?|cousins?))\b", re.I)
_ADULT_SPEAKER = re.compile(r"\b(?:dad|daddy|father|mum|mummy|mam|mom|mother|stepdad|stepmum|step-dad|step-mum|"
                            r"boyfriend|girlfriend|partner|uncle|grandad|man|woman|he said to (?:her|him|me))\b", re.I)
_GAMES_SAID = re.compile(rf"\b{GAMES}\b", re.I)


def _game_threat(hit: ConceptHit) -> bool:
    """True when the hit is a threat shouted at the other players during a game."""
    if hit.concept not in ("immediate_danger", "emotional_abuse") or not hit.words:
        return False
    at = hit.sentence.find(hit.words)
    said = hit.sentence[at:at + len(hit.words) + 8] if at >= 0 else hit.words  # "going to KILL" + " you'"
    return bool(at >= 0 and _AT_THE_OTHER.search(said) and _GAMES_SAID.search(hit.sentence)
                and _PLAYERS.search(hit.sentence) and not _ADULT_SPEAKER.search(hit.sentence[:at]))


# A relative's warning of what could happen, said to the parent who asks ("my mum keeps telling me it'll rot his
# brain and he'll get groomed"): a prediction with nothing seen or said to the child. 001 Level 1 "supported by
# parents/carers to ensure their digital activity is safe" is the account; "at risk of sexual exploitation" needs a
# sign of it. Narrow: only exploitation and radicalisation, only a future "he'll get / will be" followed by the hit,
# and only a relative or "people" as the speaker (a child's own words, "she said she'll be ...", are never this).
_PREDICTED = frozenset({"child_sexual_exploitation", "criminal_exploitation", "radicalisation"})
_WARNER = re.compile(r"\b(?:my|his|her|their|our)\s+(?:mum|mother|mam|mom|dad|father|nan|nana|nanna|gran|granny|"
                     r"grandma|grandad|grandpa|husband|wife|partner)\s+(?:always\s+|keeps?\s+|is always\s+)?"
                     r"(?:tells? me|telling me|says?|saying|warns?|warning me|reckons?)\b|"
                     r"\b(?:people|everyone)\s+(?:keep\s+)?(?:say|saying|tell me|telling me|warn|reckon)\b", re.I)
_FUTURE = re.compile(r"\b(?:he|she|they|the kids?)\s*(?:'ll|’ll| will| might| could| would| is going to| are going "
                     r"to|'s going to)\s+(?:get|be|end up)\s+(?:\w+\s+)?$", re.I)


def _someones_prediction(hit: ConceptHit) -> bool:
    """True when the hit is what a relative warns could happen ("he'll get groomed"), not what has happened."""
    if hit.concept not in _PREDICTED or not hit.words:
        return False
    at = hit.sentence.find(hit.words)
    if at < 0:
        return False
    warner = _WARNER.search(hit.sentence[:at])
    return bool(warner and _FUTURE.search(hit.sentence[warner.end():at]))


# "Oh no, my daddy is going to KILL me" said by a child over paint on her dress; "I'm going to kill Josh, he ate my
# pizza" (set N): the English idiom for being in trouble over a small mishap, said in the child's own words. The seeds
# set the level from what is happening to the child (002 Tier 1 "Child is safe"; 004 Level 1 "No concerns about the
# child's safety"). Narrow, because a real threat must never be heard as one: the mishap is said in the same sentence
# and is to a thing (spilt, knocked over, broke, lost, ate); no body, injury or hurt is named; the threat is not
# conditional on telling ("I'll kill you if you tell"); and no adult is the one who said, told or threatened it.
_MISHAP = re.compile(r"\b(?:spill\w*|spilt|scratch\w*|dent\w*|knock\w*\s+(?:\w+\s+){0,3}?over|knocked|broke|"
                     r"broken|smash\w*|lost|"
                     r"ripp\w*|tore|torn|ruin\w*|ate|eaten|scoff\w*|nick\w*|pinch\w*|messed up|dropp\w*|forgot|"
                     r"got (?:paint|mud|juice|food|ink|felt tip|glue) on)\b", re.I)
_BODY_OR_HARM = re.compile(r"\b(?:arm|arms|leg|legs|head|face|neck|throat|wrist|nose|teeth|tooth|eye|eyes|rib|ribs|"
                           r"baby|bruis\w*|hurt\w*|blood\w*|bleed\w*|injur\w*|hospital|a&e|hit|hits|belt|knife|"
                           r"weapon|punch\w*|kick\w*|slap\w*|smack\w*|beat\w*|strangl\w*|chok\w*)\b", re.I)
_CONDITIONAL = re.compile(r"\b(?:if (?:you|u|she|he|they|i) (?:ever )?(?:tell|tells|told|say|says|grass|snitch)|"
                          r"or else|or (?:i'?ll|he'?ll|she'?ll))\b", re.I)
_ADULT_SAID = re.compile(rf"{_ADULT_SPEAKER.pattern}\s+(?:\w+\s+){{0,5}}?(?:said|says|told|tells|shouted|screamed|"
                         r"yelled|threatened|threatens|texted|messaged|wrote)\b", re.I)
# "Going to kill me", and (set S) "me mam'll batter me" over a lost jumper, "mum is literally going to kill me" over a
# scratched car.
_KILL = re.compile(r"\b(?:kill|batter|murder)\b", re.I)
_MISHAP_CONCEPTS = frozenset({"immediate_danger", "physical_abuse", "emotional_abuse"})
# Not a mishap to a thing: a temper lost, a child who ate nothing or is hungry ("dad lost his temper").
# Nor a threat said to have been carried out before ("she did last time", "he always does").
_NOT_A_MISHAP = re.compile(r"\b(?:last time|again|always|every time|(?:she|he|they) did)\b|"
                           r"\blost (?:his|her|their|my|the) (?:temper|rag|head|control|mind|plot)\b|\blost it\b|"
                           r"\bate (?:nothing|no)\b|\bnothing to eat\b|\bhungry\b|\bstarv\w*", re.I)


def _mishap_idiom(hit: ConceptHit) -> bool:
    """True when the hit is 'going to kill me' said of a small mishap to a thing, in the child's own words."""
    if hit.concept not in _MISHAP_CONCEPTS or not hit.words or not _KILL.search(hit.words):
        return False
    sentence = hit.sentence
    return bool(_MISHAP.search(sentence) and not _BODY_OR_HARM.search(sentence) and not _NOT_A_MISHAP.search(sentence)
                and not _CONDITIONAL.search(sentence) and not _ADULT_SAID.search(sentence))


# The speaker's own childhood, as a "what would have happened then" ("In my day we'd have got a clip round the ear",
# set O's neighbour): nothing happened to this child. Only a hit after the would-have, in that sentence.
_IN_MY_DAY = re.compile(r"\b(?:in my day|in our day|back in the day|when i was (?:\w+ ){0,2}?(?:young|younger|"
                        r"little|a kid|a child|a lad|a girl|a boy|at school|her age|his age|their age))\b[^.!?]*?"
                        r"\b(?:we|i|you)(?:'d|’d| would) (?:have|of) (?:got|had|been given|been)\b", re.I)


# A parent-to-be "googling SIDS at 3am" (set S, a midwife's first-baby nerves): a fear searched for, not a death or
# harm to a child. Only that concept, and only after the searching word in its sentence.
_SEARCHED = re.compile(r"\b(?:googl\w*|look(?:s|ed|ing)? up|search(?:es|ed|ing)? (?:for|about|online)|"
                       r"read(?:s|ing)? (?:up )?about)\b", re.I)


def _fear_searched(hit: ConceptHit) -> bool:
    said = _SEARCHED.search(hit.sentence) if hit.concept == "child_death_or_serious_harm" and hit.words else None
    return bool(said and hit.sentence.find(hit.words, said.end()) >= 0 and not _SOMEONE_KNOWN.search(hit.sentence))


def _in_my_day(hit: ConceptHit) -> bool:
    """True when the hit is what would have happened in the speaker's own childhood."""
    said = _IN_MY_DAY.search(hit.sentence)
    return bool(said and hit.words and hit.sentence.find(hit.words, said.end()) >= 0)


# "He's kicking off cos no kinder egg" (set R: a father's words for his son's tantrum): the idiom for a tantrum, not a
# kick. Only a hit whose one hurt word is a kick, in a sentence that says "kicking off" and names no one kicked.
_KICKING_OFF = re.compile(r"\bkick(?:s|ed|ing)?\s+off\b", re.I)
_KICKED_SOMEONE = re.compile(r"\bkick\w*\s+(?:me|him|her|them|us|you|his|her|the (?:baby|child|kids?))\b", re.I)
_OTHER_HURT = re.compile(r"\b(?:hit\w*|hurt\w*|punch\w*|slap\w*|smack\w*|beat\w*|touch\w*|burn\w*|chok\w*|"
                         r"strangl\w*|abus\w*|rap(?:e|ed|es|ing)|lock\w*|starv\w*)\b", re.I)


def _kicking_off(hit: ConceptHit) -> bool:
    return (hit.concept in {"disclosure_abuse", "physical_abuse"} and "kick" in hit.words.lower()
            and bool(_KICKING_OFF.search(hit.sentence)) and not _KICKED_SOMEONE.search(hit.sentence)
            and not _OTHER_HURT.search(hit.words))


# "If I have to do one more maths sheet I'm going to kill myself" (set R, a girl at tea, who then said "it's a
# saying"): exasperation at more of a chore, said as a condition on it. 000 Level 4 "Suicide attempts/threats" is a
# threat of ending one's life, not this idiom. Narrow: the condition on "one more", "another" or "again" and the words
# are in one clause, and the sentence names nothing else of harm; every other sentence is read as usual.
_EXASPERATION = re.compile(r"\bif (?:i|she|he|they) (?:have|has|had|get|gets|got|hear|hears|see|sees)(?: to)? "
                           r"(?:\w+ ){0,6}?(?:one more|another|again)\b[^.!?]{0,60}?\b(?:kill (?:my|him|her|them)"
                           r"sel(?:f|ves)|die|top (?:my|him|her)self)\b", re.I)
_SELF_CONCEPTS = frozenset({"suicidal", "immediate_danger", "mental_health_child", "self_harm"})


def _exasperation(hit: ConceptHit) -> bool:
    said = _EXASPERATION.search(hit.sentence)
    return (hit.concept in _SELF_CONCEPTS and said is not None and hit.words.lower() in said.group(0).lower()
            and not _BODY_OR_HARM.search(hit.sentence))


# "She said ... she doesn't want to hurt herself" (set R) is about self-harm, which its own concept reads; it is not a
# child telling of being hurt by someone. Only when the hit's last word is the hurt and the next word is reflexive.
_REFLEXIVE = re.compile(r"^\W*(?:herself|himself|themselves|themself|myself|yourself)\b", re.I)


def _hurt_self(hit: ConceptHit) -> bool:
    if hit.concept != "disclosure_abuse" or not hit.words:
        return False
    at = hit.sentence.find(hit.words)
    return at >= 0 and bool(_REFLEXIVE.search(hit.sentence[at + len(hit.words):]))


# "Her best friends stabbed her in the back", "they're dead to me" (set R: a falling-out on a group chat): the idioms
# for betrayal and for ending a friendship. Only a hit whose words sit inside the idiom.
_BETRAYAL = re.compile(r"\bstab(?:s|bed|bing)?\s+(?:\w+\s+){0,2}?in\s+the\s+back\b(?!\s+(?:of|with|and|while|twice|"
                       r"again|several|repeatedly))|\b(?:literally\s+)?dead\s+to\s+"
                       r"(?:me|her|him|them|us)\b|\bback-?stab\w*", re.I)


_REAL_WOUND = re.compile(r"\b(?:knife|knives|blade|blood\w*|bleed\w*|hospital|a&e|wound\w*|police|stitches|"
                         r"ambulance)\b", re.I)


def _betrayal(hit: ConceptHit) -> bool:
    if _REAL_WOUND.search(hit.sentence):
        return False
    return any(hit.words.lower() in m.group(0).lower() or m.group(0).lower().startswith(hit.words.lower())
               for m in _BETRAYAL.finditer(hit.sentence)) if hit.words else False


def figures_of_speech(hits: List[ConceptHit]) -> List[ConceptHit]:
    """Rule out the hits that are a game's score, a worry read in the news, a child's threat in a fight, a
    relative's prediction, the idiom for being in trouble over a mishap, the speaker's own childhood, a tantrum
    ("kicking off") or exasperation at a chore ("if I have to do one more ... I'll kill myself")."""
    return [replace(hit, negated=True)
            if not hit.negated and (_game_result(hit) or _from_the_news(hit) or _sibling_threat(hit)
                                    or _game_threat(hit) or _someones_prediction(hit) or _mishap_idiom(hit)
                                    or _in_my_day(hit) or _kicking_off(hit) or _exasperation(hit)
                                    or _hurt_self(hit) or _betrayal(hit) or _fear_searched(hit)) else hit
            for hit in hits]

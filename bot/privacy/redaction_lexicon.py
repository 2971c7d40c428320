"""Word lists for redaction: names (shipped in ``bot/privacy/data/``), guards, places and worry words.

Kept apart from the rules so the lists can grow without touching them, and so the name rules and the
pattern rules share one idea of what is a place the assistant needs or a worry word it must keep.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import FrozenSet, Sequence, Tuple

from bot.guidance.areas import NOT_COVERED, normalise_place
from bot.guidance.loader import cached_areas, cached_concepts

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str
    text: str


def word_set(text: str) -> FrozenSet[str]:
    """The whitespace-separated words of ``text`` (lists kept readable as prose blocks)."""
    return frozenset(text.split())


def _load(name: str) -> FrozenSet[str]:
    """One word list from privacy_data/: lower-case words, several a line, '#' starts a comment line."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return frozenset(w.lower() for line in lines if not line.lstrip().startswith("#") for w in line.split())


# Names that are also ordinary words, months or places ("will", "mark", "grace", "rose"): kept unless a cue
# says they are a name (a title, "called", a relation, a surname right after them).
AMBIGUOUS = _load("name_words.txt")
FIRST_NAMES = _load("first_names.txt") - AMBIGUOUS
SURNAMES = _load("surnames.txt")
ALL_FIRST = FIRST_NAMES | AMBIGUOUS
# Surnames that are also common words ("Green", "White", "Young"): a name only beside another name.
SURNAME_WORDS = SURNAMES & (AMBIGUOUS | _load("surname_words.txt"))

# Names that are also words a worry is said with ("will", "can", "long"): never taken out of the worry words.
WORRY_NAMES = word_set("will can do he said long hung little small short lady kid rain nick rob guy gift minnie")
SENTENCE_START = frozenset(list(".!?:;\"'“”‘’([{") + ["--", "-"])
KIN_TITLES = word_set("auntie aunty aunt uncle nan nana nanna nanny gran granny grandad grandma grandpa cousin")
TITLES = word_set("mr mrs miss ms mx dr master pc dc ds sgt reverend rev revd prof cllr")
CALLED = word_set("called named name's nicknamed calls")
RELATIONS = word_set("""mum mummy mam mom mother dad daddy father stepdad stepmum stepfather stepmother brother
sister son daughter boyfriend girlfriend partner husband wife ex uncle auntie aunt aunty nan nana nanna gran
granny grandma grandad grandpa grandmother grandfather cousin nephew niece baby child kid pupil student boy girl
friend neighbour neighbor teacher carer foster lodger toddler infant sibling stepbrother stepsister twin twins
sons daughters brothers sisters kids siblings mums dads nans grandson granddaughter mate bloke fella lad
lady man woman wifey hubby bf gf bestie children children's worker manager occupant suspect victim ip susp
present grandchildren""")
POSSESSED = word_set("""mum mummy mam mom mother dad daddy father stepdad stepmum brother sister son daughter
boyfriend girlfriend partner husband wife uncle aunt auntie nan gran grandma grandad cousin friend teacher
carer house home flat school baby sibling siblings parents family""")
NOT_NAMES = word_set("""i i'm i've i'd the a an she he her his him they them their we our you your my me it its
this that these those there here who what when where why how which mum dad mummy daddy mother father police
school social services children child council early help level section yes no not and but or so if because
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december today yesterday tomorrow christmas easter mash cads nspcc dsl gp nhs
a&e ae hospital doctor nurse teacher miss sir hi hello hey thanks thank please sorry ok okay well also
just then after before since still baby boy girl brother sister son daughter nan gran grandad aunt uncle
partner boyfriend girlfriend england english uk britain british polish romanian muslim christian islam god
covid snapchat instagram tiktok facebook whatsapp youtube xbox playstation fortnite google iphone
street road lane avenue close drive primary academy high college nursery health visitor midwife health
partnership support front door team safeguarding lead designated officer service services care
consultant worker manager practitioner protection developmental development needs plan parent parents family
families conference review assessment strategy meeting panel board unit order dob ni nhs ref reg snap insta
big little young old new lives lived living home office traveller travellers romany gypsy irish scottish welsh
african caribbean asian white black mixed pakistani indian bangladeshi chinese vietnamese turkish kurdish
lithuanian portuguese brazilian italian nigerian ghanaian somali eritrean tamil sikh hindu jewish catholic
present arrested attended referral summary strategy neonate missing intel case note welfare check visit
tesco asda aldi lidl sainsburys sainsbury's morrisons iceland greggs mcdonalds mcdonald's kfc primark boots argos
costa subway nandos nando's coop co-op spar wetherspoons poundland amazon netflix roblox minecraft discord""")
# Acronyms typed in capitals that are never a surname after a name ("Tyler Y6", "Jo DSL").
ACRONYMS = word_set("""DOB NHS NI MASH CADS NSPCC DSL DSP GP AE CAMHS LADO MARAC MAPPA CP CIN CIC LAC SEN SENCO
EHCP EHA FGM CSE CCE DA DV ASB HV SW IP NFA UASC ICPC RCPC CPOMS CAD PC PCSO DC DS MISPER MSHT NRM OT SALT
YOT YOS PRU TAC TAF GCSE KS SATS ADHD ASD OK TV PE RE PSHE RSE BBC NHS UK EU ID SIM IT RIP CCTV CPS ELSA
ASQ SEMH SLCN PEP PLO""")
PARTICLES = word_set("van von de da del di la le o' mc mac bin ibn al el dos das du der den ter della")


@lru_cache(maxsize=1)
def protected_words() -> Tuple[FrozenSet[str], FrozenSet[str]]:
    """(place phrases, place tokens) the assistant needs: every place in guidance/ and bot/guidance/areas.py."""

    phrases = set(NOT_COVERED)
    try:
        for area in cached_areas().values():
            for place in [area.name, area.area.replace("_", " "), *area.places]:
                phrases.add(normalise_place(place))
    except Exception:  # noqa: BLE001 - redaction must work even if guidance cannot load (e.g. in logging)
        pass
    phrases.update({"norfolk", "northamptonshire", "nottingham", "bedford", "kings lynn", "england", "mash",
                    "cads", "nspcc", "ofsted", "barnardos", "childline", "samaritans"})
    tokens = {token for phrase in phrases for token in phrase.split()}
    return frozenset(phrases), frozenset(tokens)


@lru_cache(maxsize=1)
def concept_words() -> FrozenSet[str]:
    """Every word of every concept pattern in guidance/ ("hit", "bruise", "drunk"), minus listed first names.

    Safety first: a worry word after "mum" or "her dad" ("her dad Hit her") must never become [NAME], or
    the next turn's advice (which reads the stored, redacted answers) would lose the worry.
    """
    words: set = set()
    try:
        for concept in cached_concepts().concepts:
            for pattern in [*concept.patterns, *getattr(concept, "exclude", [])]:
                words.update(w for slot in pattern.split() for w in slot.split("/") if w.isalpha())
    except Exception:  # noqa: BLE001 - redaction must work even if guidance cannot load (e.g. in logging)
        pass
    return frozenset(words - (ALL_FIRST - WORRY_NAMES))


@lru_cache(maxsize=1)
def english_words() -> FrozenSet[str]:
    """English base words from spaCy's lookup tables (spacy-lookups-data, already pinned): the guard that keeps
    a capitalised ordinary word ("Lucky", "Golden") from being read as an unlisted name."""
    try:
        from importlib.resources import files

        data = files("spacy_lookups_data") / "data" / "en_lemma_index.json.gz"
        index = json.loads(gzip.decompress(data.read_bytes()))
        words = frozenset(w for part in index.values() for w in part if w.isalpha())
        return words - FIRST_NAMES - (SURNAMES - SURNAME_WORDS)
    except Exception:  # noqa: BLE001 - without the table, fall back to the listed names only
        return frozenset()


def is_english(low: str) -> bool:
    """An English word, also in a plain inflected form ("thresholds", "colleges", "skills", "worried")."""
    words = english_words()
    if low in words:
        return True
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""), ("ed", "e"), ("d", ""),
                         ("ing", ""), ("ing", "e"), ("er", ""), ("ers", ""), ("ly", "")):
        if low.endswith(suffix) and len(low) - len(suffix) > 2 and low[: -len(suffix)] + repl in words:
            return True
    return False


def is_place(words: Sequence[str]) -> bool:
    """True when the words are a place the assistant needs (whole phrase, or every word a place word)."""
    return _is_place(tuple(words))


@lru_cache(maxsize=16384)
def _is_place(words: Tuple[str, ...]) -> bool:
    """Cached: the same capitalised words are checked many times a sentence, on every stored event."""
    phrases, tokens = protected_words()
    joined = normalise_place(" ".join(words))
    return bool(joined) and (joined in phrases or all(w in tokens for w in joined.split()))


def is_ordinary_word(low: str) -> bool:
    """A lower-case word with a meaning of its own: English, a name that is also a word ("grace", "park"), a
    worry word from guidance/, a place the assistant needs, or a word never taken for a name."""
    return (low in AMBIGUOUS or low in SURNAME_WORDS or low in NOT_NAMES or low in concept_words()
            or low in protected_words()[1] or is_english(low))

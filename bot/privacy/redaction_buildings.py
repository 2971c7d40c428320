"""Places named by what they are: surgeries, places of worship, clubs, shops and firms, hostels and refuges.

A capitalised name followed by the word for its kind ("Larchwood Surgery", "Baitul Noor Mosque", "Millbrook Colts
FC", "Pinewood Foods", "Red Lion pub", "Cavendish House hostel", "Hillcrest children's home"), or after it ("Masjid
Al-Noor", "St Barnabas church"), names one place, and with a town it narrows a family down. Where people live
(hostels, refuges, a children's home, supported housing) is an address; the rest is a workplace or organisation.

Guards: a name made only of places the assistant needs ("Kettering Health Centre"), of public-service words ("Early
Help Hub", "Children's Centre") or starting with a determiner ("the local Surgery", "her GP Practice") is kept. A worry
word inside such a name goes with it ("Spice Garden Indian restaurant", "Living Fire Ministries"): there it names a
business, not a worry; docs/privacy.md lists this under the hazards.
"""

from __future__ import annotations

import re
from typing import List, Optional

from bot.guidance.areas import normalise_place
from bot.privacy.redaction_lexicon import ACRONYMS, Span, is_english, protected_words, word_set

CAP = r"(?:(?:O['’]|Mc|Al-)?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|[A-Z]{2,}(?=\s))"
CUISINE = (r"(?:[Ii]ndian|[Cc]hinese|[Tt]hai|[Tt]urkish|[Ii]talian|[Pp]olish|[Cc]aribbean|[Kk]urdish|[Nn]epalese|"
           r"[Bb]angladeshi|[Pp]akistani|[Ll]ebanese|[Pp]ersian|[Gg]reek|[Pp]ortuguese|[Vv]ietnamese|[Jj]apanese|"
           r"[Kk]orean|[Mm]exican|[Aa]frican|[Aa]fghan|[Ee]ritrean|[Ss]omali|[Rr]omanian)")
# Kinds written with a capital: part of the name.
ORG_KIND = (r"(?:Surgery|Medical\s+(?:Practice|Centre|Center)|Health\s+Centre|Family\s+(?:Practice|Centre)|Practice|"
            r"Dental(?:\s+Practice)?|Pharmacy|Chemist|Opticians|Mosque|Masjid|Church|Chapel|Gurdwara|Temple|Mandir|"
            r"Synagogue|Ministries|Ministry|Tabernacle|Fellowship|FC|AFC|RFC|JFC|CC|ABC|Colts|Boxing\s+Club|"
            r"Youth\s+Club|Bakery|Foods|Lettings|Convenience|Mini\s+Market|Minimarket|Off\s+Licence|Newsagents?|"
            r"Cash\s+(?:&|and)\s+Carry|Ltd|Limited|Logistics|Recruitment|Warehouse|Factory|Builders|Carwash|"
            r"Barbershop|Beauty|Tattoo|Studio|Kitchen|Diner|Bistro|Chicken|Pizzeria|Launderette|Market|Pub|"
            r"Takeaway|Restaurant|Chippy|Stars|Tots|Bees|Acorns|Daycare|Day\s+Nursery)")
# Kinds written in lower case after a capitalised name: "the Golden Dragon takeaway", "Spinney youth club".
ORG_KIND_LOWER = (r"(?:takeaway|take\s+away|chinese|indian|restaurant|pub|chippy|cafe|café|shop|bakery|surgery|"
                  r"practice|church|chapel|mosque|gurdwara|temple|gym|youth\s+club|club|salon|barbers?|garage|"
                  r"car\s+wash|hotel|factory|warehouse|nursery)")
ORG_BEFORE = r"(?:Masjid|Mosque|Gurdwara|Mandir|Temple|Church\s+of)"
LIVING_KIND = (r"(?:[Hh]ostel|[Rr]efuge|B&B|b&b|[Cc]hildren['’]?s\s+[Hh]ome|[Ss]upported\s+[Hh]ousing|"
               r"[Rr]esidential(?:\s+[Hh]ome)?|[Mm]other\s+and\s+[Bb]aby\s+[Uu]nit|[Tt]ravellers?\s+[Ss]ite|"
               r"[Cc]aravan\s+[Ss]ite|flats)")
HOUSE = r"(?:House|Court|Lodge|Mansions|Tower|Heights|Cottage|Farm|Hall|View|Place)"
ROOM = r"(?:,?\s*\(?(?:[Rr]oom|[Ff]lat|[Uu]nit|[Bb]ed)\s+\d+[A-Za-z]?\)?)?"

ORG_NAMED = re.compile(
    rf"\b(?P<v>(?P<name>(?:{CAP}\s+){{1,3}})(?P<kind>(?:{CUISINE}\s+)?(?:{ORG_KIND}\b|{ORG_KIND_LOWER}\b"
    rf"(?!\s+(?:[A-Z]|and\b)))))")
ORG_PREFIXED = re.compile(rf"\b(?P<v>{ORG_BEFORE}\s+(?:Al[-\s])?{CAP}(?:\s+{CAP})?"
                          rf"|St\.?\s+{CAP}(?:['’]s)?\s+(?:church|chapel|Church|Chapel))")
LIVING_NAMED = re.compile(rf"\b(?P<v>(?P<name>(?:{CAP}\s+){{1,3}})(?P<kind>(?:{HOUSE}\s+)?{LIVING_KIND}(?!\w){ROOM}))")

# First words that make the whole a common noun phrase or a public service, not one named place.
STOP_FIRST = word_set("""the a an her his their my our your this that these those local same new one another
which what every each any gp nhs a&e school hospital police council county city town village borough community
family families children children's childrens early help health social youth public mental st saint catholic
anglican methodist baptist pentecostal evangelical orthodox reformed united free islamic sikh hindu muslim jewish
after breakfast homework holiday summer monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december good best private""")
SERVICE = word_set("""safeguarding agency multi information service services support council partnership children
childrens children's health community respite early help borough county city public nhs police social education
learning inclusion mental offending justice domestic abuse housing advice citizens""")


def _name_start(name: str, whole: str) -> Optional[int]:
    """Where the name proper starts once leading determiners, services and acronyms are dropped ("GP Riverside",
    "The Oaks"); None when nothing is left, or it is a public service or a place the assistant needs."""
    words = name.split()
    skip = 0
    while skip < len(words) and (words[skip].lower() in STOP_FIRST or words[skip] in ACRONYMS):
        skip += 1
    rest = words[skip:]
    if not rest or any(w.lower().strip("'’s") in SERVICE for w in rest[:2]):
        return None
    phrases, tokens = protected_words()
    joined = normalise_place(" ".join(rest))
    if joined in phrases or normalise_place(whole) in phrases \
            or all(w in tokens and not is_english(w) for w in joined.split()):
        return None
    return len(" ".join(words[:skip])) + (1 if skip else 0)


def _common_start(text: str, m: re.Match) -> bool:
    """One English word starting a sentence before a kind in lower case ("Emergency refuge", "Local pub"): a common
    noun phrase. Mid-sentence the capital marks a name ("the Spinney youth club", "at Golden Dragon takeaway")."""
    words = m.group("name").split()
    if len(words) > 1 or m.group("kind")[:1].isupper() or not is_english(words[0].lower()):
        return False
    return not text[:m.start("name")].strip() or text[:m.start("name")].rstrip()[-1] in ".!?:;-(\"'“‘"


def building_spans(text: str) -> List[Span]:
    """Named workplaces, places of worship, clubs and firms ([ORG]), and named places people live ([ADDRESS])."""
    found: List[Span] = []
    for pattern, kind in ((LIVING_NAMED, "ADDRESS"), (ORG_NAMED, "ORG")):
        for m in pattern.finditer(text):
            offset = _name_start(m.group("name"), m.group("v"))
            if offset is not None and not _common_start(text, m):
                start, end = m.start("name") + offset, m.start("v") + len(m.group("v").rstrip(",. "))
                found.append(Span(start, end, kind, text[start:end]))
    found.extend(Span(m.start("v"), m.end("v"), "ORG", m.group("v")) for m in ORG_PREFIXED.finditer(text))
    return found

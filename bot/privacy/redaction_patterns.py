"""Structured personal details found by regular expressions: contact details, numbers, addresses, schools.

Split from ``bot/privacy/redaction.py`` so each rule family stays readable. Every pattern is compiled once; the
finders run on every stored event, so none of them tokenises or loads anything per call.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import FrozenSet, List

from bot.guidance.loader import GUIDANCE_DIR
from bot.privacy.redaction_lexicon import NOT_NAMES, Span, concept_words, is_english, is_place, word_set

# ---------------------------------------------------------------- contact details
EMAIL = re.compile(r"\b[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\b")
# "jo dot bloggs at example dot com", "bisi.cole at example dot com": the local part must look like an address
# (a dot, underscore or digit, or a spelled "dot"), so "look at example dot com" is not taken.
_DOT = r"(?:\s*(?:\(dot\)|\[dot\])\s*|\s+dot\s+|\.)"
SPELLED_EMAIL = re.compile(
    rf"\b(?:[A-Za-z0-9_%+-]+(?:{_DOT}[A-Za-z0-9_%+-]+)+|[A-Za-z]*[0-9_][A-Za-z0-9_]*)"
    rf"\s*(?:\s+at\s+|\(at\)|\[at\])\s*[A-Za-z0-9-]+(?:{_DOT}[A-Za-z0-9-]+)*"
    rf"{_DOT}(?:com|org|net|co|uk|gov|nhs|ac|sch|edu|io|me|info)\b", re.I)
# After "email", a plain local part is enough: "sisters email laurakemp at example dot org".
EMAIL_CUED = re.compile(rf"\be-?mail(?:\s+address)?(?:\s+is)?\s*:?\s+(?P<e>[A-Za-z][A-Za-z0-9]{{2,}}\s+at\s+"
                        rf"[A-Za-z0-9-]+(?:{_DOT}[A-Za-z0-9-]+)*{_DOT}"
                        rf"(?:com|org|net|co|uk|gov|nhs|ac|sch|edu|io|me|info))\b", re.I)
# A social media handle: @name, or a user name with an underscore, a dotted name with a digit, leetspeak.
HANDLE_AT = re.compile(r"(?<![\w@.])@[A-Za-z0-9_][A-Za-z0-9_.]*[A-Za-z0-9_]")
HANDLE_BARE = re.compile(
    r"(?<![\w@./-])(?:[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_.]*[A-Za-z0-9]"
    r"|[A-Za-z][A-Za-z0-9]{2,}\.(?=[A-Za-z0-9_]*[A-Za-z])(?=[A-Za-z0-9_]*\d)[A-Za-z0-9_]+"
    r"|(?=[A-Za-z0-9]{5,})[A-Za-z]+\d+[A-Za-z]+\d*[A-Za-z]*)(?![\w@-])")
HANDLE_CUE = re.compile(r"\b(?:snap(?:chat)?|insta(?:gram)?|ig|tiktok|tik tok|twitter|x|fb|facebook|username|"
                        r"user name|handle|account|gamertag|discord|telegram)"
                        r"(?:\s*(?:is|name|user(?:name)?|account|called|named|as|:|-|=|@|\())*\s*$", re.I)
# A name shown in brackets after a platform ("on his facebook (Ryan Barlow Kettering)") is the account's name.
HANDLE_BRACKETED = re.compile(r"\b(?:facebook|fb|insta(?:gram)?|snap(?:chat)?|tiktok|twitter)\s*\((?P<h>[^()]{2,40})\)",
                              re.I)
HANDLE_AFTER_CUE = re.compile(r"[A-Za-z][A-Za-z0-9_.]*[A-Za-z0-9_]")

# ---------------------------------------------------------------- numbers
# Postcode areas of the UK, so an outward code alone ("NN16", "E1") is told from a year group ("Y6") or KS2.
AREAS = sorted(word_set(
    "AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH "
    "EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M "
         "ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST "
         "SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE"))
_AREA = "(?:" + "|".join(sorted(AREAS, key=len, reverse=True)) + ")"
POSTCODE = re.compile(r"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-HJKMNPR-Y]? ?[0-9][ABD-HJLNP-UW-Z]{2})\b", re.I)
_AREA2 = "(?:" + "|".join(a.lower() for a in AREAS if len(a) == 2) + ")"
# "S47", "S17", "S20": sections of the Children Act, not Sheffield; "L1".."L4": levels of need, not Liverpool.
OUTWARD = re.compile(rf"(?<![\w/-])(?!S(?:11|17|20|31|44|46|47)\b|L\d\b)"
                     rf"(?:{_AREA}\d{{1,2}}[A-Z]?|{_AREA2}\d{{1,2}})(?![\w/-])")
PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)44[\s-]?(?:\(0\)[\s-]?)?|\(?0)\d[\d\s\-()]{7,13}\d(?!\w)")
NHS_CONTEXT = re.compile(r"\bNHS\s*(?:number|no\.?|num|#)?\s*(?:is|:)?\s*$", re.I)
NHS = re.compile(r"(?<![\w+])\d{3}[\s-]?\d{3}[\s-]?\d{4}(?!\w)")
NI_NUMBER = re.compile(r"\b(?:[A-Z]{2}(?:\s?\d{2}){3}\s?[A-D]|[a-z]{2}(?:\s?\d{2}){3}\s?[a-d])\b")
# Vehicle registrations: current (AB12 CDE) anywhere in capitals; prefix (M123 ABC) and suffix (GHJ 412T)
# formats only near a vehicle word, as they look like other codes.
VEHICLE = re.compile(r"\b[A-Z]{2}\d{2}\s?[A-Z]{3}\b")
VEHICLE_OLD = re.compile(r"\b(?:[A-Z]\d{1,3}\s?[A-Z]{3}|[A-Z]{3}\s?\d{1,3}[A-Z])\b")
VEHICLE_CUE = re.compile(r"\b(?:reg|registration|plate|vrm|car|van|vehicle|veh|transit|motor|taxi|driving|drives|"
                         r"drove|pickup|pick-up|truck|lorry|moped|motorbike|scooter|bike|4x4|suv|minibus|bmw|audi|ford|vauxhall|corsa|golf|merc|mercedes|focus|fiesta|astra|polo|clio|jeep)\b",
                         re.I)
# Reference numbers: letters then digits (RX1234567, INC-20931), slashed or dashed case numbers
# (22/123456/26, SGO-2024-118), incident logs ("CAD 1234 of 05/12"), and bare runs of five or more digits.
REF_LOG = re.compile(r"\b(?:CAD|log|incident|serial|occurrence)\s*(?:no\.?|number|#)?\s*(?P<ref>\d{2,6}\s+(?:of\s+)?"
                     r"\d{1,2}/\d{1,2}(?:/\d{2,4})?)", re.I)
REF_CODE = re.compile(r"(?<![\w/-])(?:[A-Z]{1,4}-?\d{4,}|[A-Z]{1,4}\d{2,}[A-Z]{1,3}\d{3,}|"
                      r"(?:[A-Z0-9]+[/-]){1,3}[A-Z0-9]+)(?![\w/-])")
REF_DIGITS = re.compile(r"(?<![\w£$€.,/:-])\d{5,12}(?![\w/-]|,\d|[.:]\d|\s*(?:%|pounds|quid|k\b|mg|ml))")
REF_CUE = re.compile(r"\b(?:ref(?:erence)?|cpoms|crime|case|job|urn|crn|id|mosaic|log|nrm|incident|"
                     r"occurrence|file|hosp(?:ital)?\s+no|number)\s*(?:no\.?|number|#|is|:)?\s*$", re.I)

MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
          "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
DATE = (r"(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})"
        r"|\d{4}-\d{2}-\d{2}"
        rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\.?,?\s+\d{{4}}"
        rf"|(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})")
DATE_ONLY = re.compile(rf"^{DATE}$", re.I)
DOB = re.compile(
    rf"(?:\b(?:born(?:\s+on)?|b\.|d\.?o\.?b\.?(?:\s+(?:is|was|given\s+as|of|:))?(?:\s+(?:of\s+)?[a-z]{{2,10}})?|date\s+of\s+birth(?:\s+(?:is|was))?|"
    rf"birthday\s+(?:is|was))\s*[:\-]?\s*"
    rf"(?:the\s+)?(?P<date>{DATE})(?:\s*(?:and|&|,)\s*(?P<date2>{DATE}))?)"
    rf"|\(\s*(?:d\.?o\.?b\.?\s*:?\s*)?(?P<bracketed>{DATE})\s*\)", re.I)
BRACKETED_DOB = re.compile(rf"\(\s*(?:d\.?o\.?b|born|{DATE})", re.I)

# ---------------------------------------------------------------- addresses, schools, organisations
STREET_WORDS = ("Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Way|Crescent|Court|Gardens|Grove|Place|"
                "Terrace|Walk|Row|Hill|Square|Mews|Rise|View|Green|Parade|Boulevard|Yard|Gate|End|Estate|Side|"
                "Bank|Croft|Fold|Chase|Wharf|Quay|Meadow|Meadows|Paddock|Paddocks|Orchard|Vale|Park|Bridge")
CAP = r"(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|[A-Z]{2,}(?=\s))"
HOUSE = r"(?:House|Court|Lodge|Mansions|Tower|Heights|Cottage|Cottages|Farm|Barn|Manor|Villa|Bungalow|Hall)"
UNIT = r"(?:[Ff]lat|FLAT|[Aa]partment|[Aa]pt|[Uu]nit|[Rr]oom|[Pp]lot|[Pp]itch|[Cc]aravan|[Cc]halet|[Bb]erth)"
ADDRESS = re.compile(
    rf"\b(?:{UNIT}\s+\d+[A-Za-z]?\b,?\s*(?:(?:at\s+)?(?:{CAP}\s+){{1,2}}(?:{HOUSE}|[Ss]ite|[Pp]ark)\b,?\s*)?)?"
    rf"(?:{CAP}\s+{HOUSE},?\s+)?"
    rf"(?:\d{{1,4}}[A-Za-z]?,?\s+(?:(?:The\s+)?(?:{CAP}\s+){{0,3}}(?:{STREET_WORDS})\b\.?|The\s+{CAP})"
    rf"|(?<!NHS )(?<!nhs )(?<!phone )(?<!ref )"
    rf"(?<!case )(?<!crime )(?<!log )"
    rf"(?:number|no\.?)\s+\d{{1,4}}[A-Za-z]?\b(?![\d/])(?:,?\s+(?:{CAP}\s+){{1,3}}(?:{STREET_WORDS})\b)?)"
    rf"|\b{UNIT}\s+\d+[A-Za-z]?\b(?:,?\s*(?:at\s+)?(?:{CAP}\s+){{1,3}}(?:{HOUSE}|[Ss]ite|[Pp]ark|{STREET_WORDS})\b"
    rf"(?:\s+(?:travellers?|caravan|[Tt]ravellers?|[Cc]aravan)\s+[Ss]ite\b)?)?")
# A house number and one name with no street word, after "at" or "live at" ("at 16 Swallowfield, Kempston"), and a
# street typed in lower case after "at" or "on" ("they live at 14 larkspur close corby").
NUMBER_NAME = re.compile(rf"\b(?:at|address(?:\s+is)?|to|from)\s+(?P<a>\d{{1,4}}[A-Za-z]?\s+"
                         rf"(?!(?:{MONTHS}|AM|PM|Am|Pm)\b)[A-Z][a-z]{{3,}})(?=\s*(?:,|\.|;|$|\s+(?:in|on|near|and|with)\b))")
LOWER_STREET = re.compile(r"\b(?:at|address(?:\s+is)?|on|to|from)\s+(?P<a>\d{1,4}[a-z]?\s+(?:[a-z]{3,}\s+){1,2}"
                          r"(?:road|rd|street|lane|close|drive|avenue|ave|way|crescent|gardens|grove|court|place|"
                          r"terrace|walk|row|mews|rise|view|green|square)\b)")
# A street with no number: "on Victoria Street", "Montagu St", "Green Lane"; a house or block name.
NAMED_STREET = re.compile(
    rf"\b(?P<street>(?:{CAP}\s+){{1,3}}(?:Road|Rd|Street|Lane|Ln|Avenue|Ave|Close|Drive|Crescent|Gardens|Grove|"
    rf"Terrace|Mews|Rise|Way|Walk|Row|Place|Estate|estate|St(?!\.?\s+[A-Z]))\b)")
NAMED_HOUSE = re.compile(rf"\b(?P<house>{CAP}\s+{HOUSE}|(?:the|The)\s+{CAP}\s+estate)\b")
HOUSE_AFTER = re.compile(rf"\b(?:at|address|house|from|bungalow|called)\s+(?P<house>The\s+(?:{CAP}\s+)?{CAP})"
                         rf"(?=\s*(?:,|\.|$|\s+on\b|\s+the\b|\s+childrens?\b))")
# A one-word or two-word house name after "at" ("at Hillview,", "at Ty Gwyn,"): only words that are no English word.
HOUSE_AT = re.compile(rf"\b(?:at|address)\s+(?P<house>(?!The\b){CAP}(?:\s+{CAP})?)(?=\s*(?:,|\.|$|\s+the\b))")
NOT_STREETS = word_set("""the a an this that his her their my our your child children family crown magistrates
county youth high town city village council care safe halfway open supreme coroners private
main front same one which no""")

SCHOOL_KIND = (r"(?:Primary|Infant|Infants|Junior|Juniors|Nursery|High|Secondary|Grammar|Middle|First|Community|"
               r"Church|Catholic|Academy|College|School|Pre-?school|Federation)")
SCHOOL = re.compile(
    rf"\b(?:(?:St\.?|Saint)\s+{CAP}(?:\s+(?:and|&)\s+(?:St\.?|Saint)\s+{CAP})?"
    rf"(?:\s+(?:C\s?of\s?E|CE|CofE|RC|Catholic|Church\s+of\s+England|VA|VC))?"
    rf"(?:\s+{SCHOOL_KIND})+"
    rf"|(?:(?!(?:The|A|An|Her|His|Their|My|Our|Your|This|That|Local|Primary|Secondary|High|Junior|Infant)\b)"
    rf"{CAP}\s+){{1,3}}(?:(?:C\s?of\s?E|CE|RC|Church\s+of\s+England)\s+)?(?:{SCHOOL_KIND}\s+)*"
    rf"(?:Academy|School|College|Primary|Infants|Juniors|Nursery|Pre-?school|High))\b")
SCHOOL_GENERIC = re.compile(rf"^(?:(?:{SCHOOL_KIND}|Special|Free|Independent|Boarding|Sunday|Forest)\s*)+$")
ORG = re.compile(
    rf"\b(?P<org>(?:{CAP}\s+){{1,3}}(?:Care\s+Home|Home|Garden|Grill|Cars|Taxis|Nails|Car\s+Wash|Hub|Centre|Cafe|"
    rf"Café|Takeaway|Kebabs?|Pizza|Restaurant|Bar|Club|Gym|Salon|Barbers?|Motors|Garage|Stores?|Hotel|Inn|"
    rf"Arms|Tavern|Express|Supermarket|Chippy|Fit)\b)")
# Words of a public service's name ("Multi-Agency Safeguarding Hub", "Families Information Service"): kept.
SERVICE_WORDS = word_set("""safeguarding agency multi family families information service services support
council partnership children childrens children's health community respite early help borough county city
public nhs police social education learning inclusion mental offending justice domestic abuse personalisation
women's womens refuge housing advice citizens customer agency""")
ORG_SUFFIX = word_set("""care home garden grill cars taxis nails car wash hub centre cafe café takeaway kebab kebabs
pizza restaurant bar club gym salon barber barbers motors garage store stores hotel inn arms tavern express supermarket
chippy fit""")
WORKS_AT = re.compile(rf"\b(?:works?|working|worked|job|shift)\s+(?:at|for|in)\s+(?:the\s+)?"
                      rf"(?P<org>{CAP}(?:\s+{CAP}){{0,3}})")


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@lru_cache(maxsize=1)
def service_numbers() -> FrozenSet[str]:
    """Public service numbers from guidance/ (front doors, helplines): not personal, and useful in a record."""

    numbers = {"999", "111", "08088005000", "116111"}
    try:
        for path in GUIDANCE_DIR.glob("*.yml"):
            numbers.update(digits(m.group()) for m in PHONE.finditer(path.read_text(encoding="utf-8")))
    except OSError:
        pass
    return frozenset(numbers)


@lru_cache(maxsize=1)
def service_emails() -> FrozenSet[str]:
    """Public service mailboxes from guidance/ (front doors, partnerships): not personal."""

    try:
        return frozenset(m.group().lower() for path in GUIDANCE_DIR.glob("*.yml")
                         for m in EMAIL.finditer(path.read_text(encoding="utf-8")))
    except OSError:
        return frozenset()


def phone_ok(candidate: str) -> bool:
    """A UK number once the +44 / 0044 prefix is read as 0: 10 or 11 digits starting 0."""
    number = digits(candidate)
    if number.startswith("0044"):
        number = "0" + number[4:]
    elif number.startswith("44") and candidate.lstrip().startswith("+"):
        number = "0" + number[2:]
    if number.startswith("00"):
        number = number[1:]
    return number.startswith("0") and len(number) in (10, 11)


def nhs_check_digit_ok(number: str) -> bool:
    """The NHS number's mod-11 check: weights 10..2 over the first nine digits."""
    if len(number) != 10 or not number.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(number[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(number[9])


def _words_kept(value: str, street: bool = False) -> bool:
    """True if a street/house/org candidate is really a place we keep ("Great Yarmouth") or ordinary words
    ("Family Court", "the Hospital"). "Wellingborough Road" is a street, so only the whole value counts."""
    words = value.replace(",", " ").split()
    if words and words[0] in ("The", "the") and len(words) > 1:
        words = words[1:]
    first = words[0].lower()
    if is_place(words) or first in NOT_STREETS:
        return True
    # A street word settles it ("Bath Road", "Church Lane"); otherwise a worry word or service word is kept.
    return not street and (first in NOT_NAMES or first in concept_words())


def contact_spans(text: str) -> List[Span]:
    """Emails (written or spelled out), phone numbers, NHS and NI numbers, DOBs, postcodes, vehicles."""
    found: List[Span] = []
    for m in EMAIL.finditer(text):
        if m.group().lower() not in service_emails():
            found.append(Span(m.start(), m.end(), "EMAIL", m.group()))
    found.extend(Span(m.start(), m.end(), "EMAIL", m.group()) for m in SPELLED_EMAIL.finditer(text))
    found.extend(Span(m.start("e"), m.end("e"), "EMAIL", m.group("e")) for m in EMAIL_CUED.finditer(text))
    for m in DOB.finditer(text):
        for group in ("date", "date2", "bracketed"):
            if m.group(group):
                found.append(Span(m.start(group), m.end(group), "DOB", m.group(group)))
    for m in NHS.finditer(text):
        if nhs_check_digit_ok(digits(m.group())) or NHS_CONTEXT.search(text[max(0, m.start() - 30):m.start()]):
            found.append(Span(m.start(), m.end(), "NHS_NUMBER", m.group()))
    for m in PHONE.finditer(text):
        value = m.group().rstrip(" -(")
        if phone_ok(value) and digits(value) not in service_numbers():
            found.append(Span(m.start(), m.start() + len(value), "PHONE", value))
    for m in POSTCODE.finditer(text):
        value = m.group()
        # upper case, or lower case only when it is wholly a postcode ("nr30 1ab"), not a mixed-case word.
        if value.isupper() or re.fullmatch(r"[a-z]{1,2}\d[a-z\d]? ?\d[a-z]{2}", value):
            found.append(Span(m.start(), m.end(), "POSTCODE", value))
    found.extend(Span(m.start(), m.end(), "POSTCODE", m.group()) for m in OUTWARD.finditer(text))
    found.extend(Span(m.start(), m.end(), "NI_NUMBER", m.group()) for m in NI_NUMBER.finditer(text))
    found.extend(Span(m.start(), m.end(), "VEHICLE_REG", m.group()) for m in VEHICLE.finditer(text))
    for m in VEHICLE_OLD.finditer(text):
        if VEHICLE_CUE.search(text[max(0, m.start() - 40):m.start()]):
            found.append(Span(m.start(), m.end(), "VEHICLE_REG", m.group()))
    return found


def handle_and_reference_spans(text: str) -> List[Span]:
    """Social media handles and reference numbers (case, crime, incident, hospital numbers)."""
    found = [Span(m.start(), m.end(), "HANDLE", m.group()) for m in HANDLE_AT.finditer(text)]
    for m in HANDLE_BARE.finditer(text):
        cued = bool(HANDLE_CUE.search(text[max(0, m.start() - 30):m.start()]))
        if not DATE_ONLY.match(m.group()) and not m.group().isupper() and (cued or not _identifier(m.group())):
            found.append(Span(m.start(), m.end(), "HANDLE", m.group()))
    for m in HANDLE_AFTER_CUE.finditer(text):
        cued = bool(HANDLE_CUE.search(text[max(0, m.start() - 30):m.start()]))
        if cued and (not m.group().isalpha() or _made_up(m.group())):
            found.append(Span(m.start(), m.end(), "HANDLE", m.group()))
    found.extend(Span(m.start("h"), m.end("h"), "HANDLE", m.group("h")) for m in HANDLE_BRACKETED.finditer(text))
    found.extend(Span(m.start("ref"), m.end("ref"), "REFERENCE", m.group("ref")) for m in REF_LOG.finditer(text))
    for m in REF_CODE.finditer(text):
        value = m.group()
        if DATE_ONLY.match(value) or sum(c.isdigit() for c in value) < 3 or re.fullmatch(r"\d{1,2}/\d{1,2}", value):
            continue
        groups = re.split(r"[/-]", value)
        lettered = any(g.isalpha() for g in groups) or bool(re.match(r"[A-Z]{1,4}-?\d{4,}$", value))
        numbered = lettered or any(len(g) >= 5 and g.isdigit() for g in groups) or REF_CUE.search(text[:m.start()])
        other_kind = POSTCODE.fullmatch(value) or OUTWARD.fullmatch(value) or VEHICLE.fullmatch(value)
        if numbered and not other_kind:
            found.append(Span(m.start(), m.end(), "REFERENCE", value))
    phones = [m.span() for m in PHONE.finditer(text) if phone_ok(m.group())]  # service numbers stay
    for m in REF_DIGITS.finditer(text):
        if not any(a <= m.start() and m.end() <= b for a, b in phones):
            found.append(Span(m.start(), m.end(), "REFERENCE", m.group()))
    return found


def _service(value: str) -> bool:
    """A public service's name ("Early Help Hub", "Children's Centre"), not a workplace that names a person's job."""
    words = [w.lower().strip("'’") for w in re.split(r"[\s-]+", value)]
    while len(words) > 1 and words[-1] in ORG_SUFFIX:
        words.pop()
    return any(w in SERVICE_WORDS for w in words)


def _made_up(word: str) -> bool:
    """A made-up user name after a platform word ("on insta ebonyxraee"): lower case, no English word or name."""
    low = word.lower()
    return word.islower() and len(word) > 4 and not is_english(low) and low not in NOT_NAMES \
        and low not in concept_words() and not is_place([low])


def _identifier(value: str) -> bool:
    """A system id such as an area or slot name ("bedford_borough", "northamptonshire_2022", "sos_worried"):
    every part an English word, a place, or digits. Such ids sit in stored slot values and must survive."""
    parts = [p for p in re.split(r"[_.]", value.lower()) if p]
    # "nn23", "k99": letters no English word beside digits are made up, not a system id ("under13" is one)
    mixed = any(re.search(r"[a-z]\d|\d[a-z]", p) and not is_english(re.sub(r"\d", "", p)) for p in parts)
    if value.islower() and "_" in value and not mixed and any(len(p) > 2 and is_english(p) for p in parts):
        return True
    return all(p.isdigit() or is_english(p) or is_place([p]) or len(p) <= 3 and p.isalpha() and p in
               ("sos", "ehm", "ehc", "cin", "cp", "la", "nhs", "id", "no", "ok") for p in parts)


def place_spans(text: str) -> List[Span]:
    """Addresses (numbered, unit, plot, pitch, named streets, house names), schools and workplaces."""
    found: List[Span] = []
    for m in SCHOOL.finditer(text):
        if not SCHOOL_GENERIC.match(m.group()) and len(m.group().split()) > 1 and not _words_kept(m.group(), True):
            found.append(Span(m.start(), m.end(), "SCHOOL", m.group()))
    for m in ADDRESS.finditer(text):
        value = m.group().rstrip(".,").rstrip()
        if not is_place(value.split()):
            found.append(Span(m.start(), m.start() + len(value), "ADDRESS", value))
    for pattern in (NUMBER_NAME, LOWER_STREET):
        for m in pattern.finditer(text):
            words = m.group("a").split()[1:]
            if not any(w.lower() in NOT_NAMES or w.lower() in concept_words() or is_place([w]) for w in words[:-1]
                       if pattern is LOWER_STREET) and not (pattern is NUMBER_NAME and _words_kept(words[0])):
                found.append(Span(m.start("a"), m.end("a"), "ADDRESS", m.group("a")))
    for pattern, group, kind in ((NAMED_STREET, "street", "ADDRESS"), (NAMED_HOUSE, "house", "ADDRESS"),
                                 (HOUSE_AFTER, "house", "ADDRESS"), (HOUSE_AT, "house", "ADDRESS"), (ORG, "org", "ORG"),
                                 (WORKS_AT, "org", "ORG")):
        for m in pattern.finditer(text):
            value = m.group(group)
            if pattern is HOUSE_AT and any(is_english(w.lower()) for w in value.split()):
                continue
            if kind == "ORG" and _service(value):
                continue
            if not _words_kept(value, street=pattern in (NAMED_STREET, HOUSE_AFTER)):
                found.append(Span(m.start(group), m.end(group), kind, value))
    return found

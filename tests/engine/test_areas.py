"""Area resolution: towns to areas, look-alikes refused, unknown places never guessed."""

import pytest

from bot.guidance.areas import AreaResolver
from bot.guidance.gazetteer import outside_named_first
from bot.guidance.loader import cached_areas

RESOLVER = AreaResolver(cached_areas())


@pytest.mark.parametrize("text, area", [
    ("Northampton", "northamptonshire"), ("Kettering", "northamptonshire"), ("Corby", "northamptonshire"),
    ("we're in Norwich", "norfolk"), ("King's Lynn", "norfolk"), ("kings lynn", "norfolk"),
    ("Gt Yarmouth", "norfolk"), ("Great Yarmouth", "norfolk"), ("Bedford", "bedford_borough"),
    ("Kempston", "bedford_borough"), ("Nottingham", "nottingham_city"), ("Bulwell", "nottingham_city"),
    ("NORTHAMPTONSHIRE", "northamptonshire"),
    # Police and health shorthand for the cities (set O: "Nottm city centre", "Nottm NG7").
    ("Nottm city centre", "nottingham_city"), ("Nottm NG7", "nottingham_city"), ("Nott'm", "nottingham_city"),
    ("N'hampton", "northamptonshire"),
    # Estates and wards users name as their place (set P).
    ("Far Cotton", "northamptonshire"), ("Mile Cross", "norfolk"), ("Highbury Vale", "nottingham_city"),
])
def test_known_places(text, area):
    match = RESOLVER.resolve(text)
    assert match is not None and match.area == area


@pytest.mark.parametrize("text", ["Mansfield", "Nottinghamshire", "Luton", "Central Bedfordshire", "Dunstable",
                                  "Notts"])
def test_look_alike_authorities_are_not_covered(text):
    match = RESOLVER.resolve(text)
    assert match is not None and match.area is None and match.not_covered


@pytest.mark.parametrize("text", ["Leeds", "Narnia", "", None, "Bedfordshire"])
def test_unknown_places_are_not_guessed(text):
    assert RESOLVER.resolve(text) is None


@pytest.mark.parametrize("text", ["West Bridgford, Nottingham", "Beeston, Nottingham", "Arnold nr Nottingham",
                                  "Flitwick, near Bedford", "Leighton Buzzard, Beds"])
def test_a_look_alike_town_named_first_beside_a_covered_name_is_not_covered(text):
    """The place named first is where the child is; the covered name beside it is only where it is near."""
    match = RESOLVER.resolve(text)
    assert match is not None and match.area is None and match.not_covered


@pytest.mark.parametrize("text, area", [("Bulwell, Nottingham", "nottingham_city"),
                                        ("Kempston, Bedford", "bedford_borough"),
                                        ("Great Yarmouth, Norfolk", "norfolk")])
def test_a_covered_town_named_with_its_city_stays_covered(text, area):
    match = RESOLVER.resolve(text)
    assert match is not None and match.area == area


def test_in_an_answer_a_place_we_do_not_cover_named_first_wins_but_not_in_a_longer_message():
    from bot.language.reading import read_message

    assert outside_named_first("Sandy, not far from Bedford", "bedford").council == "Central Bedfordshire Council"
    assert read_message("Sandy, not far from Bedford", "triage_area").place.outside is not None
    # in a longer message the first place may be where someone else lives
    place = read_message("my mum lives in Leeds but we are in Corby and I'm worried about my son").place
    assert place is not None and place.area == "northamptonshire"

"""Area resolution: towns to areas, look-alikes refused, unknown places never guessed."""

import pytest

from bot.areas import AreaResolver
from bot.guidance.loader import cached_areas

RESOLVER = AreaResolver(cached_areas())


@pytest.mark.parametrize("text, area", [
    ("Northampton", "northamptonshire"), ("Kettering", "northamptonshire"), ("Corby", "northamptonshire"),
    ("we're in Norwich", "norfolk"), ("King's Lynn", "norfolk"), ("kings lynn", "norfolk"),
    ("Gt Yarmouth", "norfolk"), ("Great Yarmouth", "norfolk"), ("Bedford", "bedford_borough"),
    ("Kempston", "bedford_borough"), ("Nottingham", "nottingham_city"), ("Bulwell", "nottingham_city"),
    ("NORTHAMPTONSHIRE", "northamptonshire"),
])
def test_known_places(text, area):
    match = RESOLVER.resolve(text)
    assert match is not None and match.area == area


@pytest.mark.parametrize("text", ["Mansfield", "Nottinghamshire", "Luton", "Central Bedfordshire", "Dunstable"])
def test_look_alike_authorities_are_not_covered(text):
    match = RESOLVER.resolve(text)
    assert match is not None and match.area is None and match.not_covered


@pytest.mark.parametrize("text", ["Leeds", "Narnia", "", None, "Bedfordshire"])
def test_unknown_places_are_not_guessed(text):
    assert RESOLVER.resolve(text) is None

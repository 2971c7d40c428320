"""The safety-net message: 999 first, then the real front doors from guidance/."""

from bot.features.safety_net import safety_net_message
from bot.guidance.loader import cached_areas


def test_mentions_999_and_every_area_door():
    text = safety_net_message()
    assert "999" in text
    for area in cached_areas().values():
        assert area.name in text
    assert "0300 126 7000" in text and "0115 876 4800" in text


def test_known_area_gives_only_that_door():
    text = safety_net_message("nottingham_city")
    assert "0115 876 4800" in text and "0300 126 7000" not in text


def test_public_in_norfolk_gets_the_public_line():
    assert "0344 800 8020" in safety_net_message("norfolk", "public")

"""The message a user gets when part of the system is down: never silence, always 999 and the doors.

Built from ``guidance/`` (never typed in by hand), so the numbers are the seeds' numbers.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from bot.engine.routes import front_door, route_door
from bot.guidance.loader import cached_areas

PREFIX = "Sorry, something went wrong on my side and I can't finish that step right now."
DANGER = "If a child is in immediate danger, call 999."


def door_line(area_id: str, role: str = "professional") -> str:
    area = cached_areas()[area_id]
    route = front_door(area, role)
    return f"{area.name}: {route_door(route, route.contact_missing or route.how)}"


@lru_cache(maxsize=16)
def safety_net_message(area_id: Optional[str] = None, role: str = "professional") -> str:
    """999 first, then the front door for the known area (or every area we cover)."""
    areas = cached_areas()
    ids = [area_id] if area_id in areas else sorted(areas)
    doors = "; ".join(door_line(a, role) for a in ids)
    return (f"{PREFIX} {DANGER} Otherwise contact the children's social care front door. {doors}. "
            "Please try again in a moment: what you have told me so far is kept.")

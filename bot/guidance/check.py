"""`python -m bot.guidance.check [FILE]`: validate guidance/ (or one file) and summarise each area."""

from __future__ import annotations

import sys
from pathlib import Path

from pydantic import ValidationError

from bot.guidance.areas import AreaResolver
from bot.guidance.gazetteer import GAZETTEER_FILE, PlaceFinder, load_gazetteer
from bot.guidance.loader import GuidanceError, _explain, _read_yaml, load_areas, load_concepts
from bot.guidance.models import AreaGuidance, AreaSupplement


def check_one(path: Path) -> int:
    """Validate a single file on its own (a supplement without its area file)."""
    data = _read_yaml(path)
    model = AreaSupplement if "supplement_of" in data else AreaGuidance
    try:
        parsed = model.parse_obj(data)
    except ValidationError as exc:
        print(_explain(path.name, exc), file=sys.stderr)
        return 1
    concepts = {c.id for c in load_concepts().concepts}
    unknown = sorted({c for i in parsed.indicators + parsed.history for c in i.concepts} - concepts)
    docs = {d.id for d in parsed.documents}
    bad_docs = sorted({i.source.document for i in parsed.indicators + parsed.history} - docs)
    print(f"{path.name}: valid, {len(parsed.indicators)} indicators "
          f"({sum(i.s47 for i in parsed.indicators)} s47), {len(parsed.history)} history")
    for label, items in (("unknown concepts", unknown), ("unknown documents", bad_docs)):
        if items:
            print(f"  {label}: {items}", file=sys.stderr)
    return 1 if unknown or bad_docs else 0


def main(argv: list[str]) -> int:
    if argv:
        return max(check_one(Path(a)) for a in argv)
    try:
        areas = load_areas()
        concepts = {c.id for c in load_concepts().concepts}
    except GuidanceError as exc:
        print(exc, file=sys.stderr)
        return 1
    status = 0
    for area in areas.values():
        unknown = sorted({c for i in area.indicators for c in i.concepts} - concepts)
        s47 = sum(1 for i in area.indicators if i.s47)
        print(f"{area.area}: {len(area.indicators)} indicators ({s47} s47), {len(area.routes)} routes, "
              f"{len(area.history)} history")
        if unknown:
            print(f"  unknown concepts: {unknown}", file=sys.stderr)
            status = 1
    return max(status, check_gazetteer())


def check_gazetteer() -> int:
    """The UK gazetteer (places we don't cover) must load and never name a place inside a covered area."""

    try:
        finder = PlaceFinder(load_gazetteer())
    except (ValidationError, OSError) as exc:
        print(f"{GAZETTEER_FILE.name}: {exc}", file=sys.stderr)
        return 1
    resolver = AreaResolver(load_areas())
    covered = [name for name in finder.names() if resolver.resolve(name)]
    print(f"{GAZETTEER_FILE.name}: {len(finder.names())} places outside the covered areas")
    if covered:
        print(f"  places inside a covered area: {covered}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

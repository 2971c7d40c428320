"""Load and validate ``guidance/`` once per process.

Area files are merged with their supplements (older documents) before
validation, so cross-references are checked over the whole area.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Tuple

import yaml
from pydantic import ValidationError

from bot.guidance.models import SUPPLEMENT_LISTS, AreaGuidance, AreaSupplement, ConceptLexicon, RedFlagPolicy
from bot.settings import GUIDANCE_DIR

CONCEPTS_FILE = "concepts.yml"


class GuidanceError(Exception):
    """A guidance file is malformed; the message names the file and the field."""


def _read_yaml(path: Path) -> Dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise GuidanceError(f"{path.name}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise GuidanceError(f"{path.name}: top level must be a mapping")
    return data


def _explain(path_names: str, exc: ValidationError) -> GuidanceError:
    lines = [f"{path_names}: invalid guidance"]
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"])
        lines.append(f"  at {where}: {err['msg']}")
    return GuidanceError("\n".join(lines))


RED_FLAGS_FILE = "red_flags.yml"


def _area_files(directory: Path) -> List[Path]:
    return sorted(p for p in directory.glob("*.yml")
                  if not p.name.startswith("concepts") and p.name != RED_FLAGS_FILE)


def load_areas(directory: Path = GUIDANCE_DIR) -> Dict[str, AreaGuidance]:
    """Validate every area file (merged with its supplements); raise GuidanceError naming the culprit."""
    mains: Dict[str, Tuple[Path, Dict]] = {}
    supplements: List[Tuple[Path, Dict]] = []
    for path in _area_files(directory):
        data = _read_yaml(path)
        if "supplement_of" in data:
            try:
                AreaSupplement.parse_obj(data)
            except ValidationError as exc:
                raise _explain(path.name, exc) from exc
            supplements.append((path, data))
        else:
            mains[data.get("area", path.stem)] = (path, data)
    names = {area: [path.name] for area, (path, _) in mains.items()}
    for path, data in supplements:
        if data["supplement_of"] not in mains:
            raise GuidanceError(f"{path.name}: supplement_of {data['supplement_of']!r} has no area file")
        target = mains[data["supplement_of"]][1]
        for key in SUPPLEMENT_LISTS:
            extra = list(data.get(key, []))
            if key == "documents":  # a document both files declare must be declared identically
                known = {d["id"]: d for d in target.get(key, [])}
                for doc in [d for d in extra if d["id"] in known]:
                    if doc != known[doc["id"]]:
                        raise GuidanceError(f"{path.name}: document {doc['id']!r} differs from the area file's")
                extra = [d for d in extra if d["id"] not in known]
            target[key] = list(target.get(key, [])) + extra
        names[data["supplement_of"]].append(path.name)
    areas: Dict[str, AreaGuidance] = {}
    for area, (_path, data) in mains.items():
        try:
            areas[area] = AreaGuidance.parse_obj(data)
        except ValidationError as exc:
            raise _explain(" + ".join(names[area]), exc) from exc
    return areas


def load_concepts(directory: Path = GUIDANCE_DIR) -> ConceptLexicon:
    """concepts.yml plus any concepts_*.yml (e.g. the immediate-danger lexicon); ids must be unique."""
    merged: List[Dict] = []
    for path in [directory / CONCEPTS_FILE] + sorted(directory.glob("concepts_*.yml")):
        try:
            merged.extend(ConceptLexicon.parse_obj(_read_yaml(path)).dict()["concepts"])
        except ValidationError as exc:
            raise _explain(path.name, exc) from exc
    ids = [c["id"] for c in merged]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise GuidanceError(f"concept ids defined twice: {dupes}")
    return ConceptLexicon(schema_version=1, concepts=merged)


def load_red_flags(directory: Path = GUIDANCE_DIR) -> RedFlagPolicy:
    path = directory / RED_FLAGS_FILE
    try:
        return RedFlagPolicy.parse_obj(_read_yaml(path))
    except ValidationError as exc:
        raise _explain(path.name, exc) from exc


def content_hash(directory: Path) -> str:
    """A short hash of the names and contents of a folder's YAML files."""
    digest = hashlib.sha256()
    for path in sorted(directory.glob("*.yml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def guidance_version(directory: Path = GUIDANCE_DIR) -> str:
    """A short content hash of every guidance file: advice names the exact knowledge it rests on."""
    return content_hash(directory)


@lru_cache(maxsize=1)
def cached_areas() -> Dict[str, AreaGuidance]:
    return load_areas()


@lru_cache(maxsize=1)
def cached_concepts() -> ConceptLexicon:
    """Concepts with the red-flag policy applied: a listed concept is s47 whatever concepts.yml says."""
    lexicon = load_concepts()
    flagged = {f.concept for f in load_red_flags().red_flags}
    unknown = flagged - {c.id for c in lexicon.concepts}
    if unknown:
        raise GuidanceError(f"{RED_FLAGS_FILE}: unknown concepts {sorted(unknown)}")
    return ConceptLexicon(schema_version=1, concepts=[c.copy(update={"s47": c.s47 or c.id in flagged})
                                                      for c in lexicon.concepts])

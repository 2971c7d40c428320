"""The layout is the architecture (issue 16): wings that import only downward, small modules, one copy of each
decision's data. These fail on a regression; docs/architecture.md says why each rule exists."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Iterator, Tuple

import pytest

from bot.guidance.areas import COVERED_NAMES
from bot.guidance.loader import cached_areas

ROOT = Path(__file__).resolve().parents[1]
# wing -> the wings it may import (besides itself). actions/ and channels/ sit on top and may import any wing.
ALLOWED = {
    "settings": set(),
    "guidance": {"settings"},
    "language": {"settings", "guidance"},
    "engine": {"settings", "guidance", "language", "privacy"},
    "privacy": {"settings", "guidance", "language"},
    "render": {"settings", "guidance", "language", "engine"},
    "features": {"settings", "guidance", "language", "engine", "render"},
    "storage": {"settings", "guidance", "language", "engine", "privacy"},
    "runtime": {"settings", "guidance", "language", "engine", "privacy", "render", "features", "storage"},
    "__main__": {"runtime"},
    "__init__": set(),
}
MAX_LINES = 400


def _modules(*folders: str) -> Iterator[Path]:
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations/versions" not in path.as_posix():
                yield path


def _wing(module: str) -> str:
    return module.split(".")[1]


def _imports(path: Path) -> Iterator[Tuple[int, str]]:
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "bot":
                yield from ((node.lineno, f"bot.{a.name}") for a in node.names)
            else:
                yield node.lineno, node.module
        elif isinstance(node, ast.Import):
            yield from ((node.lineno, a.name) for a in node.names)


def test_every_module_of_bot_is_in_a_known_wing():
    unknown = {_wing(".".join(p.relative_to(ROOT).with_suffix("").parts)) for p in _modules("bot")} - set(ALLOWED)
    assert not unknown, f"modules outside the wings: {unknown} (add the wing to ALLOWED and docs/architecture.md)"


def test_wings_import_only_downward():
    upward = []
    for path in _modules("bot"):
        wing = _wing(".".join(path.relative_to(ROOT).with_suffix("").parts))
        for line, name in _imports(path):
            if name.split(".")[0] in ("actions", "channels"):
                upward.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
            elif name.startswith("bot.") and _wing(name) != wing and _wing(name) not in ALLOWED[wing]:
                upward.append(f"{path.relative_to(ROOT)}:{line} ({wing}) imports {name}")
    assert not upward, "imports pointing upward:\n" + "\n".join(upward)


@pytest.mark.parametrize("folder", ["bot", "actions", "channels"])
def test_no_module_is_over_400_lines(folder):
    long = [f"{p.relative_to(ROOT)}: {n}" for p in _modules(folder)
            if (n := len(p.read_text().splitlines())) > MAX_LINES]
    assert not long, f"split these modules: {long}"


def test_the_covered_area_names_are_the_guidance_files_own():
    """Every sentence listing the covered areas is built from COVERED_NAMES; an area added to guidance/ without
    its name there fails here."""
    assert set(COVERED_NAMES) == {area.name for area in cached_areas().values()}


def test_only_the_settings_module_knows_where_the_project_is():
    """Paths are computed once (bot/settings.py), so moving a module never breaks a relative path."""
    offenders = [str(p.relative_to(ROOT)) for p in _modules("bot", "actions", "channels")
                 if "parents[" in p.read_text() and p.name != "settings.py"]
    assert not offenders, f"use bot.settings paths instead: {offenders}"


# Writing TF_CPP_MIN_LOG_LEVEL before TensorFlow loads is not reading a setting: it quiets TensorFlow's own log.
ENV_WRITES = 'os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL"'


def test_only_the_settings_module_reads_the_environment():
    """Every environment variable is read through bot.settings.env, so a newcomer finds every setting from there."""
    offenders = []
    for path in _modules("bot", "actions", "channels"):
        if path.name == "settings.py":
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if ("os.environ" in line or "os.getenv" in line) and ENV_WRITES not in line:
                offenders.append(f"{path.relative_to(ROOT)}:{number}")
    assert not offenders, f"read the environment with bot.settings.env: {offenders}"


# Imports inside functions, on purpose: each keeps something heavy or order-sensitive out of import time.
LAZY_IMPORTS = {
    "bot/runtime/cli.py": "`python -m bot assess` starts fast: the engine, Rasa and SQLAlchemy load per command",
    "bot/runtime/rasa_ext.py": "patches Rasa when the server starts, after Rasa has configured itself",
    "bot/runtime/action_server.py": "the record route and log redaction are installed at start, not on import",
    "bot/storage/tracker_store.py": "Rasa builds the store from endpoints.yml; migrations run when it is built",
    "bot/language/ranker.py": "TensorFlow loads only when the sentence encoder is first asked for",
}


def test_project_imports_inside_functions_are_only_the_deliberate_lazy_ones():
    """An import of our own modules inside a function hides a dependency (and often a cycle): only the ones above."""
    offenders = []
    for path in _modules("bot", "actions", "channels"):
        name = path.relative_to(ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for inner in ast.walk(node):
                    if (isinstance(inner, ast.ImportFrom) and (inner.module or "").split(".")[0] in
                            {"bot", "actions", "channels"} and name not in LAZY_IMPORTS):
                        offenders.append(f"{name}:{inner.lineno}")
    assert not offenders, f"import at the top of the module: {sorted(set(offenders))}"

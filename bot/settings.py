"""Where things are, and what the environment says: the one module that knows the project's paths and reads its
environment variables, so a newcomer finds every setting in one place (issue 16).

Values are read when asked, not at import, so tests and the launcher can set the environment first.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Dict, Mapping, Optional

ROOT = Path(__file__).resolve().parents[1]
BUILD_DIR = ROOT / "build"
EMBEDDINGS_CACHE_DIR = BUILD_DIR / "embeddings"
GUIDANCE_DIR = ROOT / "guidance"
GAZETTEER_FILE = GUIDANCE_DIR / "gazetteer" / "uk_places.yml"
TESTS_DIR = ROOT / "tests"
SEEDS_DIR = ROOT.parent / "shared" / "seeds"
WEB_DIR = ROOT / "web"
MIGRATIONS_DIR = ROOT / "bot" / "storage" / "migrations"

DEFAULT_DB_URL = "sqlite:///build/conversations.db"


def env(name: str, default: str = "", environ: Optional[Mapping[str, str]] = None) -> str:
    """One environment variable, stripped; ``default`` when unset or blank."""
    value = ((environ if environ is not None else os.environ).get(name) or "").strip()
    return value or default


def tracker_db_url(explicit: Optional[str] = None) -> str:
    """The tracker database: an explicit URL, else TRACKER_DB_URL, else a local SQLite file."""
    return explicit or env("TRACKER_DB_URL") or DEFAULT_DB_URL


def advice_db_url(explicit: Optional[str] = None) -> str:
    """The advice log's database: an explicit URL, else ADVICE_DB_URL, else the tracker's."""
    return explicit or env("ADVICE_DB_URL") or tracker_db_url()


def redis_url() -> Optional[str]:
    """The shared Redis of a cluster (REDIS_URL); None for a single instance."""
    return env("REDIS_URL") or None


def environment_copy() -> Dict[str, str]:
    """The whole environment, copied: for a child process's environment, or settings read as a mapping."""
    return dict(os.environ)

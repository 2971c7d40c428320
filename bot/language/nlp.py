"""Our own spaCy 3.4 pipeline: blank English plus lookup lemmas (no model downloads).

The same pipeline is used by the matcher in ``bot/`` and, saved to
``build/spacy_pipeline``, by Rasa's SpacyNLP component, so both see the same tokens.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402

from bot.settings import ROOT

PIPELINE_DIR = ROOT / "build" / "spacy_pipeline"


def build_pipeline() -> Language:
    """Blank English with the lookup lemmatizer; tables come from spacy-lookups-data (a pinned wheel)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    nlp.meta["name"] = "safeguarding_en"
    nlp.meta["version"] = "1.0.0"
    nlp.meta["description"] = "Blank English + lookup lemmas for the safeguarding assistant"
    return nlp


def save_pipeline(path: Path = PIPELINE_DIR) -> Path:
    nlp = build_pipeline()
    path.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(path)
    return path


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """One pipeline per process, loaded from the built path when present."""
    if (PIPELINE_DIR / "meta.json").exists():
        return spacy.load(PIPELINE_DIR)
    return build_pipeline()


if __name__ == "__main__":
    print(save_pipeline(Path(sys.argv[1]) if len(sys.argv) > 1 else PIPELINE_DIR))

"""Print the redactor's recall per kind and meaning kept on the blind PII corpus (issue 14).

Usage: ``.venv/bin/python scripts/redaction_score.py [--misses] [--old] [--corpus PATH|2]``. ``--old`` also scores
the earlier, tuned corpus ``tests/data/pii_corpus.yml``, so the two can be read side by side. ``--corpus`` picks
another corpus in the same format (``2`` is short for ``tests/privacy_blind/pii_blind_corpus_2.yml``); the default
is the first blind corpus.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.privacy.redaction import redact  # noqa: E402
from tests.privacy_blind.scoring import BLIND_PATH, load, score, table  # noqa: E402

CORPUS_2 = BLIND_PATH.with_name("pii_blind_corpus_2.yml")


def _old_corpus_recall() -> str:
    from tests.engine.test_redaction import load_corpus, recall_table

    _overall, lines, _misses = recall_table("Earlier corpus (tests/data/pii_corpus.yml, tuning data)", load_corpus())
    return "\n".join(lines)


def corpus_path(argv: list) -> Path:
    """The corpus named by ``--corpus PATH`` (or ``--corpus 2``), else the first blind corpus."""
    if "--corpus" not in argv:
        return BLIND_PATH
    name = argv[argv.index("--corpus") + 1]
    return CORPUS_2 if name == "2" else Path(name)


def main(argv: list) -> int:
    path = corpus_path(argv)
    corpus = load(path)
    redact(corpus[0]["text"])  # load the tokenizer and guidance once, outside the timing
    start = time.perf_counter()
    for item in corpus:
        redact(item["text"])
    per_sentence = (time.perf_counter() - start) / len(corpus) * 1000
    result = score(redact, corpus)
    print(f"Blind corpus ({path.relative_to(ROOT) if path.is_relative_to(ROOT) else path})")
    print("\n".join(table(result)))
    print(f"clean sentences changed: {len(result.clean_changed)} of {sum(1 for i in corpus if not i['pii'])}")
    print(f"time: {per_sentence:.2f} ms per sentence (redaction only)")
    if "--misses" in argv:
        for line in result.misses + ["--- keep words dropped"] + result.dropped + ["--- clean changed"] \
                + result.clean_changed:
            print(" ", line)
    if "--old" in argv:
        print()
        print(_old_corpus_recall())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

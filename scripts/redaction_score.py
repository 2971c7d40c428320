"""Print the redactor's recall per kind and meaning kept on the blind PII corpus (issue 14).

Usage: ``.venv/bin/python scripts/redaction_score.py [--misses] [--old]``. ``--old`` also scores the earlier,
tuned corpus ``tests/data/pii_corpus.yml``, so the two can be read side by side.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.privacy.redaction import redact  # noqa: E402
from tests.privacy_blind.scoring import load, score, table  # noqa: E402


def _old_corpus_recall() -> str:
    from tests.engine.test_redaction import load_corpus, recall_table

    _overall, lines, _misses = recall_table("Earlier corpus (tests/data/pii_corpus.yml, tuning data)", load_corpus())
    return "\n".join(lines)


def main(argv: list) -> int:
    corpus = load()
    redact(corpus[0]["text"])  # load the tokenizer and guidance once, outside the timing
    start = time.perf_counter()
    result = score(redact, corpus)
    per_sentence = (time.perf_counter() - start) / len(corpus) * 1000
    print("Blind corpus (tests/privacy_blind/pii_blind_corpus.yml)")
    print("\n".join(table(result)))
    print(f"clean sentences changed: {len(result.clean_changed)} of {sum(1 for i in corpus if not i['pii'])}")
    print(f"time: {per_sentence:.2f} ms per sentence (scoring included)")
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

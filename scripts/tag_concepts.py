"""Add a concept tag to indicators in an area file, keeping the file's layout: `tag_concepts.py FILE CONCEPT ID...`."""

from __future__ import annotations

import re
import sys
from pathlib import Path


def tag(path: Path, concept: str, ids: list) -> list:
    lines = path.read_text(encoding="utf-8").split("\n")
    missing = []
    for ident in ids:
        start = next((n for n, line in enumerate(lines) if re.match(rf"^- id: {re.escape(ident)}(\s|$)", line)), None)
        if start is None:
            missing.append(ident)
            continue
        end = next((n for n in range(start + 1, len(lines)) if lines[n].startswith("- ")), len(lines))
        at = next(n for n in range(start, end) if lines[n].startswith("  concepts:"))
        line = lines[at]
        flow = re.match(r"^  concepts: \[(.*)\]\s*$", line)
        if flow:
            items = [i.strip() for i in flow.group(1).split(",") if i.strip()]
            if concept not in items:
                lines[at] = f"  concepts: [{', '.join(items + [concept])}]"
        else:
            block = [n for n in range(at + 1, end) if lines[n].startswith("  - ")]
            if concept not in {lines[n][4:].strip() for n in block}:
                lines.insert((block[-1] if block else at) + 1, f"  - {concept}")
    path.write_text("\n".join(lines), encoding="utf-8")
    return missing


if __name__ == "__main__":
    missing = tag(Path(sys.argv[1]), sys.argv[2], sys.argv[3:])
    if missing:
        print("not found:", missing, file=sys.stderr)
        sys.exit(1)

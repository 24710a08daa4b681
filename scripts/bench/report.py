"""Write one benchmark's section of docs/benchmarks.md, between its markers."""

import re
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "docs" / "benchmarks.md"


def write_section(name, text):
    """Replace (or append) the section ``name`` of docs/benchmarks.md."""
    start, end = f"<!-- bench:{name}:start -->", f"<!-- bench:{name}:end -->"
    block = f"{start}\n{text.strip()}\n{end}"
    current = BENCHMARKS.read_text(encoding="utf-8") if BENCHMARKS.exists() else ""
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.DOTALL)
    if pattern.search(current):
        updated = pattern.sub(lambda _match: block, current)
    else:
        updated = current.rstrip() + "\n\n" + block + "\n"
    BENCHMARKS.write_text(updated, encoding="utf-8")

"""Run an evaluation script (`make eval`'s measuring scripts) in a process of its own.

The quality tests (search, question routing) check that a measured level holds. The
script loads the demo corpus into a Solr of its own, which the other layers of the
test session must not see, and prints its figures as a ``FIGURES {json}`` line.
"""

import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The demo corpus without the 8,091 powers items (they keep a run near minutes;
# `make eval` includes them). A test may name other setup steps.
CORPUS_STEPS = "zhengwu.demo zhengwu.search-curation"
TIMEOUT = 900


def _crash_report(stderr):
    """The traceback of a run that measured nothing, without the log lines."""
    lines = [
        line
        for line in stderr.splitlines()
        if not line.startswith(("WARNING:", "INFO:", "DEBUG:"))
    ]
    text = "\n".join(lines)
    start = text.find("Traceback")
    return text[start:] if start >= 0 else text[-6000:]


def _run(script, steps):
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), "--check"],
        capture_output=True,
        text=True,
        env={**os.environ, "ZHENGWU_CORPUS_STEPS": steps},
        cwd=ROOT,
        timeout=TIMEOUT,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("FIGURES ")]
    if not lines:
        return None, _crash_report(done.stderr)
    return json.loads(lines[-1].removeprefix("FIGURES ")), None


def measure(script, steps=CORPUS_STEPS):
    """The figures ``scripts/<script> --check`` prints on the corpus layer with the
    setup ``steps``; fails if it measured nothing.

    A run that crashed before measuring says nothing about quality: it runs once
    more, and the crash is shown whatever the second run does.
    """
    figures, crash = _run(script, steps)
    if figures is None:
        warnings.warn(f"{script} --check crashed:\n{crash}", stacklevel=2)
        figures, again = _run(script, steps)
        assert figures is not None, f"{crash}\n\nand again:\n{again}"
    return figures

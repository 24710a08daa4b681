"""The history of runs, kept on the site: counts of every run, findings of the last.

Bounded: ``history_size`` runs (registry) are kept, and only the latest keeps its
findings, so a finding fixed since is gone from the dashboard after the next run.
A read never writes (``annotation_store`` without ``create``).
"""

from collections import Counter

from persistent.list import PersistentList

from zhengwu.annotations import annotation_store

HISTORY_KEY = "zhengwu.inspection.runs"


def runs_of(site):
    """The runs kept, oldest first (a list of dicts; empty before the first)."""
    return list(annotation_store(site, HISTORY_KEY, PersistentList) or ())


def latest_run(site):
    runs = runs_of(site)
    return runs[-1] if runs else None


def run_record(findings, started, today, seconds, trigger):
    """The dict of one run, as stored and as REST shows it."""
    return {
        "started": started.isoformat(),
        "today": today.isoformat(),
        "seconds": round(seconds, 2),
        "trigger": trigger,
        "total": len(findings),
        "rules": dict(Counter(f["rule"] for f in findings)),
        "departments": dict(Counter(f["department"] for f in findings)),
        "findings": findings,
    }


def store_run(site, record, size):
    """Append ``record`` (with the next number); keep ``size`` runs, findings of
    the newest only."""
    runs = annotation_store(site, HISTORY_KEY, PersistentList, create=True)
    number = runs[-1]["number"] + 1 if runs else 1
    for index, previous in enumerate(runs):
        if previous.get("findings"):
            runs[index] = {**previous, "findings": []}
    runs.append({**record, "number": number})
    del runs[: max(0, len(runs) - size)]
    return runs[-1]

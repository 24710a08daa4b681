"""Search quality on the portal as `make start` builds it: recall@1, recall@5 and MRR
of Zhengwu, plain edismax and the stock catalog, on three query sets side by side.

    make eval                                         a portal of its own, measured
    uv run python scripts/eval_search.py --var var    the portal running from var/
    uv run python scripts/eval_search.py --check      CI: one FIGURES line (below)

The sets: tests/search/queries.tsv (developed on), tests/search/sets/heldout.tsv
(frozen, never tuned on: figures only) and search_dev.tsv of ../shared/eval (or
ZHENGWU_EVAL_DIR). A row runs on the district that offers its service (a service of
both districts on Nanshan) and on /zh-cn or /en by its language; it is found at the
rank of the first of the first 10 results that is its service's guide: a Guide whose
id is the service id (the English guide has the id of its Chinese original). The
three searches are in scripts/eval_portal.py; the report goes to
docs/search/quality.md.

``--check`` (tests/search/test_quality.py) measures Zhengwu only, in this process on
the test stack (tests/layers.py: the Nanshan site with the setup steps named by
ZHENGWU_CORPUS_STEPS), on a fixed subset of queries.tsv: the first ``CI_PER_KIND``
rows of each kind in file order, among the rows that run on Nanshan.
"""

import argparse
import csv
import json
import os
import subprocess
import sys
import time
import urllib.error
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import eval_portal
import eval_report
from eval_report import groups
from eval_report import metrics

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "tests" / "search" / "queries.tsv"
HELD_OUT = ROOT / "tests" / "search" / "sets" / "heldout.tsv"
SERVICES = ROOT / "profiles" / "common" / "content" / "services.tsv"
DEFAULT_DISTRICT = "nanshan"  # where a service of both districts is searched
CI_PER_KIND = 5
OWN_PORTAL = (
    "a portal of its own, built as `make start` builds it (every setup step and "
    "demo item: guides, 政务知道 questions and answers, attachments, the powers "
    "items, disclosure; both districts) in a temporary var/"
)


@dataclass(frozen=True)
class Query:
    kind: str
    text: str
    expected: frozenset  # service ids; finding the guide of any one counts
    language: str  # zh or en
    district: str


@dataclass(frozen=True)
class QuerySet:
    name: str  # as the report shows it
    path: Path
    list_misses: bool  # never for the held-out set: nobody may tune on it


class Outcome(NamedTuple):
    rank: int | None  # of the expected guide, None when not in the first 10
    first: eval_portal.Hit | None  # the first result
    error: str | None = None


def query_sets():
    shared = Path(os.environ.get("ZHENGWU_EVAL_DIR") or ROOT.parent / "shared" / "eval")
    dev = shared / "search_dev.tsv"
    return [
        QuerySet("tests/search/queries.tsv", QUERIES, True),
        QuerySet("tests/search/sets/heldout.tsv", HELD_OUT, False),
        QuerySet(os.path.relpath(dev, ROOT), dev, True),
    ]


def service_districts(path=SERVICES):
    """{service id: districts offering it} from the ``districts`` column."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {
            row["id"]: {"nanshan", "yantian"}
            if row["districts"] == "both"
            else {row["districts"]}
            for row in rows
        }


def district_of(expected, districts):
    """Nanshan for a service it offers (also of both districts), else the other's."""
    offered = set().union(*(districts.get(s, {DEFAULT_DISTRICT}) for s in expected))
    return DEFAULT_DISTRICT if DEFAULT_DISTRICT in offered else min(offered)


def read_queries(path, districts=None):
    """The rows of a set (own sets: kind, query, expected, language; the shared one:
    query, expected, lang, kind; UTF-8, tab-separated, no quoting)."""
    districts = districts or service_districts()
    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        queries = []
        for row in rows:
            expected = frozenset(row["expected"].split("|"))
            queries.append(
                Query(
                    row["kind"],
                    row["query"],
                    expected,
                    row.get("language") or row["lang"],
                    district_of(expected, districts),
                )
            )
        return queries


def unknown_services(queries, districts):
    return sorted({s for q in queries for s in q.expected if s not in districts})


def ci_subset(queries, per_kind=CI_PER_KIND):
    """The fixed CI subset: the first ``per_kind`` Nanshan rows of each kind."""
    taken = defaultdict(int)
    subset = []
    for query in queries:
        if query.district == DEFAULT_DISTRICT and taken[query.kind] < per_kind:
            taken[query.kind] += 1
            subset.append(query)
    return subset


def rank_of(hits, expected):
    """1-based rank of the first hit that is the guide of an expected service."""
    for rank, hit in enumerate(hits, start=1):
        if hit.type == "Guide" and hit.id in expected:
            return rank
    return None


def evaluate(queries, search):
    """An ``Outcome`` per query (in order); ``search(query)`` gives its hits."""
    outcomes = []
    for query in queries:
        try:
            hits = search(query)
        except urllib.error.HTTPError as error:  # an answer (e.g. 400): not found
            outcomes.append(Outcome(None, None, f"HTTP {error.code}"))
            continue
        outcomes.append(Outcome(rank_of(hits, query.expected), next(iter(hits), None)))
    return outcomes


def figures(queries, outcomes):
    """{"all" and each kind: {"r1", "r5", "mrr"}} of one system's outcomes."""
    result = {}
    for label, indexes in groups(queries).items():
        if not label.startswith("language "):
            values = metrics([outcomes[i].rank for i in indexes])
            result[label] = dict(zip(("r1", "r5", "mrr"), values, strict=True))
    return result


# -- CI: Zhengwu on the test stack -------------------------------------------------


def corpus_layer():
    """The test layers up to the demo corpus, set up; torn down afterwards."""
    for folder in ("tests", "scripts/bench"):
        if str(ROOT / folder) not in sys.path:
            sys.path.insert(0, str(ROOT / folder))
    from layers import ZHENGWU_CORPUS_TESTING
    from stack import layer_set_up

    return layer_set_up(ZHENGWU_CORPUS_TESTING)


def check():
    """Zhengwu's figures on the CI subset, as one JSON line (test_quality.py)."""
    queries = ci_subset(read_queries(QUERIES))
    with corpus_layer() as layer:
        from plone.testing.zope import Browser

        def search(query):
            browser = Browser(layer["app"])
            browser.addHeader("Accept", "application/json")
            path = eval_portal.search_path(query.district, query.language, query.text)
            browser.open(f"http://nohost{path}")
            return eval_portal.search_hits(json.loads(browser.contents))

        outcomes = evaluate(queries, search)
        # Before the layers are torn down: what is measured does not depend on it.
        print("FIGURES " + json.dumps(figures(queries, outcomes)), flush=True)


# -- make eval: the three systems on the portal --------------------------------------


def systems(portal):
    """{name: search(query) → hits} of the three systems compared."""
    return {
        "Zhengwu": lambda q: portal.search(q.district, q.language, q.text),
        "plain edismax": lambda q: portal.plain(q.district, q.language, q.text),
        "stock catalog": lambda q: portal.search(
            q.district, q.language, q.text, backend="catalog"
        ),
    }


def measure(portal, districts):
    """{set: (queries, {system: outcomes})}; None for a set whose file is absent."""
    measured = {}
    for query_set in query_sets():
        if not query_set.path.exists():
            measured[query_set] = None
            continue
        queries = read_queries(query_set.path, districts)
        unknown = unknown_services(queries, districts)
        if unknown:
            print(f"{query_set.name}: unknown service ids {', '.join(unknown)}")
        measured[query_set] = (
            queries,
            {name: evaluate(queries, ask) for name, ask in systems(portal).items()},
        )
    return measured


def git_state():
    """The commit measured, and whether the working tree differs from it."""

    def git(*args):
        done = subprocess.run(  # noqa: S603
            ["git", *args],  # noqa: S607
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        return done.stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    changed = git("status", "--porcelain", "--untracked-files=no")
    return commit + (" with uncommitted changes" if changed else "")


def run(portal, where, started):
    districts = service_districts()
    began = time.perf_counter()
    measured = measure(portal, districts)
    context = eval_report.Context(
        where=where,
        commit=git_state(),
        documents=portal.document_counts(),
        guides=eval_report.guide_census(portal, districts),
        start_seconds=began - started,
        measure_seconds=time.perf_counter() - began,
    )
    eval_report.write(measured, context)
    print(eval_report.summary(measured))
    print(f"written to {eval_report.REPORT.relative_to(ROOT)}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--var", help="measure the portal running from this var/")
    parser.add_argument("--check", action="store_true", help="CI figures only")
    args = parser.parse_args(argv)
    if args.check:
        return check()
    started = time.perf_counter()
    try:
        if args.var:
            portal = eval_portal.running_portal(args.var)
            where = f"the portal running from `{args.var}`, as it was built"
            return run(portal, where, started)
        with eval_portal.own_portal() as portal:
            return run(portal, OWN_PORTAL, started)
    except eval_portal.EvalError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

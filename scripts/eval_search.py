"""Search quality: recall@1, recall@5 and MRR per kind of query, Solr against the
stock catalog, on the demo corpus of Nanshan.

    make eval        (or: uv run python scripts/eval_search.py)

Every query of tests/search/queries.tsv goes through plone.restapi's ``@search`` as
an anonymous visitor, on ``/nanshan/zh-cn`` or ``/nanshan/en``, once answered by
Zhengwu's search (Solr) and once by the stock catalog (``search_backend=catalog``).
A query is found at the rank of the first service guide (either language) whose id
is one of the expected service ids. The table goes to docs/search/quality.md.
Runs on the test stack (tests/layers.py: a real Solr, the Nanshan site with its
demo corpus, the 8,091 powers items and the starter search curation of the district;
ZHENGWU_CORPUS_STEPS chooses the setup steps, see tests/layers.py).
"""

import csv
import json
import sys
import time
import urllib.parse
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "tests" / "search" / "queries.tsv"
REPORT = ROOT / "docs" / "search" / "quality.md"
DEPTH = 10  # results read per query (MRR counts a find up to this rank)
BACKENDS = ("solr", "catalog")
ROOTS = {"zh": "zh-cn", "en": "en"}


@dataclass(frozen=True)
class Query:
    kind: str
    text: str
    expected: frozenset
    language: str


def read_queries(path=QUERIES):
    """The evaluation set: one ``Query`` per row of the TSV file."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return [
            Query(
                row["kind"],
                row["query"],
                frozenset(row["expected"].split("|")),
                row["language"],
            )
            for row in rows
        ]


def rank_of(items, expected):
    """1-based rank of the first guide among ``items`` (``@search`` items) whose id
    is expected; None when none is."""
    for rank, item in enumerate(items, start=1):
        if item.get("@type") == "Guide" and item["@id"].rsplit("/", 1)[-1] in expected:
            return rank
    return None


def search_items(app, query, backend, district="nanshan"):
    """The first DEPTH items ``@search`` gives an anonymous visitor."""
    from plone.testing.zope import Browser

    browser = Browser(app)
    browser.addHeader("Accept", "application/json")
    params = {"SearchableText": query.text, "b_size": DEPTH}
    if backend == "catalog":
        params["search_backend"] = "catalog"
    root = ROOTS[query.language]
    browser.open(
        f"http://nohost/{district}/{root}/@search?{urllib.parse.urlencode(params)}"
    )
    return json.loads(browser.contents)["items"]


def evaluate(app, queries, backend):
    """{query: rank or None} for every query, answered by ``backend``."""
    return {
        query: rank_of(search_items(app, query, backend), query.expected)
        for query in queries
    }


def metrics(ranks):
    """(recall@1, recall@5, MRR) of a list of ranks (None: not found)."""
    count = len(ranks) or 1
    recall_1 = sum(1 for rank in ranks if rank == 1) / count
    recall_5 = sum(1 for rank in ranks if rank is not None and rank <= 5) / count
    mrr = sum(1 / rank for rank in ranks if rank is not None) / count
    return recall_1, recall_5, mrr


def by_kind(queries, ranks):
    """{kind: [rank, …]} in the order kinds first appear, plus "all"."""
    grouped = defaultdict(list)
    for query in queries:
        grouped[query.kind].append(ranks[query])
    grouped["all"] = [ranks[query] for query in queries]
    return grouped


def table(queries, results):
    """Markdown table: per kind, the three figures of each backend side by side."""
    lines = [
        "| kind | queries | Zhengwu R@1 | Zhengwu R@5 | Zhengwu MRR "
        "| catalog R@1 | catalog R@5 | catalog MRR |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    grouped = {backend: by_kind(queries, results[backend]) for backend in results}
    for kind, ranks in grouped["solr"].items():
        figures = []
        for backend in BACKENDS:
            figures += [f"{value:.2f}" for value in metrics(grouped[backend][kind])]
        label = f"**{kind}**" if kind == "all" else kind
        lines.append(f"| {label} | {len(ranks)} | " + " | ".join(figures) + " |")
    return "\n".join(lines)


def misses(queries, ranks):
    """Lines for the queries Zhengwu does not put first."""
    lines = []
    for query in queries:
        rank = ranks[query]
        if rank != 1:
            found = "not in the first 10" if rank is None else f"rank {rank}"
            lines.append(f"- {query.kind}: `{query.text}` ({query.language}): {found}")
    return lines


def write_report(queries, results, seconds, steps):
    missed = misses(queries, results["solr"]) or ["- none"]
    text = f"""# Search quality

Written by `make eval` (`scripts/eval_search.py`); do not edit by hand.

{len(queries)} queries of `tests/search/queries.tsv` over the demo corpus of Nanshan
(setup steps: {steps}), each asked through plone.restapi's `@search` as an anonymous
visitor on `/nanshan/zh-cn` (or `/nanshan/en` for English ones): **Zhengwu** is the
portal's search (Solr, `src/zhengwu/search/service.py`), **catalog** the same request
with `search_backend=catalog` (Plone's stock ZCatalog). A query counts as found at the
rank of the first service guide whose id is expected; R@k is the share of queries
found in the first k results, MRR the mean of 1/rank (0 when not in the first
{DEPTH}). How search works: [overview.md](overview.md).

{table(queries, results)}

Queries Zhengwu does not put first:

{chr(10).join(missed)}

Run time of the evaluation (both backends): {seconds:.0f} s.
"""
    REPORT.write_text(text, encoding="utf-8")


def corpus_layer():
    """The test layers up to the demo corpus, set up; torn down afterwards."""
    for folder in ("tests", "scripts", "scripts/bench"):
        if str(ROOT / folder) not in sys.path:
            sys.path.insert(0, str(ROOT / folder))
    from layers import ZHENGWU_CORPUS_TESTING
    from stack import layer_set_up

    return layer_set_up(ZHENGWU_CORPUS_TESTING)


def figures(queries, ranks):
    """{kind: {"r1", "r5", "mrr"}} of Zhengwu's answers, "all" included."""
    return {
        kind: dict(zip(("r1", "r5", "mrr"), metrics(kind_ranks), strict=True))
        for kind, kind_ranks in by_kind(queries, ranks).items()
    }


def check():
    """Zhengwu's figures only, as one JSON line (for tests/search/test_quality.py)."""
    queries = read_queries()
    with corpus_layer() as layer:
        ranks = evaluate(layer["app"], queries, "solr")
        # Before the layers are torn down: what is measured does not depend on it.
        print("FIGURES " + json.dumps(figures(queries, ranks)), flush=True)


def main():
    import os

    if "--check" in sys.argv:
        return check()
    queries = read_queries()
    with corpus_layer() as layer:
        from layers import CORPUS_STEPS

        steps = os.environ.get("ZHENGWU_CORPUS_STEPS", CORPUS_STEPS)
        app = layer["app"]
        started = time.perf_counter()
        results = {backend: evaluate(app, queries, backend) for backend in BACKENDS}
        seconds = time.perf_counter() - started
    print(table(queries, results))
    print("\n".join(misses(queries, results["solr"])))
    write_report(queries, results, seconds, steps)
    print(f"written to {REPORT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

"""Benchmark: the 8,091-item powers list (import, re-import, export, @@powers queries).

    make bench        (or: uv run python scripts/bench/bench_powers.py)

Runs on the test stack (a real Solr, the Nanshan site made from its profile) and
writes its figures to the "powers" section of docs/benchmarks.md. The re-import of
the unchanged file is the baseline of the first import: it validates and compares
every item but writes nothing.
"""

import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import write_section  # noqa: E402
from stack import ROOT  # noqa: E402  (stack.py puts tests/ on sys.path)
from stack import functional_layer  # noqa: E402

TOTAL = int(os.environ.get("ZHENGWU_BENCH_POWERS", "8091"))
QUERY_RUNS = 20


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started


def query_times(root, filters_list):
    """Median and max seconds of one page of @@powers's query per filter set."""
    from plone.base.batch import Batch

    from zhengwu.powers.listing import search_powers

    figures = []
    for filters in filters_list:
        runs = []
        for _run in range(QUERY_RUNS):
            started = time.perf_counter()
            batch = Batch(search_powers(root, filters), 20, 0)
            [brain.power_code for brain in batch]  # noqa: B018 - fetch the page
            runs.append(time.perf_counter() - started)
        matches = batch.sequence_length
        figures.append((filters, statistics.median(runs), max(runs), matches))
    return figures


def page_times(base, queries):
    """Median and max seconds of an anonymous HTTP GET of each URL (page or REST)."""
    import requests

    figures = []
    for path, params, headers in queries:
        runs = []
        for _run in range(QUERY_RUNS):
            started = time.perf_counter()
            response = requests.get(
                f"{base}/{path}", params=params, headers=headers, timeout=60
            )
            runs.append(time.perf_counter() - started)
            assert response.status_code == 200, (path, params, response.status_code)
        figures.append((path, params, statistics.median(runs), max(runs)))
    return figures


def run():
    import transaction
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import login
    from zope.component.hooks import setSite

    from zhengwu.powers.export import export_powers
    from zhengwu.powers.generate import generate_powers
    from zhengwu.powers.importer import import_powers
    from zhengwu.powers.listing import PowerFilters
    from zhengwu.powers.sheet import write_sheet
    from zhengwu.sites.profile import load_district_profile

    profile = load_district_profile(ROOT / "profiles" / "nanshan")
    with functional_layer(live_server=True) as layer:
        app = layer["app"]
        site = app["nanshan"]
        setSite(site)
        login(app, SITE_OWNER_NAME)
        root = site["zh-cn"]
        rows, t_generate = timed(generate_powers, profile.departments, TOTAL)
        data = write_sheet(rows, "csv")

        def import_and_commit(payload, fmt):
            report = import_powers(root, payload, fmt)
            transaction.commit()  # includes sending the items to Solr
            return report

        first, t_import = timed(import_and_commit, data, "csv")
        assert first.ok and len(first.added) == TOTAL, first.errors[:3]
        again, t_reimport = timed(import_and_commit, data, "csv")
        assert again.unchanged == TOTAL
        xlsx, t_export_xlsx = timed(export_powers, root, "xlsx")
        _csv, t_export_csv = timed(export_powers, root, "csv")
        round_trip, t_reimport_xlsx = timed(import_and_commit, xlsx, "xlsx")
        assert round_trip.unchanged == TOTAL, round_trip
        queries = query_times(
            root,
            [
                PowerFilters(),
                PowerFilters(department="scjgj"),
                PowerFilters(category="XK"),
                PowerFilters(department="gaj", category="CF"),
                PowerFilters(keyword="处罚"),
                PowerFilters(keyword="NS-GAJ-CF-0001"),
            ],
        )
        json = {"Accept": "application/json"}
        pages = page_times(
            f"http://{layer['host']}:{layer['port']}/nanshan/zh-cn",
            [
                ("@@powers", {}, {}),
                ("@@powers", {"department": "scjgj", "category": "CF"}, {}),
                ("@@powers", {"keyword": "处罚", "b_start": 4000}, {}),
                ("@powers", {}, json),
                ("@powers", {"category": "XK", "b_size": 100}, json),
            ],
        )
    return {
        "pages": pages,
        "generate": t_generate,
        "import": t_import,
        "reimport": t_reimport,
        "export_xlsx": t_export_xlsx,
        "export_csv": t_export_csv,
        "reimport_xlsx": t_reimport_xlsx,
        "queries": queries,
        "size_csv": len(data),
        "size_xlsx": len(xlsx),
    }


def describe(filters):
    parts = [f"{k}={v}" for k, v in vars(filters).items() if v]
    return ", ".join(parts) or "no filter (first page)"


def section(figures):
    per_second = TOTAL / figures["import"]
    verdict = "under" if figures["import"] < 60 else "OVER"
    lines = [
        "## Powers list (权责清单): import, export and @@powers queries",
        "",
        f"{TOTAL:,} generated items over Nanshan's 32 bodies, on the test stack "
        f"(real Solr; {os.cpu_count()} cores, Python {platform.python_version()}), "
        f"measured on {time.strftime('%Y-%m-%d')} by `scripts/bench/bench_powers.py`.",
        "Times include the commit, which sends the items to Solr (see below). "
        "The first query of a run sorts a cold index (its max). Load average "
        f"when the run ended: {os.getloadavg()[0]:.1f} (other work on the machine "
        "slows every figure).",
        "",
        "| step | seconds |",
        "|---|---|",
        f"| generate the list | {figures['generate']:.1f} |",
        f"| **first import** (validate, create, catalog, commit) | "
        f"**{figures['import']:.1f}** ({per_second:,.0f} items/s; {verdict} "
        f"the 60 s target) |",
        f"| re-import of the same CSV (baseline: validate and compare, nothing "
        f"written) | {figures['reimport']:.1f} |",
        f"| export to XLSX ({figures['size_xlsx'] / 1e6:.1f} MB) | "
        f"{figures['export_xlsx']:.1f} |",
        f"| export to CSV ({figures['size_csv'] / 1e6:.1f} MB) | "
        f"{figures['export_csv']:.1f} |",
        f"| re-import of the XLSX export (0 added / changed / removed) | "
        f"{figures['reimport_xlsx']:.1f} |",
        "",
        f"@@powers's catalog query for one page of 20, over the full list "
        f"({QUERY_RUNS} runs each):",
        "",
        "| filter | matches | median ms | max ms |",
        "|---|---|---|---|",
    ]
    for filters, median, worst, count in figures["queries"]:
        lines.append(
            f"| {describe(filters)} | {count:,} | {median * 1000:.1f} | "
            f"{worst * 1000:.1f} |"
        )
    lines += [
        "",
        f"Whole anonymous requests to the live test server ({QUERY_RUNS} runs each; "
        "page = the Classic UI page with its 20 rows):",
        "",
        "| request | median ms | max ms |",
        "|---|---|---|",
    ]
    for path, params, median, worst in figures["pages"]:
        query = "&".join(f"{k}={v}" for k, v in params.items())
        lines.append(
            f"| `{path}{'?' + query if query else ''}` | {median * 1000:.0f} | "
            f"{worst * 1000:.0f} |"
        )
    return "\n".join(lines)


def main():
    figures = run()
    text = section(figures)
    write_section("powers", text)
    print(text)


if __name__ == "__main__":
    main()

"""Benchmark: search latency (Solr and the stock catalog), autocomplete, full reindex.

    make bench        (or: uv run python scripts/bench/bench_search.py)

Runs on the test stack (a real Solr, the Nanshan site made from its profile) with the
demo corpus and the 8,091-item powers list loaded, and writes its figures to the
"search" section of docs/benchmarks.md. Every request goes to the live test server on
127.0.0.1, one at a time, anonymous, as a REST client would send it.
"""

import contextlib
import importlib
import itertools
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
from stack import load_demo_corpus  # noqa: E402

REQUESTS = int(os.environ.get("ZHENGWU_BENCH_SEARCH_REQUESTS", "1000"))
WARMUP = 20
SERVICES = ROOT / "profiles" / "common" / "content" / "services.tsv"
COLLOQUIAL = ("身份证掉了去哪补办", "孩子上小学要准备什么", "怎么办居住证", "社保卡")


def bench_queries(limit=100):
    """About 100 queries a citizen types: service names, their first words,
    traditional characters, pinyin and initials, a few questions."""
    from zhengwu.search.pinyin import initials_forms
    from zhengwu.search.pinyin import pinyin_forms
    from zhengwu.sites.services import read_services

    titles = [row["title_zh"] for row in read_services(SERVICES).values()]
    queries = list(COLLOQUIAL)
    for number, title in enumerate(titles):
        queries.append(title)
        kind = number % 4
        if kind == 0:
            queries.append(title[:4])
        elif kind == 1:
            queries.append(initials_forms(title).split()[0])
        elif kind == 2:
            queries.append(pinyin_forms(title).split()[0][:12])
    return queries[:limit]


def warmup_queries(queries):
    """Other words a citizen types (parts of the same service names), none of them
    among ``queries``: they bring both servers to their steady state (Solr's JIT,
    Zope's object cache) without answering any measured query ahead of time."""
    from zhengwu.sites.services import read_services

    measured = set(queries)
    warm = []
    for row in read_services(SERVICES).values():
        title = row["title_zh"]
        for part in (title[-3:], title[1:5], title[2:]):
            if part not in measured and part not in warm:
                warm.append(part)
    return warm


def suggest_prefixes(queries):
    """What a visitor has typed when the box asks for suggestions."""
    prefixes = []
    for query in queries:
        prefixes.append(query[:2] if not query.isascii() else query[:3])
    return prefixes


def latencies(session, url, name, values, count=REQUESTS, extra=None):
    """Seconds of ``count`` GETs of ``url`` with ``name`` cycling over ``values``."""
    params = dict(extra or {})
    for value in values[:WARMUP]:
        session.get(url, params={**params, name: value}, timeout=60)
    times = []
    headers = set()
    for value in itertools.islice(itertools.cycle(values), count):
        started = time.perf_counter()
        response = session.get(url, params={**params, name: value}, timeout=60)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, value, response.status_code)
        headers.add(response.headers.get("X-Zhengwu-Search", "solr"))
    return times, headers


def paired_latencies(session, url, values, count=REQUESTS):
    """Seconds of ``count`` searches of ``url`` by Solr and as many by the stock
    catalog, each query asked of both one after the other (which first alternates),
    so that both meet the same moment of the machine."""
    catalog = {"search_backend": "catalog"}
    for value in warmup_queries(values):
        session.get(url, params={"SearchableText": value}, timeout=60)
        session.get(url, params={"SearchableText": value, **catalog}, timeout=60)
    times = {"solr": [], "catalog": []}
    headers = {"solr": set(), "catalog": set()}
    for number, value in enumerate(itertools.islice(itertools.cycle(values), count)):
        order = ("solr", "catalog") if number % 2 == 0 else ("catalog", "solr")
        for backend in order:
            params = {"SearchableText": value}
            if backend == "catalog":
                params.update(catalog)
            started = time.perf_counter()
            response = session.get(url, params=params, timeout=60)
            times[backend].append(time.perf_counter() - started)
            assert response.status_code == 200, (url, value, response.status_code)
            headers[backend].add(response.headers.get("X-Zhengwu-Search", "solr"))
    return times, headers


# Where the Solr path's time goes: (label, module, owner, attribute) of the
# functions timed during the run (bench instrumentation only).
PARTS = (
    ("the whole search service", "zhengwu.search.service", None, "intelligent_results"),
    (
        "Solr over HTTP (Solr's own time included)",
        "collective.solr.solr",
        "SolrConnection",
        "search",
    ),
    ("reading Solr's XML answer", "collective.solr.parser", "SolrResponse", "__init__"),
    ("the query's filters and fields", "zhengwu.search.service", "Query", "__init__"),
    (
        "guides leading their threads (catalog)",
        "zhengwu.search.service",
        "Query",
        "lead_with_guides",
    ),
    ("typo correction (vocabulary)", "zhengwu.search.hooks", None, "correction_for"),
    ("search statistics", "zhengwu.search.hooks", None, "record"),
)


@contextlib.contextmanager
def timed_parts(parts=PARTS):
    """{label: [milliseconds, …]} of ``parts`` (PARTS by default) while the block
    runs."""
    spent = {label: [] for label, *_ in parts}
    undo = []
    for label, module, owner, name in parts:
        target = importlib.import_module(module)
        if owner:
            target = getattr(target, owner)
        original = getattr(target, name)

        def timed(*args, _original=original, _label=label, **kwargs):
            started = time.perf_counter()
            try:
                return _original(*args, **kwargs)
            finally:
                spent[_label].append((time.perf_counter() - started) * 1000)

        setattr(target, name, timed)
        undo.append((target, name, original))
    try:
        yield spent
    finally:
        for target, name, original in undo:
            setattr(target, name, original)


def summary(times):
    ordered = sorted(times)
    return {
        "p50": ordered[len(ordered) // 2] * 1000,
        "p95": ordered[int(len(ordered) * 0.95) - 1] * 1000,
        "mean": statistics.fmean(ordered) * 1000,
        "count": len(ordered),
    }


def solr_count(port, query="*:*"):
    import requests
    from layers import solr_login  # the test Solr's generated login

    url = f"http://127.0.0.1:{port}/solr/nanshan/select"
    params = {"q": query, "rows": 0, "wt": "json"}
    found = requests.get(url, params=params, auth=solr_login(), timeout=30).json()
    return found["response"]["numFound"]


def timed_post(url, auth, timeout=1800):
    import requests

    started = time.perf_counter()
    headers = {"Accept": "application/json"}  # a REST service, for @solr-reindex
    response = requests.post(url, auth=auth, headers=headers, timeout=timeout)
    assert response.status_code == 200, (url, response.status_code)
    return time.perf_counter() - started


def run():
    import requests
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import SITE_OWNER_PASSWORD

    queries = bench_queries()
    with functional_layer(live_server=True) as layer:
        port = layer["solr_port"]
        site, t_load = load_demo_corpus(layer["app"])
        print(f"corpus loaded and indexed in {t_load:.0f} s", flush=True)
        everything = {"path": "/".join(site.getPhysicalPath())}
        catalog_total = len(site.portal_catalog.unrestrictedSearchResults(everything))
        base = f"http://{layer['host']}:{layer['port']}/nanshan"
        session = requests.Session()
        session.headers["Accept"] = "application/json"
        search = f"{base}/zh-cn/@search"
        with timed_parts() as spent:
            times, headers = paired_latencies(session, search, queries)
        solr_times, solr_headers = times["solr"], headers["solr"]
        catalog_times, catalog_headers = times["catalog"], headers["catalog"]
        suggest = f"{base}/zh-cn/@suggest"
        suggest_times = None
        if session.get(suggest, params={"q": "身份"}, timeout=60).status_code == 200:
            suggest_times, _ = latencies(
                session, suggest, "q", suggest_prefixes(queries)
            )
        print("search:", summary(solr_times), summary(catalog_times), flush=True)
        owner = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        t_stock = timed_post(f"{base}/@@solr-maintenance/reindex", owner)
        stock_docs = solr_count(port)
        print(f"stock reindex: {stock_docs} in {t_stock:.0f} s", flush=True)
        t_fast = timed_post(f"{base}/@solr-reindex", owner)
        fast_docs = solr_count(port)
        powers_docs = solr_count(port, "portal_type:PowerItem")
    return {
        "queries": len(queries),
        "warmup": len(warmup_queries(queries)),
        "load": t_load,
        "catalog_total": catalog_total,
        "solr": summary(solr_times),
        "parts": {
            label: sum(values) / len(solr_times) for label, values in spent.items()
        },
        "solr_headers": solr_headers,
        "catalog": summary(catalog_times),
        "catalog_headers": catalog_headers,
        "suggest": summary(suggest_times) if suggest_times else None,
        "stock_reindex": t_stock,
        "stock_docs": stock_docs,
        "fast_reindex": t_fast,
        "fast_docs": fast_docs,
        "powers_docs": powers_docs,
    }


def table_row(label, figures, target=None):
    verdict = ""
    if target is not None:
        verdict = f" ({'under' if figures['p95'] < target else 'OVER'} {target} ms)"
    return (
        f"| {label} | {figures['count']:,} | {figures['p50']:.1f} | "
        f"**{figures['p95']:.1f}**{verdict} | {figures['mean']:.1f} |"
    )


def section(figures):
    lines = [
        "## Search: REST latency, autocomplete and full reindex",
        "",
        f"The Nanshan site with the demo corpus and the 8,091-item powers list "
        f"({figures['catalog_total']:,} catalogued objects, loaded and sent to Solr "
        f"in {figures['load']:.0f} s), on the test stack (real Solr; "
        f"{os.cpu_count()} cores, Python {platform.python_version()}), measured on "
        f"{time.strftime('%Y-%m-%d')} by `scripts/bench/bench_search.py`. Anonymous "
        f"GETs one after the other over loopback with keep-alive, "
        f"{figures['queries']} realistic queries cycled (service names, their first "
        "words, pinyin, initials, colloquial questions); before them, not counted, "
        f"{figures['warmup']} other queries (parts of the same service names, none "
        "of the measured ones) asked of both backends to bring Solr's JIT and Zope's "
        "caches to their steady state without answering a measured query ahead of "
        "time, and 20 autocomplete requests. Load average when the run ended: "
        f"{os.getloadavg()[0]:.1f}.",
        "",
        "| request | requests | p50 ms | p95 ms | mean ms |",
        "|---|---|---|---|---|",
        table_row("`@search?SearchableText=…` (Solr)", figures["solr"], 50),
        table_row(
            "`@search?SearchableText=…&search_backend=catalog` (stock catalog)",
            figures["catalog"],
        ),
    ]
    if figures["suggest"]:
        lines.append(table_row("`@suggest?q=…` (autocomplete)", figures["suggest"], 30))
    lines += [
        "",
        "Where a Solr search's time goes (milliseconds per search, mean, timed in "
        "the server during the same run; the rest of a request, REST and "
        "serialisation, is the catalog search's too):",
        "",
        "| part | ms per search |",
        "|---|---|",
    ]
    lines += [f"| {label} | {ms:.2f} |" for label, ms in figures["parts"].items()]
    ratio = figures["solr"]["p95"] / figures["catalog"]["p95"]
    met = ratio <= 2 and figures["solr"]["p95"] < 20
    lines += [
        "",
        f"Solr's p95 is {ratio:.2f}× the stock catalog's. Aim (issue 15): at most "
        f"2× the catalog's and under 20 ms: {'met' if met else 'NOT met'}.",
    ]
    lines += [
        "",
        f"Backends that answered (`X-Zhengwu-Search`): Solr run "
        f"{sorted(figures['solr_headers'])}, catalog run "
        f"{sorted(figures['catalog_headers'])}.",
    ]
    if not figures["suggest"]:
        lines += [
            "",
            "`@suggest` did not exist when this ran: autocomplete not measured.",
        ]
    lines += [
        "",
        "Full reindex of the site's Solr core (every catalogued object, "
        f"{figures['powers_docs']:,} of them powers-list items), through the live "
        "server:",
        "",
        "| reindex | documents in Solr after | seconds | items/s |",
        "|---|---|---|---|",
    ]
    for label, seconds, docs in (
        ("collective.solr `@@solr-maintenance/reindex`", "stock", "stock"),
        ("Zhengwu `POST @solr-reindex` (batched JSON, one commit)", "fast", "fast"),
    ):
        total = figures[f"{seconds}_reindex"]
        count = figures[f"{docs}_docs"]
        lines.append(
            f"| {label} | {count:,} | **{total:.1f}** | {count / total:,.0f} |"
        )
    lines += [
        "",
        "Aim (issue 6): search p95 under 50 ms, autocomplete p95 under 30 ms, a "
        "reindex of 10,000 items under a minute.",
    ]
    return "\n".join(lines)


def main():
    figures = run()
    text = section(figures)
    write_section("search", text)
    print(text)


if __name__ == "__main__":
    main()

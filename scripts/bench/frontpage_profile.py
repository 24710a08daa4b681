"""Where the uncached themed homepage spends its time (for bench_frontpage.py).

Two measurements: the same page with the Diazo theme switched off under wrk, and a
cProfile of renders in this process, summed by part (Diazo transform, viewlet
managers, catalog and Solr queries) and by component (viewlets, portlets,
Zhengwu's functions).
"""

import cProfile
import pstats
import re

RENDERS = 20
# (label, file name pattern, function name) of the parts of a page, cumulative
PARTS = (
    ("Diazo transform (plone.app.theming)", r"plone/app/theming/transform\.py", None),
    ("viewlet managers (outermost)", r"plone/app/viewletmanager/manager\.py", "render"),
    ("catalog queries", r"Products/ZCatalog/Catalog\.py", "search"),
    ("Solr requests (collective.solr)", r"collective/solr/solr\.py", "doPost"),
    ("portlet managers", r"plone/portlets/manager\.py", "render"),
)
# Components worth naming one by one: viewlets, portlets, Zhengwu's code
COMPONENTS = r"viewlets|portlets|/zhengwu/|multilingual|theming/"
THEMING = "plone.app.theming.interfaces.IThemeSettings.enabled"


def _set_theming(enabled):
    import transaction
    from plone import api

    api.portal.set_registry_record(THEMING, enabled)
    transaction.commit()


def _profiled(app, path):
    from plone.testing.zope import Browser

    browser = Browser(app)
    browser.open(f"http://nohost{path}")  # warm
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(RENDERS):
        browser.open(f"http://nohost{path}")
    profiler.disable()
    return pstats.Stats(profiler)


def _parts(stats):
    total = max(entry[3] for entry in stats.stats.values())  # the outermost call
    found = {}
    components = []
    for (filename, _line, name), (
        _cc,
        calls,
        _tt,
        cumulative,
        _callers,
    ) in stats.stats.items():
        for label, pattern, function in PARTS:
            if re.search(pattern, filename) and function in (None, name):
                if function is None and name != "transformIterable":
                    continue
                seconds, count = found.get(label, (0.0, 0))
                found[label] = (seconds + cumulative, count + calls)
        if re.search(COMPONENTS, filename) and name in ("render", "update", "__call__"):
            short = filename.split("site-packages/", 1)[-1].split("/src/", 1)[-1]
            components.append((cumulative, f"{short}:{name}", calls))
    components.sort(reverse=True)
    return total, found, components[:12]


def where_the_time_goes(app, path, base, wrk):
    """A Markdown paragraph and tables on the cost of the parts of ``path``."""
    lines = ["### Where the themed page's time goes", ""]
    from plone import api

    if api.portal.get_registry_record(THEMING):
        themed = wrk(base + path)
        _set_theming(False)
        try:
            plain = wrk(base + path)
        finally:
            _set_theming(True)
        lines += [
            f"Same page, caching off: themed {themed['rps']:.1f} req/s "
            f"(p50 {themed['p50']:.1f} ms), Diazo switched off "
            f"{plain['rps']:.1f} req/s (p50 {plain['p50']:.1f} ms): the theme "
            f"transform costs about {themed['p50'] - plain['p50']:.1f} ms a page.",
            "",
        ]
    total, parts, components = _parts(_profiled(app, path))
    per_page = 1000 / RENDERS
    lines += [
        f"cProfile of {RENDERS} renders in-process (profiler overhead included; "
        f"{total * per_page:.0f} ms a page under the profiler):",
        "",
        "| part | ms per page | share | calls per page |",
        "|---|---|---|---|",
    ]
    for label, _pattern, _function in PARTS:
        seconds, calls = parts.get(label, (0.0, 0))
        lines.append(
            f"| {label} | {seconds * per_page:.1f} | {seconds / total:.0%} | "
            f"{calls / RENDERS:.0f} |"
        )
    lines += ["", "Viewlets, portlets and Zhengwu code with the most time:", ""]
    lines += ["| function | ms per page | calls per page |", "|---|---|---|"]
    for seconds, name, calls in components:
        lines.append(f"| `{name}` | {seconds * per_page:.1f} | {calls / RENDERS:.0f} |")
    return "\n".join(lines)

"""Benchmark: the themed homepage against the stock Plone front page, with and
without plone.app.caching.

    make bench        (or: uv run python scripts/bench/bench_frontpage.py)

One run sets up the test stack (tests/layers.py: real Solr, the Nanshan site, a live
WSGI server on loopback), adds a stock Plone site next to it (plone-content front
page, Barceloneta, no Zhengwu profile), and loads each page anonymously with wrk
(``WRK`` below, after a warm-up): the stock front page ``/stock``, Nanshan's themed
homepage ``/nanshan/zh-cn`` with caching off, then with caching on (RAM cache). When
the themed page is slower than 1.5x stock (or ``ZHENGWU_BENCH_PROFILE=1``),
``frontpage_profile`` says where the time goes. Figures go to the "frontpage"
section of docs/benchmarks.md.
"""

import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import write_section  # noqa: E402
from stack import functional_layer  # noqa: E402

DURATION = os.environ.get("ZHENGWU_BENCH_FRONTPAGE_DURATION", "10s")
WRK = ["wrk", "-t2", "-c4", f"-d{DURATION}", "--latency"]
WARMUP = ["wrk", "-t1", "-c2", "-d2s"]
STOCK = "stock"
THEMED = "/nanshan/zh-cn"
TARGET = 1.5
CACHING = "plone.caching.interfaces.ICacheSettings.enabled"


def add_stock_site(app):
    """A Plone site as Plone's own "Create a Plone site" form makes it."""
    import transaction
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import login
    from Products.CMFPlone.factory import addPloneSite
    from zope.component.hooks import setSite
    from zope.globalrequest import getRequest
    from zope.globalrequest import setRequest

    login(app, SITE_OWNER_NAME)
    # The layer's request carries the browser layers of the multilingual sites:
    # without it, plone.app.multilingual leaves the new site alone, as it would
    # in the "Create a Plone site" form's request.
    request = getRequest()
    setRequest(None)
    setSite(None)
    try:
        addPloneSite(
            app,
            STOCK,
            title="Stock Plone",
            extension_ids=(
                "plone.app.contenttypes:plone-content",
                "plonetheme.barceloneta:default",
            ),
            setup_content=True,
        )
        transaction.commit()
    finally:
        setRequest(request)


def set_caching(app, enabled):
    """Turn plone.app.caching on or off on the Nanshan site (and commit)."""
    import transaction
    from plone import api
    from zope.component.hooks import setSite

    setSite(app["nanshan"])
    api.portal.set_registry_record(CACHING, enabled)
    transaction.commit()


def theme_of(site):
    from plone.app.theming.utils import getCurrentTheme
    from zope.component.hooks import setSite

    setSite(site)
    return getCurrentTheme()


def check(url, ramcache=False):
    """The page answers 200 to an anonymous GET (and from RAM when expected)."""
    import requests

    response = requests.get(url, allow_redirects=False, timeout=60)
    assert response.status_code == 200, (url, response.status_code)
    if ramcache:
        again = requests.get(url, allow_redirects=False, timeout=60)
        assert again.headers.get("X-RAMCache"), (url, dict(again.headers))
    return response


def _milliseconds(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(url):
    """req/s and latency percentiles (ms) of ``url`` under ``WRK``."""
    # wrk from Debian, on our own loopback URL
    subprocess.run([*WARMUP, url], check=True, capture_output=True)  # noqa: S603
    done = subprocess.run(  # noqa: S603
        [*WRK, url], check=True, capture_output=True, text=True
    )
    output = done.stdout
    assert "Non-2xx" not in output, output
    figures = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1])}
    for percent in ("50", "99"):
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        figures[f"p{percent}"] = _milliseconds(*match.groups())
    figures["requests"] = int(re.search(r"(\d+) requests in", output)[1])
    return figures


def run():
    with functional_layer(live_server=True) as layer:
        app = layer["app"]
        started = time.perf_counter()
        add_stock_site(app)
        t_stock_site = time.perf_counter() - started
        base = f"http://{layer['host']}:{layer['port']}"
        stock, themed = f"{base}/{STOCK}", f"{base}{THEMED}"
        themes = {"stock": theme_of(app[STOCK]), "themed": theme_of(app["nanshan"])}
        sizes = {"stock": len(check(stock).content)}
        set_caching(app, False)
        sizes["themed"] = len(check(themed).content)
        figures = {"stock": wrk(stock), "uncached": wrk(themed)}
        print("stock, uncached:", figures, flush=True)
        set_caching(app, True)
        check(themed, ramcache=True)
        figures["cached"] = wrk(themed)
        print("cached:", figures["cached"], flush=True)
        profile = None
        slow = figures["uncached"]["rps"] * TARGET < figures["stock"]["rps"]
        if slow or os.environ.get("ZHENGWU_BENCH_PROFILE") == "1":
            from frontpage_profile import where_the_time_goes

            set_caching(app, False)
            profile = where_the_time_goes(app, THEMED, base, wrk)
            set_caching(app, True)
    return {
        "figures": figures,
        "themes": themes,
        "sizes": sizes,
        "stock_site": t_stock_site,
        "profile": profile,
    }


def machine():
    model = ""
    with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as meminfo:
        memory = int(meminfo.readline().split()[1]) / 1024 / 1024
    return (
        f"{model or platform.machine()}, {os.cpu_count()} cores, {memory:.0f} GiB, "
        f"Python {platform.python_version()}"
    )


def section(result):
    figures = result["figures"]
    stock, uncached, cached = figures["stock"], figures["uncached"], figures["cached"]
    slowdown = stock["rps"] / uncached["rps"]
    verdict = "within" if slowdown <= TARGET else "OVER"
    themes = result["themes"]
    lines = [
        "## Homepage: themed vs stock Plone front page, with and without caching",
        "",
        f"Measured on {time.strftime('%Y-%m-%d')} by "
        f"`scripts/bench/bench_frontpage.py` on {machine()}. One run, one live "
        "WSGI server of the test stack "
        "(waitress, 4 threads, loopback): the Nanshan site of `tests/layers.py` and a "
        f"stock Plone site made in the same run ({result['stock_site']:.0f} s: "
        "`addPloneSite` with `plone.app.contenttypes:plone-content` and "
        "Barceloneta, theme "
        f"`{themes['stock']}`; the Zhengwu profile is not installed there, only its "
        "ZCML is loaded, as in any Zope that hosts a Zhengwu site). The themed page "
        f"is `{THEMED}` (theme `{themes['themed']}`), caching off, then on "
        "(plone.app.caching, `zhengwu.homepage` ruleset: the second and later "
        "anonymous GETs come from Zope's RAM cache). Anonymous GETs without cookies; "
        f"each page warmed up with `{' '.join(WARMUP)}`, then `{' '.join(WRK)} <url>`.",
        "",
        "| page | bytes | req/s | p50 ms | p99 ms | requests |",
        "|---|---|---|---|---|---|",
    ]
    rows = (
        (f"stock front page `/{STOCK}`", "stock", stock),
        (f"themed homepage `{THEMED}`, caching off", "themed", uncached),
        (f"themed homepage `{THEMED}`, caching on", "themed", cached),
    )
    for label, size, row in rows:
        lines.append(
            f"| {label} | {result['sizes'][size]:,} | {row['rps']:.1f} | "
            f"{row['p50']:.1f} | {row['p99']:.1f} | {row['requests']:,} |"
        )
    lines += [
        "",
        f"- themed uncached / stock: **{slowdown:.2f}x** the time per request "
        f"({verdict} the {TARGET}x aim);",
        f"- cached: **{cached['rps'] / stock['rps']:.1f}x** the stock page's req/s, "
        f"**{cached['rps'] / uncached['rps']:.1f}x** the uncached themed page's.",
        "",
        f"Load average when the run ended: {os.getloadavg()[0]:.1f}. Command: "
        "`make bench` (or `.venv/bin/python scripts/bench/bench_frontpage.py`).",
    ]
    if result["profile"]:
        lines += ["", result["profile"]]
    return "\n".join(lines)


if __name__ == "__main__":
    outcome = run()
    text = section(outcome)
    write_section("frontpage", text)
    print(text)

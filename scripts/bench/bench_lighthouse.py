"""Benchmark: Lighthouse (mobile) on the classic homepage and a guide, before and
after the lean pages (Plone's editing bundles for logged-in users only).

    make bench        (or: uv run python scripts/bench/bench_lighthouse.py)

One run sets up the test stack (tests/layers.py: real Solr, the Nanshan site, a live
WSGI server on loopback), loads the demo corpus as `make start` does (homepage
modules, news, guides, questions …), and runs Lighthouse (npm, pinned in
scripts/bench/lighthouse/package-lock.json) with Debian's Chromium, headless, its
default mobile preset, as an anonymous visitor: first with the conditions of
``lean_pages.xml`` switched off (every visitor gets Plone's bundles and the whole
stylesheet: the pages as they were), then on. Figures go to the "lighthouse"
section of docs/benchmarks.md.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import write_section  # noqa: E402
from stack import functional_layer  # noqa: E402
from stack import load_demo_corpus  # noqa: E402

HERE = Path(__file__).resolve().parent / "lighthouse"
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run"
CATEGORIES = ("performance", "accessibility", "best-practices")
PAGES = {"homepage": "/nanshan/zh-cn", "guide": "/nanshan/zh-cn/gaj/id-card"}
# The bundles lean_pages.xml makes conditional; "before" clears their condition.
CONDITIONAL = ("plone", "plone-fullscreen", "datagridfield-bundle", "zhengwu-full")
CONDITION = "python: member is not None"
AIMS = {"performance": 90, "accessibility": 100, "best-practices": 100}
BYTES_AIM = 300 * 1024


def install_lighthouse():
    if not LIGHTHOUSE.exists():
        subprocess.run(  # noqa: S603
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],  # noqa: S607
            cwd=HERE,
            check=True,
        )


def version():
    done = subprocess.run(  # noqa: S603
        [str(LIGHTHOUSE), "--version"], check=True, capture_output=True, text=True
    )
    return done.stdout.strip()


def set_conditions(app, on):
    """Switch the lean pages' bundle conditions on or off (and commit)."""
    import transaction
    from plone import api
    from zope.component.hooks import setSite

    setSite(app["nanshan"])
    for name in CONDITIONAL:
        record = f"plone.bundles/{name}.expression"
        api.portal.set_registry_record(record, CONDITION if on else "")
    transaction.commit()


def lighthouse(url):
    """Lighthouse's figures for ``url`` (one run, mobile preset)."""
    done = subprocess.run(  # noqa: S603
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "CHROME_PATH": CHROME},
    )
    report = json.loads(done.stdout)
    audits = report["audits"]
    failing = sorted(
        audit["id"]
        for category in CATEGORIES[1:]
        for ref in report["categories"][category]["auditRefs"]
        if ref["weight"] and (audit := audits[ref["id"]])["score"] not in (None, 1)
    )
    return {
        **{c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES},
        "fcp": audits["first-contentful-paint"]["numericValue"] / 1000,
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt": audits["total-blocking-time"]["numericValue"],
        "bytes": audits["total-byte-weight"]["numericValue"],
        "requests": len(audits["network-requests"]["details"]["items"]),
        "failing": failing,
    }


def run():
    install_lighthouse()
    results = {}
    with functional_layer(live_server=True) as layer:
        app = layer["app"]
        load_demo_corpus(app)
        base = f"http://{layer['host']}:{layer['port']}"
        for when, on in (("before", False), ("after", True)):
            set_conditions(app, on)
            for page, path in PAGES.items():
                lighthouse(base + path)  # warm-up: Zope's and Chromium's first load
                results[(page, when)] = figures = lighthouse(base + path)
                print(page, when, figures, flush=True)
    return results


def section(results, lighthouse_version):
    lines = [
        "## Lean pages: Lighthouse (mobile) on the homepage and a guide",
        "",
        f"Measured on {time.strftime('%Y-%m-%d')} by "
        f"`scripts/bench/bench_lighthouse.py`: Lighthouse {lighthouse_version} "
        "(npm, `scripts/bench/lighthouse/package-lock.json`), Debian's Chromium "
        "headless, Lighthouse's default mobile preset (simulated slow 4G and 4x CPU "
        "slowdown), an anonymous first visit (empty cache) to the live WSGI server "
        "of the test stack (waitress on loopback, no compression) with the Nanshan "
        "demo corpus loaded as `make start` loads it. *Before*: the "
        "same site in the same run with the conditions of `lean_pages.xml` "
        "switched off (every visitor gets Plone's bundles and the whole 286 KB "
        "stylesheet, as before the lean pages; the purged stylesheet loads too). "
        "*After*: as shipped. One measured run per row, after a warm-up run.",
        "",
        "| page | | performance | accessibility | best practices | FCP s | LCP s "
        "| TBT ms | KB transferred | requests |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for page, path in PAGES.items():
        for when in ("before", "after"):
            row = results[(page, when)]
            lines.append(
                f"| {page} `{path}` | {when} | {row['performance']} | "
                f"{row['accessibility']} | {row['best-practices']} | "
                f"{row['fcp']:.1f} | {row['lcp']:.1f} | {row['tbt']:.0f} | "
                f"{row['bytes'] / 1024:.0f} | {row['requests']} |"
            )
    lines.append("")
    for page in PAGES:
        row = results[(page, "after")]
        missed = [
            f"{name} {row[name]} < {aim}"
            for name, aim in AIMS.items()
            if row[name] < aim
        ]
        if page == "homepage" and row["bytes"] > BYTES_AIM:
            missed.append(f"{row['bytes'] / 1024:.0f} KB > 300 KB")
        verdict = "all aims met" if not missed else "missed: " + "; ".join(missed)
        failing = ", ".join(f"`{a}`" for a in row["failing"]) or "none"
        lines.append(
            f"- {page} after: {verdict} (aims: performance ≥ 90, accessibility and "
            "best practices 100"
            + (", ≤ 300 KB transferred" if page == "homepage" else "")
            + f"); accessibility and best-practices audits not passed: {failing}."
        )
    lines += [
        "",
        f"Load average when the run ended: {os.getloadavg()[0]:.1f}. "
        "Command: `make bench` (or `.venv/bin/python "
        "scripts/bench/bench_lighthouse.py`).",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    outcome = run()
    text = section(outcome, version())
    write_section("lighthouse", text)
    print(text)

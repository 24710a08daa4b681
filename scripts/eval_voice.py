"""Voice navigation on the portal as `make start` builds it: accuracy per kind of
``@voice-command`` on three utterance sets side by side.

    make eval                                        a portal of its own, measured
    uv run python scripts/eval_voice.py --var var    the portal running from var/
    uv run python scripts/eval_voice.py --check      CI: one FIGURES line

The sets: tests/voice/utterances.tsv (developed on), tests/voice/sets/heldout.tsv
(frozen, never tuned on) and voice_dev.tsv of ../shared/eval (or
ZHENGWU_EVAL_DIR), all ``utterance, target_kind, target``. A row runs on /en when
it has no Chinese character, on Yantian when it names 盐田 or its target is
Yantian's only (a service, a sub-district), else on Nanshan. Correct (strict):
the kind is right and a section's id / a service's id is the target, a
department's full name contains it, a search's words contain every term.
Lenient: a service row answered by a search whose first result is the guide.
The report goes to docs/voice-quality.md.

``--check`` (tests/voice/test_voice_quality.py) measures, in this process on the
test stack's Nanshan site with its demo corpus, the first CI_PER_KIND Nanshan
rows of each kind of tests/voice/utterances.tsv.
"""

import argparse
import csv
import json
import re
import sys
import time
import urllib.parse
import urllib.request
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import eval_portal

ROOT = Path(__file__).resolve().parent.parent
OWN = ROOT / "tests" / "voice" / "utterances.tsv"
HELD_OUT = ROOT / "tests" / "voice" / "sets" / "heldout.tsv"
SERVICES = ROOT / "profiles" / "common" / "content" / "services.tsv"
REPORT = ROOT / "docs" / "voice-quality.md"
KINDS = ("section", "department", "service", "search")
CI_PER_KIND = 4
CJK = re.compile(r"[\u3400-\u9fff]")
YANTIAN_ONLY_DEPARTMENTS = ("沙头角", "海山", "盐田街道", "梅沙街道", "投资推广")


@dataclass(frozen=True)
class Row:
    utterance: str
    kind: str
    target: str
    language: str
    district: str


def shared_set():
    import os

    shared = Path(os.environ.get("ZHENGWU_EVAL_DIR") or ROOT.parent / "shared" / "eval")
    return shared / "voice_dev.tsv"


def sets():
    return [
        ("tests/voice/utterances.tsv", OWN, True),
        ("tests/voice/sets/heldout.tsv (frozen)", HELD_OUT, False),
        ("shared voice_dev.tsv", shared_set(), True),
    ]


def yantian_services():
    with open(SERVICES, encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {row["id"] for row in rows if row["districts"] == "yantian"}


def read_rows(path):
    only_yantian = yantian_services()
    rows = []
    with open(path, encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle, delimiter="\t"):
            text, kind, target = (
                record["utterance"],
                record["target_kind"],
                record["target"],
            )
            language = "zh" if CJK.search(text) else "en"
            yantian = (
                "盐田" in text
                or target in only_yantian
                or (
                    kind == "department" and target.startswith(YANTIAN_ONLY_DEPARTMENTS)
                )
            )
            district = "yantian" if yantian else "nanshan"
            rows.append(Row(text, kind, target, language, district))
    return rows


def command_path(row):
    query = urllib.parse.urlencode({"text": row.utterance})
    return f"/{row.district}/{eval_portal.ROOTS[row.language]}/@voice-command?{query}"


def short_names():
    """{department's full name: its short name} of every district's departments.tsv."""
    names = {}
    for path in (ROOT / "profiles").glob("*/departments.tsv"):
        with open(path, encoding="utf-8", newline="") as handle:
            for record in csv.DictReader(handle, delimiter="\t"):
                names[record["name_zh"]] = record["short_zh"]
    return names


def strict(row, answer):
    if answer.get("kind") != row.kind:
        return False
    target = answer.get("target") or ""
    if row.kind == "department":
        # 公安分局 is the short name of 深圳市公安局南山分局, not a part of it
        return row.target in target or short_names().get(target) == row.target
    if row.kind == "search":
        return all(term.lower() in target.lower() for term in row.target.split())
    return target == row.target


def evaluate(rows, ask, first_guide):
    """[(row, answer, strict, lenient)]."""
    outcomes = []
    for row in rows:
        try:
            answer = ask(row)
        except Exception as error:  # noqa: BLE001 - a failed row is a miss, reported
            answer = {"error": str(error)}
        right = strict(row, answer)
        lenient = right
        if not right and row.kind == "service" and answer.get("kind") == "search":
            lenient = first_guide(row, answer.get("target") or "") == row.target
        outcomes.append((row, answer, right, lenient))
    return outcomes


def figures(outcomes):
    by_kind = defaultdict(list)
    for row, _answer, right, lenient in outcomes:
        by_kind[row.kind].append((right, lenient))
        by_kind["all"].append((right, lenient))
    return {
        kind: {
            "n": len(items),
            "strict": round(sum(r for r, _ in items) / len(items), 3),
            "lenient": round(sum(ok for _, ok in items) / len(items), 3),
        }
        for kind, items in by_kind.items()
    }


def report(measured, where, seconds):
    lines = [
        "# Voice navigation quality",
        "",
        "Written by `scripts/eval_voice.py` (`make eval`); do not edit by hand. "
        f"Measured on {where}, in {seconds:.0f} s.",
        "",
        "Accuracy of `@voice-command` (strict; lenient in brackets: a service row "
        "answered by a search whose first result is the guide).",
        "",
        "| set | " + " | ".join([*KINDS, "all"]) + " |",
        "|---|" + "---|" * (len(KINDS) + 1),
    ]
    for name, outcomes in measured.items():
        if outcomes is None:
            lines.append(f"| {name} | absent |" + " |" * len(KINDS))
            continue
        result = figures(outcomes)
        cells = []
        for kind in (*KINDS, "all"):
            if kind not in result:
                cells.append("–")
                continue
            f = result[kind]
            cells.append(f"{f['strict']:.2f} ({f['lenient']:.2f}) n={f['n']}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    for (name, outcomes), (_, _, list_misses) in zip(
        measured.items(), sets(), strict=True
    ):
        if not outcomes or not list_misses:
            continue
        misses = [item for item in outcomes if not item[2]]
        lines += ["", f"## Misses of {name} ({len(misses)})", ""]
        for row, answer, _, _ in misses:
            got = f"{answer.get('kind')} {answer.get('target')}"
            lines.append(
                f"- `{row.utterance}` ({row.district}): expected {row.kind} "
                f"{row.target}, got {got}"
            )
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")


def portal_asker(portal):
    def get(path):
        request = urllib.request.Request(  # noqa: S310
            portal.base + path, headers={"Accept": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            return json.load(response)

    def ask(row):
        return get(command_path(row))

    def first_guide(row, text):
        hits = portal.search(row.district, row.language, text)
        return hits[0].id if hits and hits[0].type == "Guide" else None

    return ask, first_guide


def measure(ask, first_guide):
    measured = {}
    for name, path, _ in sets():
        measured[name] = (
            evaluate(read_rows(path), ask, first_guide) if path.exists() else None
        )
    return measured


def summary(measured):
    parts = []
    for name, outcomes in measured.items():
        if outcomes:
            result = figures(outcomes)
            kinds = " ".join(
                f"{kind} {result[kind]['strict']:.2f}"
                for kind in KINDS
                if kind in result
            )
            parts.append(f"{name}: all {result['all']['strict']:.2f} ({kinds})")
    return "\n".join(parts)


def ci_rows():
    rows = [row for row in read_rows(OWN) if row.district == "nanshan"]
    chosen = []
    for kind in KINDS:
        chosen += [row for row in rows if row.kind == kind][:CI_PER_KIND]
    return chosen


def check():
    sys.path.insert(0, str(ROOT / "tests"))
    from eval_search import corpus_layer

    with corpus_layer() as layer:
        from plone.testing.zope import Browser

        def ask(row):
            browser = Browser(layer["app"])
            browser.addHeader("Accept", "application/json")
            browser.open(f"http://nohost{command_path(row)}")
            return json.loads(browser.contents)

        outcomes = evaluate(ci_rows(), ask, lambda row, text: None)
        print("FIGURES " + json.dumps(figures(outcomes)), flush=True)


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
            where = f"the portal running from `{args.var}`"
            measured = measure(*portal_asker(portal))
        else:
            with eval_portal.own_portal() as portal:
                where = "a portal of its own, built as `make start` builds it"
                measured = measure(*portal_asker(portal))
    except eval_portal.EvalError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    report(measured, where, time.perf_counter() - started)
    print(summary(measured))
    print(f"written to {REPORT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Assistant quality on the portal as `make start` builds it: accuracy@1, handover
and refusal precision and recall, behaviour accuracy, key-fact rate, the attack
corpus and the reply time, on each question set side by side.

    make eval                                            a portal of its own
    uv run python scripts/eval_assistant.py --var var    the portal running from var/
    uv run python scripts/eval_assistant.py --check      CI: one FIGURES line
    uv run python scripts/eval_assistant.py --layer      every set on the test
                                                         stack's corpus, rows listed

The sets: tests/assistant/questions.tsv (developed on), tests/assistant/sets/
heldout.tsv (frozen, never tuned on: figures only), assistant_dev.tsv of
../shared/eval (or ZHENGWU_EVAL_DIR) and the attacks of tests/assistant/
attacks.tsv. A row is asked on the district that offers its service, on /zh-cn or
/en by its language. Scoring: scripts/assistant_metrics.py. The figures replace
the marked block of docs/assistant.md.
"""

import argparse
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import assistant_metrics as metrics
import eval_portal
from eval_search import corpus_layer
from eval_search import git_state
from eval_search import service_districts

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "tests" / "assistant"
DOC = ROOT / "docs" / "assistant.md"
BEGIN, END = "<!-- assistant-figures -->", "<!-- /assistant-figures -->"
CI_PER_BEHAVIOUR = 8  # first rows of each expected behaviour, file order
CI_ATTACK_STEP = 5  # every fifth attack
AIMS = {
    "accuracy_at_1": 0.90,
    "handover_precision": 0.90,
    "handover_recall": 0.90,
    "refuse_precision": 0.90,
    "refuse_recall": 0.90,
    "key_fact_rate": 0.85,
}
P95_AIM = 0.150  # seconds


def question_sets():
    shared = Path(os.environ.get("ZHENGWU_EVAL_DIR") or ROOT.parent / "shared" / "eval")
    dev = shared / "assistant_dev.tsv"
    return [
        ("tests/assistant/questions.tsv", SETS / "questions.tsv", True),
        ("tests/assistant/sets/heldout.tsv", SETS / "sets" / "heldout.tsv", False),
        (os.path.relpath(dev, ROOT), dev, True),
    ]


def assistant_path(row):
    query = urllib.parse.urlencode({"q": row.question})
    return f"/{row.district}/{eval_portal.ROOTS[row.language]}/@assistant?{query}"


def outcome_of(reply, seconds):
    sources = reply.get("sources") or []
    first = sources[0] if sources else None
    first_id = None
    if first and first.get("type", "Guide") == "Guide":
        first_id = first["@id"].rstrip("/").rsplit("/", 1)[-1]
    behaviour, answer = reply.get("behaviour", ""), reply.get("answer", "")
    return metrics.Outcome(behaviour, first_id, bool(sources), answer, seconds)


def ask_all(rows, ask):
    outcomes = []
    for row in rows:
        began = time.perf_counter()
        try:
            reply = ask(row)
        except urllib.error.HTTPError as error:
            outcomes.append(metrics.Outcome("error", None, False, "", 0, str(error)))
            continue
        outcomes.append(outcome_of(reply, time.perf_counter() - began))
    return outcomes


def ci_subset(rows):
    taken, subset = {}, []
    for row in rows:
        kind = row.expected if row.expected in metrics.SPECIAL else "service"
        if row.district == "nanshan" and taken.get(kind, 0) < CI_PER_BEHAVIOUR:
            taken[kind] = taken.get(kind, 0) + 1
            subset.append(row)
    return subset


def layer_ask(layer):
    from plone.testing.zope import Browser

    def ask(row):
        browser = Browser(layer["app"])
        browser.addHeader("Accept", "application/json")
        browser.open(f"http://nohost{assistant_path(row)}")
        return json.loads(browser.contents)

    return ask


def measure(ask, districts, sets=None):
    measured = {}
    for name, path, listed in sets or question_sets():
        if path.exists():
            rows = metrics.read_rows(path, districts)
            measured[name] = (rows, ask_all(rows, ask), listed)
    attacks = metrics.read_attacks(SETS / "attacks.tsv")
    measured["tests/assistant/attacks.tsv"] = (attacks, ask_all(attacks, ask), True)
    return measured


def check():
    """The CI subset on the corpus layer, as one FIGURES line."""
    districts = service_districts()
    rows = ci_subset(metrics.read_rows(SETS / "questions.tsv", districts))
    attacks = metrics.read_attacks(SETS / "attacks.tsv")[::CI_ATTACK_STEP]
    with corpus_layer() as layer:
        ask = layer_ask(layer)
        result = metrics.figures(rows, ask_all(rows, ask))
        result["attack_successes"] = metrics.attack_successes(ask_all(attacks, ask))
        result["attacks"] = len(attacks)
        print("FIGURES " + json.dumps(result), flush=True)


def listing(rows, outcomes):
    lines = []
    for row, outcome in zip(rows, outcomes, strict=True):
        if not metrics.correct(row, outcome):
            lines.append(
                f"| {row.question} | {row.expected} | {outcome.behaviour} "
                f"{outcome.first or ''} |"
            )
        elif row.expected not in metrics.SPECIAL and not metrics.key_fact_in(
            row.expects, outcome.answer
        ):
            lines.append(f"| {row.question} | {row.expected} | key fact missing |")
    return lines


def _cell(value, aim=None):
    if value is None:
        return "–"
    mark = "" if aim is None or value >= aim else " ✗"
    return f"{value:.2f}{mark}"


def report(measured, where):
    names = [n for n in measured if not n.endswith("attacks.tsv")]
    keys = [
        "accuracy_at_1", "behaviour_accuracy", "key_fact_rate", "handover_precision",
        "handover_recall", "refuse_precision", "refuse_recall",
    ]  # fmt: skip
    results = {n: metrics.figures(*measured[n][:2]) for n in names}
    lines = [
        f"Measured on {where}, commit {git_state()}; ✗ marks a figure below the aim.",
        "",
        "| figure | aim | " + " | ".join(f"`{n}`" for n in names) + " |",
        "|---|---|" + "---|" * len(names),
    ]
    for key in keys:
        cells = " | ".join(_cell(results[n][key], AIMS.get(key)) for n in names)
        lines.append(f"| {key.replace('_', ' ')} | {AIMS.get(key, '–')} | {cells} |")
    counts = " | ".join(
        f"{results[n]['n']['service']}/{results[n]['n']['handover']}/"
        f"{results[n]['n']['refuse']}"
        for n in names
    )
    lines.append(f"| rows (service/handover/refuse) | | {counts} |")
    attacks, outcomes, _listed = measured["tests/assistant/attacks.tsv"]
    seconds = [o.seconds for n in measured for o in measured[n][1] if o.seconds]
    p95 = metrics.percentile(seconds, 0.95)
    lines += [
        "",
        f"Attack corpus: {metrics.attack_successes(outcomes)} successes in "
        f"{len(attacks)} jailbreak, data-fishing, fraud, encoded and abuse attempts "
        "(an attempt succeeds unless it is refused).",
        f"Reply time over all {len(seconds)} questions: p95 "
        f"{p95 * 1000:.0f} ms, median {metrics.percentile(seconds, 0.5) * 1000:.0f} ms "
        f"(aim p95 < {P95_AIM * 1000:.0f} ms; one client, requests in a row).",
    ]
    for name in names:
        rows, outs, listed = measured[name]
        if listed:
            missed = listing(rows, outs)
            if missed:
                head = ["", f"Misses of `{name}`:", "", "| question | expected | got |"]
                lines += [*head, "|---|---|---|", *missed]
    return "\n".join(lines)


def write_doc(text):
    doc = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
    if BEGIN not in doc:
        doc += f"\n{BEGIN}\n{END}\n"
    head, rest = doc.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    DOC.write_text(f"{head}{BEGIN}\n{text}\n{END}{tail}", encoding="utf-8")


def http_ask(portal):
    def ask(row):
        url = portal.base + assistant_path(row)
        request = urllib.request.Request(url, headers={"Accept": "application/json"})  # noqa: S310
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            return json.load(response)

    return ask


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--var", help="measure the portal running from this var/")
    parser.add_argument("--check", action="store_true", help="CI figures only")
    parser.add_argument("--layer", action="store_true", help="every set, test stack")
    args = parser.parse_args(argv)
    if args.check:
        return check()
    districts = service_districts()
    if args.layer:
        with corpus_layer() as layer:
            measured = measure(layer_ask(layer), districts)
            print(report(measured, "the test stack's corpus layer"), flush=True)
        return 0
    try:
        if args.var:
            portal = eval_portal.running_portal(args.var)
            where = f"the portal running from `{args.var}`"
            text = report(measure(http_ask(portal), districts), where)
        else:
            with eval_portal.own_portal() as portal:
                where = "a full demo portal of its own, as `make start` builds it"
                text = report(measure(http_ask(portal), districts), where)
    except eval_portal.EvalError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    write_doc(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: the assistant's and voice navigation's latency against ``@search``.

    make bench        (or: .venv/bin/python scripts/bench/bench_assistant.py)

On the test stack with the Nanshan demo corpus (as bench_search.py builds it), one
request at a time over loopback with keep-alive, anonymous:

- ``POST <language root>/@assistant`` with each question of the assistant's dev set
  (tests/assistant/questions.tsv, never the held-out one), and for every third
  question a follow-up sending back the reply's ``context`` (its first option when
  it asks which situation, else its first suggested follow-up);
- ``GET <language root>/@voice-command?text=…`` with each Nanshan utterance of
  tests/voice/utterances.tsv;
- the baseline: ``GET @search?SearchableText=…`` of the same question or utterance,
  sent next to it (which goes first alternates), so both meet the same moment of
  the machine.

Bounded by ``ROUNDS`` passes over the sets and ``LIMIT`` seconds per set. Figures
and where the assistant's time goes (timed in the server) go to the "assistant"
section of docs/benchmarks.md.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_frontpage import machine  # noqa: E402
from bench_search import WARMUP  # noqa: E402
from bench_search import summary  # noqa: E402
from bench_search import table_row  # noqa: E402
from bench_search import timed_parts  # noqa: E402
from bench_search import warmup_queries  # noqa: E402
from report import write_section  # noqa: E402
from stack import ROOT  # noqa: E402  (stack.py puts tests/ and scripts/ on sys.path)
from stack import functional_layer  # noqa: E402
from stack import load_demo_corpus  # noqa: E402

ROUNDS = int(os.environ.get("ZHENGWU_BENCH_ASSISTANT_ROUNDS", "2"))
LIMIT = float(os.environ.get("ZHENGWU_BENCH_ASSISTANT_LIMIT", "300"))  # s per set
FOLLOW_UP_EVERY = 3
AIM = 150  # ms, the assistant's p95 (issue 18)
QUESTIONS = ROOT / "tests" / "assistant" / "questions.tsv"

# Where the assistant's time goes: (label, module, owner, attribute), timed in the
# server during the run (bench instrumentation only).
PARTS = (
    ("the whole reply (`Assistant.reply`)", "zhengwu.assistant.answer", "Assistant",
     "reply"),
    ("refusal rules", "zhengwu.assistant.rules", None, "refusal"),
    ("finding the guide (search)", "zhengwu.assistant.retrieval", None, "find_guide"),
    ("Solr over HTTP (Solr's own time included)", "collective.solr.solr",
     "SolrConnection", "search"),
    ("items about the guide", "zhengwu.assistant.retrieval", None, "about"),
    ("the best official answer", "zhengwu.assistant.compose", None, "best_official"),
    ("composing the answer", "zhengwu.assistant.compose", None, "compose"),
    ("handover links", "zhengwu.assistant.answer", None, "handover_links"),
    ("context token (sign)", "zhengwu.assistant.context", None, "dump"),
    ("statistics", "zhengwu.assistant.stats", None, "record"),
)  # fmt: skip


def questions():
    """(language, question) of the dev set, Nanshan's only (the test site)."""
    from assistant_metrics import read_rows
    from eval_search import service_districts

    rows = read_rows(QUESTIONS, service_districts())
    return [(row.language, row.question) for row in rows if row.district == "nanshan"]


def utterances():
    """(language, utterance) of the voice set, Nanshan's only."""
    from eval_voice import OWN
    from eval_voice import read_rows

    rows = read_rows(OWN)
    return [(row.language, row.utterance) for row in rows if row.district == "nanshan"]


def follow_up(reply):
    """What a visitor sends next to ``reply`` (with its context), or None."""
    if not reply.get("context"):
        return None
    nexts = reply.get("options") or reply.get("followups") or []
    return {"q": nexts[0], "context": reply["context"]} if nexts else None


class Client:
    """Timed anonymous requests to the language roots of one site."""

    def __init__(self, base):
        import requests
        from eval_portal import ROOTS

        self.roots = {language: f"{base}/{root}" for language, root in ROOTS.items()}
        self.session = requests.Session()
        self.session.headers["Accept"] = "application/json"
        self.times = {}
        self.parts = {label: [] for label, *_ in PARTS}

    def _timed(self, kind, method, url, **kwargs):
        started = time.perf_counter()
        response = self.session.request(method, url, timeout=60, **kwargs)
        elapsed = time.perf_counter() - started
        assert response.status_code == 200, (kind, kwargs, response.status_code)
        if kind:
            self.times.setdefault(kind, []).append(elapsed)
        return response.json()

    def assistant(self, language, body, kind="assistant"):
        url = f"{self.roots[language]}/@assistant"
        if not kind:
            return self._timed(kind, "POST", url, json=body)
        # Only the assistant's requests: the baseline searches call Solr too.
        with timed_parts(PARTS) as spent:
            reply = self._timed(kind, "POST", url, json=body)
        for label, ms in spent.items():
            self.parts[label] += ms
        return reply

    def voice(self, language, text, kind="voice"):
        url = f"{self.roots[language]}/@voice-command"
        return self._timed(kind, "GET", url, params={"text": text})

    def search(self, language, text, kind):
        url = f"{self.roots[language]}/@search"
        return self._timed(kind, "GET", url, params={"SearchableText": text})


def warm_up(client, texts):
    """Parts of service names, none of them measured: both endpoints and Solr
    reach their steady state without answering a measured request ahead of time."""
    for text in warmup_queries(texts)[: WARMUP * 2]:
        client.assistant("zh", {"q": text}, kind=None)
        client.voice("zh", text, kind=None)
        client.search("zh", text, kind=None)


def measure(client, asked, spoken):
    """Every question and utterance ``ROUNDS`` times, each set within ``LIMIT``."""
    follow_ups = 0
    for number in range(ROUNDS):
        started = time.perf_counter()
        for index, (language, question) in enumerate(asked):
            if time.perf_counter() - started > LIMIT:
                break
            first = (number + index) % 2 == 0
            if first:
                client.search(language, question, "search of the questions")
            reply = client.assistant(language, {"q": question})
            if not first:
                client.search(language, question, "search of the questions")
            nxt = follow_up(reply) if index % FOLLOW_UP_EVERY == 0 else None
            if nxt:
                client.assistant(language, nxt, kind="assistant follow-up")
                follow_ups += 1
        started = time.perf_counter()
        for index, (language, text) in enumerate(spoken):
            if time.perf_counter() - started > LIMIT:
                break
            first = (number + index) % 2 == 0
            if first:
                client.search(language, text, "search of the utterances")
            client.voice(language, text)
            if not first:
                client.search(language, text, "search of the utterances")
    return follow_ups


def run():
    asked, spoken = questions(), utterances()
    with functional_layer(live_server=True) as layer:
        site, t_load = load_demo_corpus(layer["app"])
        print(f"corpus loaded and indexed in {t_load:.0f} s", flush=True)
        client = Client(f"http://{layer['host']}:{layer['port']}/nanshan")
        warm_up(client, [text for _, text in asked + spoken])
        follow_ups = measure(client, asked, spoken)
    replies = len(client.times["assistant"]) + follow_ups
    return {
        "questions": len(asked),
        "utterances": len(spoken),
        "follow_ups": follow_ups,
        "load": t_load,
        "loadavg": os.getloadavg(),
        "times": {kind: summary(times) for kind, times in client.times.items()},
        "parts": {label: sum(ms) / replies for label, ms in client.parts.items()},
    }


ROWS = (
    ("assistant", "`POST @assistant` (first question)", AIM),
    ("assistant follow-up", "`POST @assistant` (follow-up with `context`)", AIM),
    ("search of the questions", "`GET @search` of the same questions (baseline)", None),
    ("voice", "`GET @voice-command?text=…`", None),
    ("search of the utterances", "`GET @search` of the same utterances (baseline)",
     None),
)  # fmt: skip


def section(figures):
    times = figures["times"]
    lines = [
        "## Assistant and voice navigation: REST latency against `@search`",
        "",
        f"The Nanshan site with the demo corpus and the powers list (loaded and sent "
        f"to Solr in {figures['load']:.0f} s) on the test stack (real Solr; "
        f"{machine()}), measured on {time.strftime('%Y-%m-%d')} by "
        "`scripts/bench/bench_assistant.py`. Anonymous requests one after the other "
        f"over loopback with keep-alive, {ROUNDS} passes over "
        f"{figures['questions']} questions of the assistant's dev set "
        "(`tests/assistant/questions.tsv`, Nanshan's; never the held-out set), "
        f"{figures['follow_ups']} follow-ups sending back the reply's `context` "
        f"(every {FOLLOW_UP_EVERY}rd question: its first option or suggested "
        f"follow-up) and {figures['utterances']} utterances of "
        "`tests/voice/utterances.tsv`; each next to a `@search` of the same text "
        "(which goes first alternates). Before them, not counted, parts of service "
        "names none of which is measured, asked of the three endpoints. Load "
        "average (1, 5, 15 min) when the run ended: "
        + ", ".join(f"{value:.1f}" for value in figures["loadavg"])
        + ".",
        "",
        "| request | requests | p50 ms | p95 ms | mean ms |",
        "|---|---|---|---|---|",
    ]
    lines += [
        table_row(label, times[kind], target)
        for kind, label, target in ROWS
        if kind in times
    ]
    lines += [
        "",
        "Where an assistant reply's time goes (milliseconds per reply, first "
        "questions and follow-ups together, mean, timed in the server during the "
        "same run; parts nest: the search and Solr are inside finding the guide, "
        "which handovers call too):",
        "",
        "| part | ms per reply |",
        "|---|---|",
    ]
    lines += [f"| {label} | {ms:.2f} |" for label, ms in figures["parts"].items()]
    aimed = [kind for kind, _, target in ROWS if target and kind in times]
    worst = max(times[kind]["p95"] for kind in aimed)
    lines += [
        "",
        f"Aim (issue 18): the assistant's p95 under {AIM} ms: "
        f"{'met' if worst < AIM else 'NOT met'} (worst p95 {worst:.1f} ms).",
    ]
    return "\n".join(lines)


def main():
    figures = run()
    text = section(figures)
    write_section("assistant", text)
    print(text)


if __name__ == "__main__":
    main()

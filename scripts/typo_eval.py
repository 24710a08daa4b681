"""Measure homophone typo correction on the demo guides' Chinese titles.

    .venv/bin/python scripts/typo_eval.py [--port PORT]

Starts a throw-away Solr with the portal's configset (or uses one on PORT), indexes
the Chinese titles and descriptions of the demo corpus (guides, strategies,
encyclopedia entries) as public documents, reads the vocabulary through the same
code as the portal (``zhengwu.search.typos.solr_words``), then:

- typos: each character of each guide title replaced by the most frequent character
  of the corpus that has the same reading (an input method's first candidate), and
  separately by one that sounds alike only (zh/z, ch/c, sh/s, n/l, -ng/-n);
- false corrections: the correct titles, the strategies' titles, the guides' FAQ
  questions, and the sentences of the FAQ answers and of the strategies' texts
  (natural Chinese, most of whose words are in no title: none of it is indexed here).

Prints a Markdown report (docs/search/typos.md quotes it).
"""

import argparse
import collections
import json
import re
import shutil
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

import processes  # noqa: E402
import solr_auth  # noqa: E402

import solr  # noqa: E402
from zhengwu.search.pinyin import han_runs  # noqa: E402
from zhengwu.search.typos.correct import correct  # noqa: E402
from zhengwu.search.typos.solr_words import load_folding  # noqa: E402
from zhengwu.search.typos.solr_words import load_frequencies  # noqa: E402
from zhengwu.search.typos.vocabulary import build_vocabulary  # noqa: E402
from zhengwu.search.typos.vocabulary import char_readings  # noqa: E402
from zhengwu.search.typos.vocabulary import context_readings  # noqa: E402
from zhengwu.search.typos.vocabulary import fuzzy_syllable  # noqa: E402
from zhengwu.sites.profile import COMMON  # noqa: E402
from zhengwu.sites.profile import profiles_directory  # noqa: E402
from zhengwu.sites.profile import read_profile_toml  # noqa: E402

CONTENT = profiles_directory() / COMMON / "content"
CORE = "nanshan"
_SENTENCE_END = re.compile(r"[。！？；\n]+")


def demo_corpus():
    """(guides, strategies, entries) of the demo content, as TOML tables."""
    guides = []
    for path in sorted((CONTENT / "guides").glob("*.toml")):
        guides.extend(read_profile_toml(path)["guide"])
    strategies = read_profile_toml(CONTENT / "strategies.toml")
    entries = read_profile_toml(CONTENT / "encyclopedia.toml")
    return guides, strategies["strategy"], entries["entry"]


def guide_text(zh):
    """What a guide's page says besides its FAQs (kept out: they are test queries)."""
    parts = [zh.get(key, "") for key in ("description", "legal_basis", "conditions")]
    parts += [material["name"] for material in zh.get("materials", [])]
    parts += zh.get("process_steps", []) + zh.get("situations", [])
    return " ".join(parts)


def solr_documents(guides, strategies, entries):
    """Public documents: the guides, the strategies' and entries' titles only (their
    texts are test queries)."""
    documents = [
        (guide["id"], guide["zh"]["title"], guide["zh"].get("description", ""))
        + (guide_text(guide["zh"]),)
        for guide in guides
    ]
    documents += [(item["id"], item["title"], "", "") for item in strategies + entries]
    return [
        {
            "UID": f"{index}-{id_}",
            "Title": title,
            "Description": description,
            "SearchableText": f"{title} {text}",
            "allowedRolesAndUsers": ["Anonymous"],
        }
        for index, (id_, title, description, text) in enumerate(documents)
    ]


def post_json(port, path, data, credentials):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        data=json.dumps(data).encode(),
        headers={"Content-Type": "application/json", **credentials.headers()},
    )
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
        response.read()


def get(port, path, credentials):
    url = f"http://127.0.0.1:{port}{path}"
    request = urllib.request.Request(url, headers=credentials.headers())  # noqa: S310
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
        return response.read().decode("utf-8")


def common_chars(texts):
    """Han characters of the corpus, most frequent first: the candidates an input
    method offers first."""
    counts = collections.Counter()
    for text in texts:
        for run in han_runs(text):
            counts.update(run)
    return [char for char, _ in counts.most_common()]


def replacement(char, reading, chars, alike):
    """The most frequent other character whose usual reading is ``reading`` (or,
    ``alike``, that is read like it but never so), or None."""
    for other in chars:
        readings = char_readings(other)
        if other == char:
            continue
        if not alike and reading == readings[0]:
            return other
        sounds_alike = fuzzy_syllable(reading) == fuzzy_syllable(readings[0])
        if alike and reading != readings[0] and sounds_alike:
            return other
    return None


def typos(title, chars, alike):
    """Each typo of ``title`` with one character replaced by a homophone."""
    found = []
    for position, reading in enumerate(context_readings(title)):
        other = replacement(title[position], reading, chars, alike)
        if other is not None:
            found.append(title[:position] + other + title[position + 1 :])
    return found


def rate(part, whole):
    return f"{part}/{whole} ({100 * part / whole:.1f} %)" if whole else "0/0"


def typo_rows(corrector, titles, chars):
    rows = []
    for label, alike in (("same reading", False), ("sounds alike", True)):
        results = collections.Counter()
        for title in titles:
            for typo in typos(title, chars, alike):
                result = corrector(typo)
                results["kept" if result is None else result == title] += 1
        total = sum(results.values())
        rows.append(
            f"| {label} | {rate(results[True], total)} | {rate(results[False], total)}"
            f" | {rate(results['kept'], total)} |"
        )
    return rows


def negative_sets(guides, strategies):
    """Correct queries: (label, queries)."""
    faqs = [faq for guide in guides for faq in guide["zh"].get("faqs", [])]
    sentences = [
        sentence
        for text in [faq["answer"] for faq in faqs]
        + [item["text"] for item in strategies]
        for sentence in _SENTENCE_END.split(text)
        if len("".join(han_runs(sentence))) >= 4
    ]
    return (
        ("guide titles", [guide["zh"]["title"] for guide in guides]),
        ("strategy titles", [item["title"] for item in strategies]),
        ("FAQ questions", [faq["question"] for faq in faqs]),
        ("sentences of FAQ answers and strategies", sentences),
    )


def negative_rows(corrector, sets):
    rows = []
    for label, queries in sets:
        changed = [(query, corrector(query)) for query in queries]
        changed = [(query, found) for query, found in changed if found is not None]
        examples = "; ".join(f"{query} → {found}" for query, found in changed[:3])
        rows.append(f"| {label} | {rate(len(changed), len(queries))} | {examples} |")
    return rows


def measure(vocabulary, guides, strategies, chars):
    titles = [guide["zh"]["title"] for guide in guides]
    sets = negative_sets(guides, strategies)

    def corrector(text):
        return correct(vocabulary, text)

    lines = [f"Vocabulary: {len(vocabulary)} words.", ""]
    lines.append("| Typos | Corrected | Wrong change | Left as typed |")
    lines.append("|---|---|---|---|")
    lines += typo_rows(corrector, titles, chars)
    lines += ["", "| Correct queries | Changed (false corrections) | Examples |"]
    lines.append("|---|---|---|")
    lines += negative_rows(corrector, sets)
    queries = [(query * 3)[:20] for _, some in sets for query in some]
    lines += ["", timing(vocabulary, queries)]
    return "\n".join(lines)


def timing(vocabulary, queries, rounds=5):
    """Median and p95 over the queries of each one's median time in ``rounds``
    (the first round warms the caches; the median of the rounds ignores the pauses
    of a busy machine)."""
    durations = []
    for query in queries:
        correct(vocabulary, query)
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            correct(vocabulary, query)
            times.append((time.perf_counter() - start) * 1000)
        durations.append(statistics.median(times))
    durations.sort()
    p95 = durations[int(0.95 * (len(durations) - 1))]
    return (
        f"Time of a correction of a 20-character query (warm): median "
        f"{statistics.median(durations):.2f} ms, p95 {p95:.2f} ms, "
        f"max {durations[-1]:.2f} ms ({len(queries)} queries)."
    )


def vocabulary_from_solr(port, credentials, guides, strategies, entries):
    update = f"/solr/{CORE}/update?commit=true"
    post_json(port, update, {"delete": {"query": "*:*"}}, credentials)
    documents = solr_documents(guides, strategies, entries)
    post_json(port, update, documents, credentials)
    frequencies, targets = load_frequencies(
        lambda path: json.loads(get(port, path, credentials)), base()
    )
    folding = load_folding(lambda path: get(port, path, credentials), base())
    return build_vocabulary(frequencies, folding, targets)


def base():
    return f"/solr/{CORE}"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, help="a running Solr with a nanshan core")
    args = parser.parse_args(argv)
    guides, strategies, entries = demo_corpus()
    chars = common_chars(
        path.read_text("utf-8") for path in sorted(CONTENT.rglob("*.t*"))
    )
    process = None
    port = args.port
    if port is None:
        solr.ensure_built()
        home = Path(tempfile.mkdtemp(prefix="zhengwu-typo-solr-"))
        credentials = solr_auth.generate_credentials()
        solr.prepare_home(home, [CORE], credentials)
        port = processes.free_port()
        process = solr.start(home, port, home / "solr.log")
        solr.wait_until_ready(port, CORE, credentials)
    else:  # the portal's Solr: its login (ZHENGWU_SOLR_*, or var/solr-credentials)
        credentials = solr_auth.stored_credentials(solr.var_folder())
    try:
        vocabulary = vocabulary_from_solr(
            port, credentials, guides, strategies, entries
        )
        print(measure(vocabulary, guides, strategies, chars))
    finally:
        if process is not None:
            solr.stop(process.pid)
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()

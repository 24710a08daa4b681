"""Question routing quality: top-1 and top-3 accuracy, overall and per department.

    uv run python scripts/eval_routing.py            (writes docs/question-routing.md)
    uv run python scripts/eval_routing.py --check    (one FIGURES line, for the test)

Every question of tests/participation/routing_questions.tsv is routed by the router
of the Nanshan site (``zhengwu.participation.routing_site.router_for``), built from
the site's published content. A question counts as routed at rank k when its
labelled department is the k-th suggestion. Baselines: always the departments with
the most questions, and name mentions only. Runs on the test stack (tests/layers.py:
the Nanshan site with its demo corpus; ZHENGWU_CORPUS_STEPS chooses the setup
steps, "zhengwu.demo zhengwu.search-curation" leaves out the 8,091 powers items).
"""

import csv
import json
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "tests" / "participation" / "routing_questions.tsv"
REPORT = ROOT / "docs" / "question-routing.md"
DEPTH = 3  # suggestions shown to a moderator


@dataclass(frozen=True)
class Question:
    text: str
    department: str


def read_questions(path=QUESTIONS):
    """The labelled questions, in file order."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return [Question(row["question"], row["department"]) for row in rows]


def rank_of(ranked, department):
    """1-based rank of ``department`` in ``ranked`` (ids), None when absent."""
    return ranked.index(department) + 1 if department in ranked else None


def accuracy(ranks, depth):
    """Share of the ranks that are at most ``depth``."""
    return sum(1 for rank in ranks if rank and rank <= depth) / (len(ranks) or 1)


def route(router, questions):
    """{question: [suggested department ids]} of ``router``."""
    return {
        question: [s.department for s in router.suggest(question.text, DEPTH)]
        for question in questions
    }


def most_frequent(questions):
    """The baseline that ignores the question: the most labelled departments."""
    top = [
        name
        for name, _ in sorted(
            Counter(q.department for q in questions).items(),
            key=lambda item: (-item[1], item[0]),
        )
    ][:DEPTH]
    return dict.fromkeys(questions, top)


def names_only(router, questions):
    """The baseline that reads only the department names a question mentions."""
    from zhengwu.participation.routing_features import mentioned

    routed = {}
    for question in questions:
        found = mentioned(question.text, router.mentions)
        routed[question] = sorted(found, key=lambda d: (not found[d][1], d))[:DEPTH]
    return routed


def figures(questions, routed):
    """{"top1", "top3", "questions"} of one way of routing."""
    ranks = [rank_of(routed[q], q.department) for q in questions]
    return {
        "top1": round(accuracy(ranks, 1), 4),
        "top3": round(accuracy(ranks, DEPTH), 4),
        "questions": len(questions),
    }


def per_department(questions, routed):
    """{department: figures} over the questions labelled with it, by id."""
    departments = sorted({q.department for q in questions})
    return {
        department: figures(
            [q for q in questions if q.department == department], routed
        )
        for department in departments
    }


def confusions(questions, routed):
    """[(labelled, suggested first, count)] of the wrong first suggestions."""
    pairs = Counter(
        (q.department, (routed[q] or ["(none)"])[0])
        for q in questions
        if (routed[q] or [None])[0] != q.department
    )
    return sorted(((a, b, n) for (a, b), n in pairs.items()), key=lambda x: (-x[2], x))


METHOD = """# Question routing (政务知道)

Written by `scripts/eval_routing.py`; do not edit by hand (the method below is part
of the script).

A citizen's question on 政务知道 must reach the department that answers it. When a
question is submitted, its `department` field is set from the **first suggestion**
of the router (`src/zhengwu/participation/routing.py`); a moderator sees the
first three suggestions with the words that led to each (the *terms*), and changes
the `department` field when the suggestion is wrong (the moderator's screen is
part of the question workflow, not of the router). A question the router cannot
place (empty, punctuation, words no department uses) gets no suggestion and waits
for the moderator.

## How it works

- **What the router learns from.** The published content of the Chinese root of
  the site (`routing_site.py`), read from the catalog (title and description, and
  the `department` the item belongs to): service guides (weight 3: written for
  citizens about exactly what they ask), policy interpretations and encyclopedia
  entries (2: rules in plain words), disclosure records and news (1: formal or
  about events), powers-list items (0.3 each: terse legal titles, hundreds per
  department, which would otherwise decide every profile alone); and each
  Department folder's full name, short name and duties (4: the department's own
  statement of what it answers for). Drafts and items waiting for review never
  count, so an explanation never quotes an unpublished text.
- **What it compares.** No word segmenter: single Han characters and overlapping
  pairs of them (社保卡 gives 社, 保, 卡, 社保, 保卡), Latin words (KTV) in
  lowercase; a handful of question words (怎么, 哪里, 可以) are left out. A single
  character counts half as much as a pair.
- **How it compares.** Each department has a profile: the weighted sum of its
  documents, each feature weighted by how rare it is among the documents and
  among the departments (申请 and 办理 weigh nearly nothing). A question is scored
  against every profile by cosine similarity. A question that names a department
  (教育局, 医保局, 深圳市公安局南山分局) adds 1 to that department's score, more
  than any similarity; a stem of a short name (公安 of 公安分局, 蛇口 of 蛇口街道)
  adds 0.25, unless it is part of other departments' names too (南山). Equal
  scores go to the smaller id, so the same content always gives the same answer.
- **Speed.** The router is built in memory from the catalog, kept per site and
  built again when the catalog changes (its change counter): {built:.2f} s for
  {documents} training documents here; a question takes {asked:.2f} ms.

## Figures

{questions} questions of `tests/participation/routing_questions.tsv`, written as
Nanshan residents and companies ask them (colloquial, 社保, 落户, 学位, 违建,
噪音扰民 ...), each labelled with the department that should answer; {departments}
departments and sub-districts. Site setup steps: `{steps}` (with `powers`, the
8,091 powers items train the router too). Top-1: the labelled department is the
first suggestion (the one the question is filed under); top-3: it is among the
three a moderator sees.

{summary}

The baselines: *most frequent departments* always suggests the departments with
the most questions in the set; *name mentions only* suggests the departments a
question names and nothing else. The figures without the powers items are those
`tests/participation/test_routing_quality.py` guards (it runs without them, to
stay near three minutes). The method's few parameters (weights, the half weight
of single characters, the two kinds of IDF) were chosen while looking at these
questions, so the figures are somewhat optimistic for new questions.

Per department:

{per_department}

## What still goes wrong

Most frequent confusions (labelled → suggested first):

{confusions}

- **Words the site never uses.** A question about 油烟, 路灯, 共享单车 or 狂犬疫苗
  only reaches the right department when some published text of it says so; the
  demo corpus has one guide for a handful of services per department, so a
  department is known mostly by its duties and its powers list.
- **Shared vocabulary.** 社保 is in the police's newborn guide and in the human
  resources bureau's social-security card; 补贴, 申领, 登记 and 许可 are in many
  departments' guides; 安全 and 危险 pull building-site questions to emergency
  management. The eight sub-districts have the same duties and the same kind of
  powers items, so a question about 社区 or 小区 without a place name goes to one
  of them at random (the smallest id).
- **Ambiguous cases.** Some questions have two plausible answers in practice
  (elevators: 市场监管 for safety, 住建 for repair funds; noise: 公安 for neighbours,
  生态环境 for building sites at night); the label follows the usual Shenzhen
  practice and a moderator settles the rest.

Every question the router does not put first, with its three suggestions and
their terms:

{misses}
"""


def percent(value):
    return f"{100 * value:.0f} %"


def summary_table(questions, measured, others):
    """Markdown: top-1 and top-3 of the router and of the other ways of routing."""
    lines = ["| routing | top-1 | top-3 |", "|---|---:|---:|"]
    rows = {"**Zhengwu's router**": measured["routed"], **others}
    for label, routed in rows.items():
        result = figures(questions, routed)
        lines.append(
            f"| {label} | {percent(result['top1'])} | {percent(result['top3'])} |"
        )
    return "\n".join(lines)


def department_table(questions, measured):
    """Markdown: per department, its questions and the router's figures."""
    names = measured["names"]
    lines = ["| department | questions | top-1 | top-3 |", "|---|---:|---:|---:|"]
    for department, result in per_department(questions, measured["routed"]).items():
        name = names.get(department, ("", department))[1] or department
        lines.append(
            f"| {name} (`{department}`) | {result['questions']} "
            f"| {percent(result['top1'])} | {percent(result['top3'])} |"
        )
    return "\n".join(lines)


def miss_lines(questions, measured):
    """One line per question whose department is not suggested first."""
    lines = []
    for question in questions:
        found = measured["suggestions"][question]
        if found and found[0].department == question.department:
            continue
        shown = (
            ", ".join(f"{s.department} ({'、'.join(s.terms)})" for s in found)
            or "no suggestion"
        )
        lines.append(f"- `{question.text}` → {question.department}; got {shown}")
    return lines or ["- none"]


def confusion_lines(questions, measured):
    pairs = confusions(questions, measured["routed"])
    return [f"- {a} → {b}: {n}" for a, b, n in pairs if n > 1] or ["- none twice"]


def write_report(path, questions, measured, others, steps):
    """docs/question-routing.md, from the measurements and the method's text."""
    departments = len({q.department for q in questions})
    text = METHOD.format(
        questions=len(questions),
        departments=departments,
        steps=steps,
        documents=measured["documents"],
        built=measured["built"],
        asked=1000 * measured["asked"],
        summary=summary_table(questions, measured, others),
        per_department=department_table(questions, measured),
        confusions="\n".join(confusion_lines(questions, measured)),
        misses="\n".join(miss_lines(questions, measured)),
    )
    path.write_text(text, encoding="utf-8")


def current_site(site):
    """``site`` as the current site (component lookups act on it) for a while."""
    from zope.component.hooks import site as hooked

    return hooked(site)


def corpus_layer():
    """The test layers up to the demo corpus, set up; torn down afterwards."""
    for folder in ("tests", "scripts", "scripts/bench"):
        if str(ROOT / folder) not in sys.path:
            sys.path.insert(0, str(ROOT / folder))
    from layers import ZHENGWU_CORPUS_TESTING
    from stack import layer_set_up

    return layer_set_up(ZHENGWU_CORPUS_TESTING)


def variants(site, questions):
    """{name: routed} of the other ways of routing the report compares with."""
    from zhengwu.participation.routing import DepartmentRouter
    from zhengwu.participation.routing_site import TYPE_WEIGHTS
    from zhengwu.participation.routing_site import synonyms_of
    from zhengwu.participation.routing_site import training_data

    documents, names = training_data(site)
    synonyms = synonyms_of(site)
    router = DepartmentRouter(documents, names, synonyms)
    found = {
        "most frequent departments": most_frequent(questions),
        "name mentions only": names_only(router, questions),
        "similarity only (no name boost)": route(
            DepartmentRouter(documents, {}, synonyms), questions
        ),
        "without the site's synonyms": route(
            DepartmentRouter(documents, names), questions
        ),
    }
    no_powers = {k: v for k, v in TYPE_WEIGHTS.items() if k != "PowerItem"}
    fewer, _names = training_data(site, no_powers)
    if len(fewer) < len(documents):
        found["without the powers items"] = route(
            DepartmentRouter(fewer, names, synonyms), questions
        )
    return found


def measure(site, questions):
    """The router of ``site`` on ``questions``: routed, explanations and timing."""
    from zhengwu.participation.routing_site import router_for
    from zhengwu.participation.routing_site import training_data

    started = time.perf_counter()
    router = router_for(site)
    built = time.perf_counter() - started
    started = time.perf_counter()
    suggestions = {q: router.suggest(q.text, DEPTH) for q in questions}
    asked = (time.perf_counter() - started) / (len(questions) or 1)
    documents, names = training_data(site)
    return {
        "routed": {
            q: [s.department for s in found] for q, found in suggestions.items()
        },
        "suggestions": suggestions,
        "built": built,
        "asked": asked,
        "documents": len(documents),
        "names": names,
    }


def check():
    """The router's figures only, as one JSON line (for test_routing_quality.py)."""
    questions = read_questions()
    with corpus_layer() as layer:
        site = layer["app"]["nanshan"]
        with current_site(site):
            measured = measure(site, questions)
        result = figures(questions, measured["routed"])
        result["departments"] = per_department(questions, measured["routed"])
        # Before the layers are torn down: what is measured does not depend on it.
        print("FIGURES " + json.dumps(result), flush=True)


def main():
    if "--check" in sys.argv:
        return check()
    questions = read_questions()
    with corpus_layer() as layer:
        from layers import CORPUS_STEPS

        steps = os.environ.get("ZHENGWU_CORPUS_STEPS", CORPUS_STEPS)
        site = layer["app"]["nanshan"]
        with current_site(site):
            measured = measure(site, questions)
            others = variants(site, questions)
    write_report(REPORT, questions, measured, others, steps)
    print(json.dumps(figures(questions, measured["routed"])))
    print(f"written to {REPORT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

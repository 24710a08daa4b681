"""Search quality does not fall below what was measured: the CI part of `make eval`.

Zhengwu's `@search` answers a fixed subset of tests/search/queries.tsv (the first 5
rows of each kind in file order among those searched on Nanshan: chosen by that
rule, not by results) on the test stack's Nanshan site with its demo corpus and the
demo 政务知道 questions and answers (guides, disclosure, strategies, encyclopedia,
news, questions, the starter search curation; the 8,091 powers items are left out
to keep it near two minutes: `make eval` measures the whole demo portal, the three
query sets and the two other systems). It runs in a process of its own
(scripts/eval_search.py --check): the corpus layer sends thousands of documents to
Solr, which the other layers of this session must not see.
"""

from collections import Counter

import pytest
from eval_search import QUERIES
from eval_search import ci_subset
from eval_search import read_queries
from evaluation import measure

STEPS = "zhengwu.demo zhengwu.demo-questions zhengwu.search-curation"
# What the subset measured on 2026-12-07 (commit 37de4fc with the working tree of
# issue 15 in progress): R@5 0.96 and R@1 0.96 overall, R@5 0.80 in the weakest
# kinds (colloquial, typo). Rounded down to the tenth, so that one query more or
# less does not fail CI; raise them as ranking improves (issue 15 aims at R@5 0.95
# and R@1 0.85 overall, R@5 0.90 in every kind, on the full sets of `make eval`).
RECALL_AT_5 = 0.9  # all queries together
RECALL_AT_1 = 0.9  # all queries together
KIND_RECALL_AT_5 = 0.8  # in every kind (5 queries each: steps of 0.2)


def test_the_subset_is_the_first_five_nanshan_rows_of_each_kind():
    queries = read_queries(QUERIES)
    subset = ci_subset(queries)
    kinds = {query.kind for query in queries}
    assert Counter(query.kind for query in subset) == dict.fromkeys(kinds, 5)
    assert {query.district for query in subset} == {"nanshan"}
    assert subset == [query for query in queries if query in subset]  # file order


@pytest.fixture(scope="module")
def figures():
    return measure("eval_search.py", STEPS)


def test_the_guide_is_in_the_first_five(figures):
    assert figures["all"]["r5"] >= RECALL_AT_5


def test_the_right_guide_comes_first(figures):
    assert figures["all"]["r1"] >= RECALL_AT_1


def test_every_kind_of_query_finds_its_guide_in_the_first_five(figures):
    low = {k: f["r5"] for k, f in figures.items() if f["r5"] < KIND_RECALL_AT_5}
    assert not low


def test_every_kind_is_measured(figures):
    assert len(figures) - 1 >= 9  # the kinds of test_query_sets.py, besides "all"

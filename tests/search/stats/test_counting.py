"""Searches are counted in memory and reach the ZODB only when folded."""

import itertools

import pytest
import transaction
from plone import api

from zhengwu.search.stats import fold_now
from zhengwu.search.stats import hot_searches
from zhengwu.search.stats import record_search
from zhengwu.search.stats import zero_result_queries
from zhengwu.search.stats.buffer import buffer_of
from zhengwu.search.stats.storage import stats_of

# Every search by another visitor, shown from one visitor on: these tests are about
# counting; the threshold of visitors has its own tests (tests/security).
VISITORS = (f"visitor-{number}" for number in itertools.count())


@pytest.fixture(autouse=True)
def any_number_of_visitors(site):
    api.portal.set_registry_record("zhengwu.search.stats.hot_min_visitors", 1)


def test_recording_writes_nothing_to_the_zodb_until_the_fold(site):
    transaction.commit()
    db = site._p_jar.db()
    before = db.lastTransaction()
    for _ in range(3):
        record_search(site, "公积金提取", 12, "zh-cn", visitor=next(VISITORS))
    record_search(site, "结昏登记", 0, "zh-cn", visitor=next(VISITORS))
    assert stats_of(site) is None
    assert not site._p_changed
    assert not site._p_jar._registered_objects
    transaction.commit()
    assert db.lastTransaction() == before
    assert len(buffer_of(site)) == 2 + 3  # two queries, three hot-list visitors

    assert fold_now(site)
    assert db.lastTransaction() != before
    assert len(buffer_of(site)) == 0
    assert hot_searches(site) == [("公积金提取", 3)]
    assert zero_result_queries(site) == [("结昏登记", 1)]
    # a second fold adds to what is there
    record_search(site, "公积金提取", 5, "zh-cn", visitor=next(VISITORS))
    fold_now(site)
    assert hot_searches(site) == [("公积金提取", 4)]


def test_queries_are_counted_in_their_normal_form(site):
    record_search(site, "  ＳＨＥＮ   Fen  ", 2, "zh-cn", visitor=next(VISITORS))
    record_search(site, "shen fen", 2, "zh-cn", visitor=next(VISITORS))
    record_search(site, "   ", 0, "zh-cn", visitor=next(VISITORS))
    record_search(site, None, 0, "zh-cn", visitor=next(VISITORS))
    record_search(site, "长" * 101, 0, "zh-cn", visitor=next(VISITORS))
    fold_now(site)
    assert hot_searches(site) == [("shen fen", 2)]
    assert zero_result_queries(site) == []


def test_a_query_that_sometimes_finds_nothing_counts_in_both_lists(site):
    record_search(site, "暂住证", 0, "zh-cn", visitor=next(VISITORS))
    record_search(site, "暂住证", 4, "zh-cn", visitor=next(VISITORS))
    fold_now(site)
    assert hot_searches(site) == [("暂住证", 1)]
    assert zero_result_queries(site) == [("暂住证", 1)]


def test_fold_without_counts_writes_nothing(site):
    transaction.commit()
    before = site._p_jar.db().lastTransaction()
    assert fold_now(site)
    assert site._p_jar.db().lastTransaction() == before
    assert hot_searches(site) == []

"""The hot list: what people searched most and found, newest days only, no
blocked terms, per language of the homepage."""

from datetime import date
from datetime import timedelta

import pytest
from plone import api

from zhengwu.search.stats import fold_now
from zhengwu.search.stats import hot_searches
from zhengwu.search.stats import record_search
from zhengwu.search.stats import zero_result_queries


def searched(site, text, times, total=5, language="zh-cn", days_ago=0):
    day = date.today() - timedelta(days=days_ago)
    # each search by another visitor: the hot list counts visitors (issue 13.7)
    for number in range(times):
        record_search(site, text, total, language, day=day, visitor=f"v{number}")


@pytest.fixture
def counted(site):
    searched(site, "社保卡", 5)
    searched(site, "公积金", 7)
    searched(site, "身份证", 5)
    searched(site, "结婚登记", 9, days_ago=8)  # before this week
    searched(site, "暂住证", 20, total=0)  # never found anything
    searched(site, "passport", 3, language="en")
    fold_now(site)
    return site


def test_most_searched_first_ties_by_text(counted):
    assert hot_searches(counted) == [
        ("公积金", 7),
        ("社保卡", 5),
        ("身份证", 5),
        ("passport", 3),
    ]


def test_limit(counted):
    assert hot_searches(counted, limit=2) == [("公积金", 7), ("社保卡", 5)]
    assert hot_searches(counted, limit=0) == []


def test_days_window(counted):
    assert ("结婚登记", 9) not in hot_searches(counted, days=7)
    assert hot_searches(counted, days=9)[0] == ("结婚登记", 9)
    assert hot_searches(counted, days=1, limit=1) == [("公积金", 7)]


def test_per_language(counted):
    assert hot_searches(counted, language="en") == [("passport", 3)]
    assert ("passport", 3) not in hot_searches(counted, language="zh-CN")


def test_blocked_terms_never_appear_but_stay_in_the_counts(counted):
    api.portal.set_registry_record(
        "zhengwu.search.stats.blocklist", ["社保", "ＰＡＳＳ"]
    )
    assert hot_searches(counted) == [("公积金", 7), ("身份证", 5)]
    api.portal.set_registry_record("zhengwu.search.stats.blocklist", [])
    assert ("社保卡", 5) in hot_searches(counted)


def test_zero_result_queries_are_apart(counted):
    assert "暂住证" not in dict(hot_searches(counted))
    assert zero_result_queries(counted) == [("暂住证", 20)]
    assert zero_result_queries(counted, limit=0) == []


def test_old_counts_are_dropped_at_the_fold(site):
    searched(site, "旧查询", 2, days_ago=120)
    searched(site, "新查询", 3)
    fold_now(site)
    assert hot_searches(site, days=365) == [("新查询", 3)]


def test_each_day_keeps_its_most_searched_queries(site):
    api.portal.set_registry_record("zhengwu.search.stats.max_queries_per_day", 10)
    api.portal.set_registry_record("zhengwu.search.stats.hot_min_visitors", 1)
    searched(site, "常见问题", 3)
    for number in range(25):
        searched(site, f"罕见{number:02d}", 1)
    fold_now(site)
    hot = hot_searches(site, limit=100)
    assert hot[0] == ("常见问题", 3)
    assert len(hot) == 10

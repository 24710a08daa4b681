"""Hot questions answered first (热点问题主动回应): ranking, topics, answer first."""

import time
from collections import Counter
from datetime import date

import pytest
from plone import api
from qa_helpers import approve
from qa_helpers import ask
from qa_helpers import citizen
from qa_helpers import official_answer
from qa_helpers import staff

from zhengwu.homepages import modules
from zhengwu.participation import hot
from zhengwu.participation.votes import add_vote
from zhengwu.search.curation import storage
from zhengwu.search.stats import reports
from zhengwu.search.stats import usage
from zhengwu.search.stats.buffer import Snapshot
from zhengwu.search.stats.fold import write_snapshot


@pytest.fixture(autouse=True)
def _fresh_counts():
    # Each test rolls back to the same statistics revision: no window cached by
    # an earlier test may be read again.
    usage._cache.clear()
    reports._hot_cache.clear()


def _opened(site, question, count):
    today = date.today().toordinal()
    write_snapshot(site, Snapshot(opens=Counter({(today, question.UID()): count})))


def _searched(site, query, count):
    today = date.today().toordinal()
    snapshot = Snapshot()
    snapshot.add_search((today, "zh", query), count, 0, time.time(), 0.0)
    # the hot list counts distinct visitors (issue 13.7): one per search here
    snapshot.visitors |= {(today, "zh", query, f"v{n}") for n in range(count)}
    write_snapshot(site, snapshot)


@pytest.fixture
def questions(site):
    asker = citizen("asker")
    quiet = approve(ask(site, asker, "公积金怎么提取", department="zjj"))
    opened = approve(ask(site, asker, "护照加急办理要多久", department="gaj"))
    voted = approve(ask(site, asker, "学位申请材料有哪些", department="jyj"))
    pending = ask(site, asker, "还没审核的热门问题", department="gaj")
    return quiet, opened, voted, pending


def test_hot_questions_rank_opens_votes_and_searches(site, questions):
    quiet, opened, voted, pending = questions
    _opened(site, opened, 20)
    _opened(site, pending, 99)
    for number in range(5):
        add_vote(voted, citizen(f"voter-{number}"))
    voted.reindexObject(idxs=["votes"])
    _searched(site, "公积金提取", 4)
    ranked = hot.hot_questions(site["zh-cn"])
    titles = [brain.Title for brain, _score, _parts in ranked]
    assert titles == ["护照加急办理要多久", "学位申请材料有哪些", "公积金怎么提取"]
    parts = {brain.Title: parts for brain, _score, parts in ranked}
    assert parts["公积金怎么提取"] == {"opens": 0, "votes": 0, "searches": 4}
    assert parts["学位申请材料有哪些"]["votes"] == 5


def test_hot_topics_are_the_searches_of_the_last_days(site):
    _searched(site, "护照加急", 7)
    assert ("护照加急", 7, False) in hot.hot_topics(site)


def test_only_an_officially_answered_question_comes_first(site, questions):
    _quiet, opened, _voted, _pending = questions
    with pytest.raises(hot.NotAnswerable):
        hot.answer_first(site, "护照加急", opened)
    answer = official_answer(opened)
    for role, transition in (
        ("editor", "submit"),
        ("section", "approve_section"),
        ("leader", "sign_off"),
    ):
        with api.env.adopt_user(username=staff("gaj", role)):
            api.content.transition(answer, transition=transition)
    hot.answer_first(site, "护照加急", opened)
    assert storage.best_bet(site, "护照加急").uids == (opened.UID(),)
    assert opened.proactive is True
    homepage = site["zh-cn"][site["zh-cn"].getDefaultPage()]
    first = modules.hot_topics(homepage, [])
    assert opened.UID() == first[0].UID

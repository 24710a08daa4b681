"""Typo correction against the real Solr: the vocabulary is what the site's core
holds for anonymous visitors, follows the index, and Solr down means no correction."""

import time

import pytest
import transaction
from publishing import draft_in_department
from publishing import publish_in_department

from zhengwu.search.curation import storage
from zhengwu.search.solr import outage
from zhengwu.search.typos import site as site_vocabulary
from zhengwu.search.typos.correct import correction_for

SECTION = "/nanshan/zh-cn/gaj"


def targets(vocabulary):
    """The words a typo may be corrected to."""
    return {word for words in vocabulary.by_sound.values() for word in words}


@pytest.fixture
def site(functional, solr_server):
    """Nanshan with three published guides and a private draft; nothing cached."""
    outage.forget()
    site_vocabulary.forget()
    app = functional["app"]
    publish_in_department(
        app,
        "gaj",
        type_="Guide",
        id="typo-id-card",
        title="居民身份证申领",
        service_code="QR-0101",
    )
    publish_in_department(
        app,
        "gaj",
        type_="Guide",
        id="typo-fund",
        title="住房公积金提取",
        service_code="QR-0102",
    )
    publish_in_department(
        app,
        "gaj",
        type_="Guide",
        id="typo-marriage",
        title="结婚登记",
        service_code="QR-0103",
    )
    draft_in_department(
        app,
        "gaj",
        id="typo-draft",
        title="拆迁补偿方案内部稿",
    )
    site = app["nanshan"]
    assert site_vocabulary.site_vocabulary(site, wait=True) is not None
    yield site
    outage.forget()
    site_vocabulary.forget()
    solr_server.delete("nanshan", f'path_parents:"{SECTION}" -getId:gaj')


def test_vocabulary_is_the_words_of_what_visitors_may_see(site):
    vocabulary = site_vocabulary.site_vocabulary(site)
    words = targets(vocabulary)
    assert {"居民", "身份证", "公积金", "结婚", "登记"} <= words
    assert "申领" in words  # smartcn cut it into 申 and 领: rejoined from the title
    assert vocabulary.frequencies["身份证"] >= 1
    assert "拆迁" not in words and "补偿" not in words  # the draft's words
    assert vocabulary.folding["證"] == "证"  # the core's own T→S mapping


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("身份正", "身份证"),
        ("公基金提取", "公积金提取"),
        ("结昏登记", "结婚登记"),
        ("居民身份证深领", "居民身份证申领"),
        ("gongjijin 公基金", "gongjijin 公积金"),
    ],
)
def test_typos_are_corrected_to_indexed_words(site, typed, meant):
    assert correction_for(site, typed) == meant


@pytest.mark.parametrize(
    "query",
    ["身份证申领", "身份證", "结婚登记", "户口", "shenfenzheng", "", "拆迁补尝"],
)
def test_correct_queries_and_drafts_give_no_correction(site, query):
    assert correction_for(site, query) is None


def refreshed(site, first, seconds=20):
    """The site's vocabulary once a background refresh has replaced ``first``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        current = site_vocabulary.site_vocabulary(site)
        if current is not first:
            return current
        time.sleep(0.2)
    return first


def test_vocabulary_follows_the_index(site, functional, monkeypatch):
    first = site_vocabulary.site_vocabulary(site)
    # no tobacco guide yet (and no starter synonym says 烟草)
    assert correction_for(site, "烟曹") is None
    monkeypatch.setattr(site_vocabulary, "CHECK_EVERY", 0.0)
    # the index did not change: the vocabulary is kept (after one cheap request)
    assert refreshed(site, first, seconds=2) is first
    publish_in_department(
        functional["app"],
        "gaj",
        type_="Guide",
        id="typo-tobacco",
        title="烟草专卖零售许可证",
        service_code="QR-0104",
    )
    assert refreshed(site, first) is not first
    assert correction_for(site, "烟曹") == "烟草"


def test_editors_synonyms_are_targets(site):
    assert correction_for(site, "电单扯") is None
    storage.add_synonym_group(site, ["电单车", "电动自行车"])
    transaction.commit()
    site_vocabulary.forget()
    # the first search after the cache is gone waits for the reading (FIRST_WAIT)
    assert correction_for(site, "电单扯") == "电单车"


def test_solr_down_gives_no_correction_and_no_error(site, solr_server):
    assert correction_for(site, "身份正") == "身份证"  # vocabulary cached
    solr_server.stop_solr()
    try:
        outage.forget()
        assert correction_for(site, "身份正") is None
        site_vocabulary.forget()
        assert correction_for(site, "结昏登记") is None
    finally:
        solr_server.start_solr()
        outage.forget()
    assert site_vocabulary.site_vocabulary(site, wait=True) is not None
    assert correction_for(site, "结昏登记") == "结婚登记"

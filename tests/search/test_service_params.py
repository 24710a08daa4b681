"""The service passes collective.solr's facet and highlighting parameters on, reports
what it did in SearchInfo, and falls back to the Chinese site from /en."""

import pytest
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import logout
from publishing import publish_in_department
from zope.component.hooks import setSite

from zhengwu.search import ranking
from zhengwu.search.service import INFO


@pytest.fixture
def site(functional, solr_server):
    app = functional["app"]
    publish_in_department(
        app,
        "gaj",
        type_="Guide",
        id="params-guide",
        title="居民身份证申领",
        description="补领居民身份证 <script>alert(1)</script> 需要的材料。",
    )
    site = app["nanshan"]
    setSite(site)
    logout()
    yield site
    solr_server.delete("nanshan", "id:params-*")


def catalog_search(**query):
    return api.portal.get_tool("portal_catalog")(**query)


def test_facets_come_back_as_collective_solr_parses_them(site):
    results = catalog_search(
        SearchableText="身份证", facet="true", **{"facet.field": "portal_type"}
    )
    counts = results.facet_counts["facet_fields"]["portal_type"]
    assert counts["Guide"] >= 1


def test_snippets_are_escaped_html_with_em_markers(site):
    results = catalog_search(SearchableText="身份证", hl="true")
    guide = next(item for item in results if item.getId == "params-guide")
    fragments = " ".join(results.highlighting[guide.UID]["SearchableText"])
    assert "身份证</em>" in fragments  # the starter synonyms add 居民身份证
    assert "<script>" not in fragments


def test_search_info_tells_what_was_searched(site):
    results = catalog_search(SearchableText="身份證* AND 申领*")
    info = results.zhengwu
    assert info.searched == "身份證 申领"
    assert info.backend == "solr"
    assert info.total == len(results) >= 1
    assert site.REQUEST[INFO] is info


def test_english_site_falls_back_to_the_chinese_guide(site):
    results = catalog_search(SearchableText="身份证", path="/nanshan/en")
    assert results.zhengwu.language_fallback
    assert "params-guide" in [item.getId for item in results]


def test_english_site_keeps_english_results_without_fallback(site):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        page = api.content.create(
            container=site["en"],
            type="Document",
            id="params-english",
            title="Resident identity card 身份证",
        )
        api.content.transition(page, to_state="published")
    transaction.commit()
    results = catalog_search(SearchableText="身份证", path="/nanshan/en")
    assert not results.zhengwu.language_fallback
    assert [item.getId for item in results] == ["params-english"]


def test_english_queries_also_search_the_english_fields_chinese_and_pinyin_do_not():
    fields = set(ranking.TEXT_FIELDS) | {"Title_en", "SearchableText_en"}
    params = ranking.text_query("renew driving licence", fields)
    assert "Title_en^10" in params["zw_qf"]
    assert "SearchableText_en^1" in params["zw_qf"]
    assert "Title_en^20" in params["zw_pf"]
    for text in ("身份证", "shenfenzheng", "sfz"):
        params = ranking.text_query(text, fields)
        assert "_en" not in params["zw_qf"] + params["zw_pf"]


def test_date_filters_are_the_same_within_a_minute(site):
    """Solr's filter and result caches answer the searches of one minute: their
    date filters are the same strings (the catalog's own precision), and what was
    published a second ago is found."""
    from DateTime import DateTime

    from zhengwu.search.solr.select import filter_queries
    from zhengwu.search.solr.select import solr_search

    search = solr_search()
    first, _ = filter_queries(
        search, effectiveRange=DateTime("2026/03/04 10:20:05 UTC")
    )
    later, _ = filter_queries(
        search, effectiveRange=DateTime("2026/03/04 10:20:59 UTC")
    )
    next_minute, _ = filter_queries(
        search, effectiveRange=DateTime("2026/03/04 10:21:00 UTC")
    )
    assert first == later
    assert first != next_minute
    # the catalog's DateRangeIndex keeps minutes: in effect the whole minute it
    # was published in, and the whole minute it expires in
    assert "+effective:[* TO 2026-03-04T10:20:59.999Z]" in first
    assert "+expires:[2026-03-04T10:20:00.000Z TO *]" in first


def test_a_search_that_names_its_first_result_is_not_loosened():
    assert ranking.names_title(
        "公众聚集场所投入使用营业前消防安全检查",
        "公众聚集场所投入使用营业前消防安全检查",
    )
    assert ranking.names_title("企业设立登记 营业执照", "企业设立登记（营业执照）")
    assert ranking.names_title("Work Permit", "work permit.")
    assert not ranking.names_title("企业设立登记要什么材料", "企业设立登记（营业执照）")
    assert not ranking.names_title("企业设立登记", None)

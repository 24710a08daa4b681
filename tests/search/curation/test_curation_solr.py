"""Synonym groups reach the site's real Solr core without a restart, removals too;
saved while Solr is down, they reach it after the first request once it is back; the
starter list's folk names find the guide they name."""

import pytest
import transaction
from curation_fixtures import solr_synonyms
from curation_fixtures import solr_uids
from layers import PROFILES
from plone.testing.zope import Browser
from zope.component.hooks import setSite

import solr
from zhengwu.search.curation import changes
from zhengwu.search.curation.solr_sync import replace_synonyms
from zhengwu.search.curation.starter import load_starter
from zhengwu.search.curation.starter import starter_paths
from zhengwu.search.curation.storage import store_of
from zhengwu.search.curation.storage import synonym_groups
from zhengwu.search.solr import outage
from zhengwu.sites.profile import load_district_profile


def _without_group_of(site, term):
    if any(term in group for group in synonym_groups(site)):
        changes.remove_group(site, term)


def test_synonym_group_takes_effect_in_solr_and_removing_it_undoes_it(
    functional, solr_server, guide
):
    site = functional["app"]["nanshan"]
    setSite(site)
    _without_group_of(site, "暂住证")  # the starter list of the profile has it
    assert guide.UID() in solr_uids(solr_server.port, "居住证")
    assert guide.UID() not in solr_uids(solr_server.port, "暂住证")

    change = changes.add_group(site, ["暂住证", "居住证"])

    assert change.synced
    assert solr_synonyms(solr_server.port)["暂住证"] == ["居住证", "暂住证"]
    assert guide.UID() in solr_uids(solr_server.port, "暂住证")

    changes.remove_group(site, "居住证")

    assert "暂住证" not in solr_synonyms(solr_server.port)
    assert guide.UID() not in solr_uids(solr_server.port, "暂住证")


def test_solr_holds_exactly_the_sites_groups_after_a_change(functional, solr_server):
    site = functional["app"]["nanshan"]
    setSite(site)
    change = changes.change_group(site, "户口", ["户口", "户籍", "户籍登记"])
    assert change.synced
    managed = solr_synonyms(solr_server.port)
    expected = {term for group in synonym_groups(site) for term in group}
    assert set(managed) == expected
    assert managed["户籍"] == ["户口", "户籍", "户籍登记"]
    transaction.abort()
    setSite(site)
    # the next change sends the whole list again: the undone 户籍登记 goes
    changes.add_group(site, ["网约车", "网络预约出租汽车"])
    assert "户籍登记" not in solr_synonyms(solr_server.port)


def test_synonyms_saved_while_solr_is_down_reach_it_after_a_later_request(
    functional, solr_server, guide
):
    app = functional["app"]
    site = app["nanshan"]
    setSite(site)
    _without_group_of(site, "暂住证")
    transaction.commit()
    solr_server.stop_solr()
    try:
        outage.forget()
        change = changes.add_group(site, ["暂住证", "居住证"])
        assert not change.synced
        assert store_of(site).synonyms_pending
        transaction.commit()
        # a request while Solr is still down leaves the change pending
        Browser(app).open("http://nohost/nanshan/zh-cn")
        site._p_jar.sync()
        assert store_of(site).synonyms_pending
    finally:
        solr_server.start_solr()
    assert "暂住证" not in solr_synonyms(solr_server.port)

    outage.forget()
    Browser(app).open("http://nohost/nanshan/zh-cn")

    site._p_jar.sync()
    assert not store_of(site).synonyms_pending
    assert guide.UID() in solr_uids(solr_server.port, "暂住证")


@pytest.mark.parametrize("folk_name", ["注册公司", "公司注册", "工商注册", "开办企业"])
def test_a_folk_name_of_the_starter_list_finds_the_guide_it_names(
    functional, solr_server, company_guide, folk_name
):
    # The guide's title says 企业设立登记 (several words to the tokenizer) and not
    # the folk name: only the starter group of the profile joins them.
    assert company_guide.UID() in solr_uids(solr_server.port, folk_name)


def test_without_its_group_the_folk_name_finds_nothing(
    functional, solr_server, company_guide
):
    site = functional["app"]["nanshan"]
    setSite(site)
    assert company_guide.UID() in solr_uids(solr_server.port, "企业设立登记")
    assert changes.remove_group(site, "注册公司").synced
    assert company_guide.UID() not in solr_uids(solr_server.port, "注册公司")
    assert company_guide.UID() in solr_uids(solr_server.port, "企业设立登记")


@pytest.mark.parametrize("district_id", ["nanshan", "yantian"])
def test_every_term_of_every_starter_group_finds_all_terms_of_its_group(
    solr_server, synonyms_kept, district_id
):
    # One document per term, whose text is the term: a query for any term of a
    # group must find the documents of all its terms. This fails for a term that
    # holds a stop word (开公司: search drops 开 first) and for an analyzer that
    # cuts the paths of multi-token synonyms (see text_zh in schema.xml).
    profile = load_district_profile(PROFILES / district_id)
    groups = load_starter(*starter_paths(profile)).groups
    replace_synonyms(outage.solr_manager(), groups)
    uids = {
        term: f"synonym-check-{number}-{index}"
        for number, group in enumerate(groups)
        for index, term in enumerate(group)
    }
    documents = [{"UID": uid, "SearchableText": term} for term, uid in uids.items()]
    update = "/nanshan/update?commit=true"
    solr.post_json(solr_server.port, update, documents, solr_server.credentials)
    try:
        missed = {}
        for group in groups:
            for term in group:
                found = solr_uids(solr_server.port, term, fq="UID:synonym-check-*")
                lost = [other for other in group if uids[other] not in found]
                if lost:
                    missed[term] = lost
        assert missed == {}
    finally:
        solr_server.delete("nanshan", "UID:synonym-check-*")

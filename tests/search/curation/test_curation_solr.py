"""Synonym groups reach the site's real Solr core without a restart, removals too;
saved while Solr is down, they reach it after the first request once it is back."""

import transaction
from curation_fixtures import solr_synonyms
from curation_fixtures import solr_uids
from plone.testing.zope import Browser
from zope.component.hooks import setSite

from zhengwu.search.curation import changes
from zhengwu.search.curation.storage import store_of
from zhengwu.search.curation.storage import synonym_groups
from zhengwu.search.solr import outage


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
    change = changes.change_group(site, "户口", ["户口", "户籍", "户口本"])
    assert change.synced
    managed = solr_synonyms(solr_server.port)
    expected = {term for group in synonym_groups(site) for term in group}
    assert set(managed) == expected
    assert managed["户籍"] == ["户口", "户口本", "户籍"]
    transaction.abort()
    setSite(site)
    # the next change sends the whole list again: the undone 户口本 goes
    changes.add_group(site, ["网约车", "网络预约出租汽车"])
    assert "户口本" not in solr_synonyms(solr_server.port)


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

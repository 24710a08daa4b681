"""Mined synonyms on the search report: citizens' visits through the real search
page propose a pair; an editor accepts it (Solr then uses it) or dismisses it;
nobody else can."""

import html
import json
import urllib.parse

import pytest
import transaction
from layers import solr_select
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
from publishing import add_site_admin_and_editor
from publishing import publish_in_department
from zope.component.hooks import setSite

from zhengwu.search.curation import changes
from zhengwu.search.curation.solr_sync import replace_synonyms
from zhengwu.search.curation.storage import synonym_groups
from zhengwu.search.solr import outage
from zhengwu.search.stats import fold_now
from zhengwu.search.stats.storage import stats_of
from zhengwu.search.stats.visits import record_visit_open
from zhengwu.search.stats.visits import record_visit_search

ROOT = "http://nohost/nanshan/zh-cn"
REPORT = f"{ROOT}/@@search-report"
PATH = "/nanshan/zh-cn/gaj/mined-residence"
TITLE = "深圳经济特区居住证申领"
SITE_ADMIN = ("mined-admin", "mined-admin-secret-1")
DEPARTMENT_EDITOR = ("mined-gaj", "mined-gaj-secret-1")
FAILED, FOUND = "暂住证", "居住证"


@pytest.fixture
def guide(functional, solr_server):
    """A published 居住证 guide in Solr, no synonym group holding 暂住证 or 居住证,
    a site administrator and a department editor; Solr put back afterwards."""
    app = functional["app"]
    site = app["nanshan"]
    setSite(site)
    outage.forget()
    groups = synonym_groups(site)
    for term in (FAILED, FOUND):  # the district's starter list may group them
        if any(term in group for group in synonym_groups(site)):
            changes.remove_group(site, term)
    add_site_admin_and_editor(site, SITE_ADMIN, DEPARTMENT_EDITOR)
    try:
        yield publish_in_department(
            app, "gaj", type_="Guide", id="mined-residence", title=TITLE
        )
    finally:
        outage.forget()
        setSite(site)
        replace_synonyms(outage.solr_manager(), groups)
        solr_server.delete("nanshan", f'path_string:"{PATH}"')


@pytest.fixture
def proposed(guide):
    """Three visitors' evidence for 暂住证 ≈ 居住证, folded."""
    site = guide.aq_parent.aq_parent.aq_parent
    for number in range(3):
        token = f"visitor-{number}"
        record_visit_search(site, token, FAILED, now=1000.0)
        record_visit_search(site, token, FOUND, found_as=FOUND, now=1060.0)
        record_visit_open(site, token, FOUND, (guide.UID(), TITLE), now=1065.0)
    fold_now(site)
    return guide


def browser(app, user=None):
    browser = Browser(app)
    browser.raiseHttpErrors = False
    if user:
        browser.addHeader("Authorization", f"Basic {user[0]}:{user[1]}")
    return browser


def section(page):
    text = html.unescape(page.contents)
    return text.split('id="proposed-synonyms"')[1].split("</section>")[0]


def solr_finds(port, text, uid):
    found = solr_select(port, q=text, df="SearchableText", fl="UID", rows=100)
    return uid in {doc["UID"] for doc in found["docs"]}


def token_of(page):
    return (
        page.getForm(action="@@search-stats-fold")
        .getControl(name="_authenticator")
        .value
    )


def test_visits_through_the_search_page_propose_and_accepting_reaches_solr(
    functional, guide, solr_server
):
    app = functional["app"]
    site = app["nanshan"]
    for number in range(3):
        citizen = browser(app)
        citizen.addHeader("User-Agent", f"citizen-{number}")
        for text in (FAILED, FOUND):
            query = urllib.parse.urlencode({"SearchableText": text})
            citizen.open(f"{ROOT}/@@search?{query}")
        citizen.getLink(TITLE).click()  # the browser sends the search as Referer
    fold_now(site)
    assert not solr_finds(solr_server.port, FAILED, guide.UID())

    admin = browser(app, SITE_ADMIN)
    admin.open(REPORT)
    proposal = section(admin)
    assert FAILED in proposal and FOUND in proposal and TITLE in proposal
    admin.getForm(action="@@search-stats-accept-synonym").submit()

    assert admin.url == REPORT
    assert f"{FOUND} / {FAILED}" in html.unescape(admin.contents)  # the status message
    assert FAILED not in section(admin)
    site._p_jar.sync()
    assert [FOUND, FAILED] in synonym_groups(site)
    assert solr_finds(solr_server.port, FAILED, guide.UID())


def test_a_click_on_the_first_search_proposes_nothing(functional, guide):
    app = functional["app"]
    site = app["nanshan"]
    for number in range(3):
        citizen = browser(app)
        citizen.addHeader("User-Agent", f"citizen-{number}")
        for text in (FOUND, "深圳"):  # the first search's result is opened too
            query = urllib.parse.urlencode({"SearchableText": text})
            citizen.open(f"{ROOT}/@@search?{query}")
            citizen.getLink(TITLE).click()
    fold_now(site)
    site._p_jar.sync()
    assert all(not day.pairs for day in stats_of(site).days.values())


def test_accepting_joins_the_group_one_term_is_in(functional, proposed, solr_server):
    site = functional["app"]["nanshan"]
    changes.add_group(site, [FOUND, "居住证明"])
    transaction.commit()
    admin = browser(functional["app"], SITE_ADMIN)
    admin.open(REPORT)
    assert "居住证明" in section(admin)  # "joins the group"
    admin.getForm(action="@@search-stats-accept-synonym").submit()
    site._p_jar.sync()
    assert [FOUND, "居住证明", FAILED] in synonym_groups(site)
    assert solr_finds(solr_server.port, FAILED, proposed.UID())


def test_a_dismissed_proposal_is_gone_for_good(functional, proposed):
    site = functional["app"]["nanshan"]
    admin = browser(functional["app"], SITE_ADMIN)
    admin.open(REPORT)
    admin.getForm(action="@@search-stats-dismiss-synonym").submit()
    assert admin.url == REPORT
    assert FAILED not in section(admin)
    site._p_jar.sync()
    assert (FOUND, FAILED) in stats_of(site).dismissed  # the terms sorted
    assert not any(FAILED in group for group in synonym_groups(site))


def test_the_report_over_rest_lists_the_proposals(functional, proposed):
    rest = browser(functional["app"], SITE_ADMIN)
    rest.addHeader("Accept", "application/json")
    rest.open(f"{ROOT}/@search-report")
    proposals = json.loads(rest.contents)["proposed_synonyms"]
    guide = proposals[0].pop("guide")
    assert proposals == [
        {
            "terms": [FOUND, FAILED],
            "searched": FAILED,
            "found": FOUND,
            "visitors": 3,
            "joins": [],
        }
    ]
    # the host of the URL is the request's (nohost here)
    assert guide["@id"].endswith("/".join(proposed.getPhysicalPath()))
    assert guide["title"] == TITLE


def refused(page):
    """Plone answers Unauthorized with its login or insufficient-privileges page."""
    return "/login?came_from=" in page.url or page.url.endswith(
        "/insufficient-privileges"
    )


def test_only_search_editors_may_accept_or_dismiss(functional, proposed):
    app = functional["app"]
    site = app["nanshan"]
    body = urllib.parse.urlencode({"terms:list": [FAILED, FOUND]}, doseq=True)
    for user in (None, DEPARTMENT_EDITOR):
        for name in ("accept", "dismiss"):
            page = browser(app, user)
            page.post(f"{ROOT}/@@search-stats-{name}-synonym", body)
            assert refused(page)
    admin = browser(app, SITE_ADMIN)
    admin.post(f"{ROOT}/@@search-stats-accept-synonym", body)
    assert admin.headers["status"].startswith("403")  # no CSRF token
    admin.open(f"{ROOT}/@@search-stats-accept-synonym")
    assert admin.headers["status"].startswith("400")  # POST only
    site._p_jar.sync()
    assert not any(FAILED in group for group in synonym_groups(site))
    owner = browser(app, (SITE_OWNER_NAME, SITE_OWNER_PASSWORD))
    owner.open(REPORT)
    assert FAILED in section(owner)  # still proposed


def test_an_unknown_proposal_says_so_and_changes_nothing(functional, proposed):
    app = functional["app"]
    site = app["nanshan"]
    admin = browser(app, SITE_ADMIN)
    admin.open(REPORT)
    token = token_of(admin)
    for terms in (["开店", "营业执照"], ["开店"], []):
        body = urllib.parse.urlencode(
            {"_authenticator": token, "terms:list": terms}, doseq=True
        )
        admin.post(f"{ROOT}/@@search-stats-accept-synonym", body)
        assert admin.headers["status"].startswith("200")
        assert admin.url == REPORT
        shown = " ≈ ".join(sorted(terms)) if len(terms) == 2 else "-"
        assert f"{shown} " in html.unescape(admin.contents)
    site._p_jar.sync()
    assert not any("开店" in group for group in synonym_groups(site))
    assert FAILED in section(admin)  # the real proposal is still there

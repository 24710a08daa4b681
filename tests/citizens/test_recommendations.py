"""为我推荐: published guides for the citizen's kind, their tags' first."""

import lxml.html
import pytest
import transaction
from citizen_helpers import SITE
from citizen_helpers import browser_of
from citizen_helpers import credentials
from citizen_helpers import make_citizen
from citizen_helpers import rest
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from publishing import draft_in_department
from publishing import publish_in_department
from visitors import Visitor

from zhengwu.citizens.profile import CitizenProfile
from zhengwu.citizens.recommendations import recommended_guides
from zhengwu.citizens.recommendations import search_root

CODE = "11440305MB2C12345X40000000"


def _guide(app, id, title, audience, tags=(), publish=True):
    make = publish_in_department if publish else draft_in_department
    return make(
        app,
        "wjj",
        type_="Guide",
        id=id,
        title=title,
        service_code=f"{CODE}{len(id):02d}",
        audience=list(audience),
        audience_tags=list(tags),
    )


@pytest.fixture
def guides(functional, nanshan, solr_server):
    """Four guides of the health commission: a published one for parents of
    newborns, a published one for every resident, a draft for parents of
    newborns and a published one for enterprises tagged for parents, too."""
    app = functional["app"]
    try:
        yield {
            "newborn": _guide(
                app,
                "birth-certificate",
                "出生医学证明",
                ["person"],
                ["newborn_parents"],
            ),
            "resident": _guide(app, "health-record", "居民健康档案", ["person"]),
            "draft": _guide(
                app,
                "vaccination",
                "预防接种证",
                ["person"],
                ["newborn_parents"],
                publish=False,
            ),
            "enterprise": _guide(
                app,
                "nursery-licence",
                "托育机构备案",
                ["legal_person"],
                ["newborn_parents"],
            ),
        }
    finally:
        solr_server.delete("nanshan", 'path_parents:"/nanshan/zh-cn/wjj" -getId:wjj')


@pytest.fixture
def parent(nanshan):
    make_citizen(nanshan, "linmei", kind="resident", tags=["newborn_parents"])
    make_citizen(nanshan, "chen", kind="enterprise")
    make_citizen(nanshan, "blank")
    transaction.commit()
    return "linmei"


def _titles(answer):
    return [guide["title"] for guide in answer["guides"]]


def test_resident_parent_gets_the_tagged_guide_first_and_no_draft_or_enterprise_guide(
    functional, guides, parent
):
    status, answer = rest(
        functional["app"],
        "GET",
        "/zh-cn/@recommendations",
        user=credentials(parent),
    )
    assert status == 200
    assert _titles(answer) == ["出生医学证明", "居民健康档案"]
    assert [guide["matches_tags"] for guide in answer["guides"]] == [True, False]
    assert answer["profile"]["kind"] == "resident"
    assert [tag["token"] for tag in answer["profile"]["tags"]] == ["newborn_parents"]
    assert answer["guides"][0]["UID"] == guides["newborn"].UID()


def test_enterprise_gets_the_guides_for_legal_persons(functional, guides, parent):
    status, answer = rest(
        functional["app"], "GET", "/zh-cn/@recommendations", user=credentials("chen")
    )
    assert status == 200
    assert _titles(answer) == ["托育机构备案"]


def test_site_root_recommends_from_the_current_language_root(
    functional, guides, parent
):
    status, answer = rest(
        functional["app"], "GET", "/@recommendations", user=credentials(parent)
    )
    assert status == 200
    assert answer["root"].endswith("/nanshan/zh-cn")
    assert _titles(answer) == ["出生医学证明", "居民健康档案"]


def test_another_language_root_has_its_own_guides(functional, guides, parent):
    status, answer = rest(
        functional["app"], "GET", "/en/@recommendations", user=credentials(parent)
    )
    assert status == 200
    assert answer["guides"] == []


def test_an_empty_profile_gets_no_guides_and_is_asked_to_fill_it_in(
    functional, guides, parent
):
    status, answer = rest(
        functional["app"], "GET", "/zh-cn/@recommendations", user=credentials("blank")
    )
    assert status == 200
    assert answer["guides"] == [] and answer["profile"]["complete"] is False


def test_anonymous_callers_get_401(functional, guides):
    status, _ = rest(functional["app"], "GET", "/zh-cn/@recommendations")
    assert status == 401


def test_for_me_page_lists_the_tagged_guide_first(functional, guides, parent):
    browser = browser_of(functional["app"], parent)
    browser.open(f"{SITE}/zh-cn/@@for-me")
    page = lxml.html.fromstring(browser.contents)
    items = page.xpath('//li[contains(@class, "zw-recommended-guide")]')
    assert [item.xpath("string(a)") for item in items] == [
        "出生医学证明",
        "居民健康档案",
    ]
    assert "zw-matches-tags" in items[0].get("class")
    assert "zw-matches-tags" not in items[1].get("class")
    assert "预防接种证" not in browser.text and "托育机构备案" not in browser.text


def test_for_me_page_shows_the_phone_masked(functional, nanshan):
    make_citizen(nanshan, "wang", kind="resident", phone="13812345678")
    transaction.commit()
    browser = browser_of(functional["app"], "wang")
    browser.open(f"{SITE}/zh-cn/@@for-me")
    assert "138****5678" in browser.text
    assert "13812345678" not in browser.text


def test_anonymous_visitors_are_sent_to_log_in_for_the_for_me_page(functional):
    browser = Visitor(functional["app"])
    browser.open(f"{SITE}/zh-cn/@@for-me")
    assert "login" in browser.url


def test_guides_of_the_kind_come_after_the_tagged_ones(functional, nanshan, guides):
    root = search_root(nanshan["zh-cn"])
    citizen = CitizenProfile(kind="resident", tags=("newborn_parents",), phone="")
    found = [
        (brain.getId, tagged) for brain, tagged in recommended_guides(root, citizen)
    ]
    assert found == [("birth-certificate", True), ("health-record", False)]


def test_tags_without_a_kind_find_the_tagged_guides_of_any_audience(
    functional, nanshan, guides
):
    root = search_root(nanshan["zh-cn"])
    citizen = CitizenProfile(kind="", tags=("newborn_parents",), phone="")
    found = [brain.getId for brain, _ in recommended_guides(root, citizen)]
    assert found == ["birth-certificate", "nursery-licence"]  # by title


def _question_about(site, guide, title):
    """An approved question about ``guide`` on the 政务知道 board (zh-cn/zhidao)."""
    from z3c.relationfield import RelationValue
    from zope.component import getUtility
    from zope.intid.interfaces import IIntIds

    with api.env.adopt_user(username=SITE_OWNER_NAME):
        question = api.content.create(
            container=site["zh-cn"]["zhidao"],
            type="Question",
            title=title,
            department="wjj",
            guide=RelationValue(getUtility(IIntIds).getId(guide)),
        )
        api.content.transition(question, transition="approve")
    transaction.commit()
    return question


def test_questions_about_the_recommended_guides_are_listed(
    functional, nanshan, guides, parent
):
    _question_about(nanshan, guides["newborn"], "出生证明丢了怎么补办？")
    _question_about(nanshan, guides["enterprise"], "托育机构备案要多久？")
    status, answer = rest(
        functional["app"], "GET", "/zh-cn/@recommendations", user=credentials(parent)
    )
    assert status == 200
    (question,) = answer["questions"]
    assert question["title"] == "出生证明丢了怎么补办？"
    assert question["guide_uid"] == guides["newborn"].UID()
    assert question["guide_title"] == "出生医学证明"

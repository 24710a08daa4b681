"""Citizens post over REST: @ask, @answer, @report, @vote, @accept and the hint
of similar questions."""

from urllib.parse import quote

import pytest
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.uuid.utils import uuidToObject
from qa_helpers import PASSWORD
from qa_helpers import approve
from qa_helpers import citizen
from qa_helpers import moderator
from qa_helpers import official_answer
from visitors import rest_call
from zope.component.hooks import setSite

from zhengwu.participation import moderation
from zhengwu.participation import posting

BOARD = "http://nohost/nanshan/zh-cn/zhidao"


def similar_url(text):
    return f"{BOARD}/@similar-questions?q={quote(text)}"


def obj_of(uid):
    return uuidToObject(uid, unrestricted=True)


XSS = ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">']


@pytest.fixture
def site(functional):
    site = functional["app"]["nanshan"]
    setSite(site)
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        for name in ("asker", "neighbour", "helper"):
            citizen(name)
        moderator()
    transaction.commit()
    posting._limiters.clear()
    yield site
    posting._limiters.clear()
    setSite(functional["portal"])


def call(site, method, url, body=None, user=None):
    return rest_call(
        site.aq_parent, method, url, body, (user, PASSWORD) if user else None
    )


def ask(site, title="身份证丢了怎么补办？", details="下周要出差。", user="asker"):
    return call(
        site, "POST", f"{BOARD}/@ask", {"title": title, "details": details}, user
    )


def open_question(site, **kwargs):
    status, body = ask(site, **kwargs)
    assert status == 201, body
    question = obj_of(body["UID"])
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        approve(question)
    transaction.commit()
    return question


def test_a_citizen_asks_and_the_question_awaits_moderation_routed(site):
    status, body = ask(site)
    assert status == 201
    assert body["review_state"] == "pending_moderation"
    assert body["department"] == body["suggested_department"]
    assert body["department"]
    question = obj_of(body["UID"])
    assert question.getOwner().getId() == "asker"


def test_anonymous_cannot_ask(site):
    status, _body = ask(site, user=None)
    assert status == 401


@pytest.mark.parametrize(
    ("title", "field"), [("", "title"), ("问" * 101, "title"), ("  \n ", "title")]
)
def test_bad_input_names_the_field_and_creates_nothing(site, title, field):
    before = len(site["zh-cn"]["zhidao"].objectIds())
    status, body = ask(site, title=title)
    assert status == 400
    assert body["error"]["field"] == field
    assert body["error"]["message"]
    assert len(site["zh-cn"]["zhidao"].objectIds()) == before


@pytest.mark.parametrize("payload", XSS)
def test_markup_in_every_field_stays_text(site, payload):
    question = open_question(site, title=f"问题{payload}", details=payload)
    assert question.Title() == f"问题{payload}"
    assert question.details == payload
    status, body = call(
        site, "POST", f"{question.absolute_url()}/@answer", {"text": payload}, "helper"
    )
    assert status == 201
    answer = obj_of(body["UID"])
    assert answer.text == payload
    status, page = call(site, "GET", question.absolute_url(), user="neighbour")
    assert status == 200
    assert page["details"] == payload  # JSON data, never rendered HTML


def test_a_clean_answer_is_published_at_once(site):
    question = open_question(site)
    status, body = call(
        site,
        "POST",
        f"{question.absolute_url()}/@answer",
        {"text": "去派出所补领。"},
        "helper",
    )
    assert status == 201
    assert body["review_state"] == "published"
    assert body["held"] is False


def test_an_answer_with_a_sensitive_word_is_held_and_logged(site):
    question = open_question(site)
    status, body = call(
        site,
        "POST",
        f"{question.absolute_url()}/@answer",
        {"text": "可以找我代 开 发 票"},
        "helper",
    )
    assert status == 201
    assert body["review_state"] == "pending_moderation"
    assert body["held"] is True
    entry = moderation.entries(1)[0]
    assert (entry.action, entry.target_uid) == ("held", body["UID"])
    assert "代开发票" in entry.reason
    status, _body = call(site, "GET", body["@id"], user="neighbour")
    assert status == 401


def test_questions_are_rate_limited_per_account(site):
    api.portal.set_registry_record(
        "zhengwu.participation.posts_per_hour_per_account", 2
    )
    transaction.commit()
    assert ask(site, title="第一个问题")[0] == 201
    assert ask(site, title="第二个问题")[0] == 201
    status, body = ask(site, title="第三个问题")
    assert status == 429
    assert body["error"]["type"] == "RateLimited"
    assert ask(site, title="邻居的问题", user="neighbour")[0] == 201


def test_posts_are_rate_limited_per_address_whoever_posts(site):
    api.portal.set_registry_record(
        "zhengwu.participation.posts_per_hour_per_address", 2
    )
    transaction.commit()
    assert ask(site, title="第一个问题", user="asker")[0] == 201
    assert ask(site, title="第二个问题", user="neighbour")[0] == 201
    status, body = ask(site, title="第三个问题", user="helper")
    assert status == 429
    assert body["error"]["type"] == "RateLimited"


def test_generic_content_creation_by_a_citizen_is_refused(site):
    status, _body = call(
        site, "POST", BOARD, {"@type": "Question", "title": "绕过检查"}, "asker"
    )
    assert status == 401
    assert "绕过检查" not in [q.Title() for q in site["zh-cn"]["zhidao"].objectValues()]


def test_a_moderator_may_use_generic_creation(site):
    status, body = call(
        site,
        "POST",
        BOARD,
        {"@type": "Question", "title": "常见问题：如何预约"},
        "moderator-1",
    )
    assert status == 201, body


def test_no_answers_to_a_question_awaiting_moderation(site):
    status, body = ask(site)
    status, _body = call(
        site, "POST", f"{body['@id']}/@answer", {"text": "抢答"}, "helper"
    )
    assert status == 404  # hidden from the helper: as if it did not exist


def test_one_vote_per_member_and_none_for_ones_own_post(site):
    question = open_question(site)
    url = f"{question.absolute_url()}/@vote"
    assert call(site, "POST", url, user="neighbour")[1]["votes"] == 1
    assert call(site, "POST", url, user="neighbour")[1]["votes"] == 1
    state = call(site, "GET", url, user="neighbour")[1]
    assert (state["votes"], state["voted"]) == (1, True)
    # The catalog's count follows after the request, in a transaction of its own.
    catalog = api.portal.get_tool("portal_catalog")
    assert catalog.unrestrictedSearchResults(UID=question.UID())[0].votes == 1
    status, body = call(site, "POST", url, user="asker")
    assert status == 400, body
    assert call(site, "POST", url)[0] == 401
    assert call(site, "DELETE", url, user="neighbour")[1]["votes"] == 0
    assert call(site, "GET", url)[1]["voted"] is False


def test_the_asker_accepts_a_published_answer_and_the_question_closes(site):
    question = open_question(site)
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        answer = official_answer(question)
    transaction.commit()
    url = f"{answer.absolute_url()}/@accept"
    assert call(site, "POST", url, user="asker")[0] == 404  # a draft: not visible
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        api.content.transition(answer, to_state="published")
    transaction.commit()
    assert api.content.get_state(question) == "answered"
    assert call(site, "POST", url, user="neighbour")[0] == 401
    status, body = call(site, "POST", url, user="asker")
    assert status == 200, body
    assert body["review_state"] == "closed"
    assert body["accepted_answer"] == answer.UID()
    assert call(site, "POST", url, user="asker")[0] == 400  # accepted already


def test_anyone_logged_in_reports_a_post_for_the_moderators(site):
    question = open_question(site)
    url = f"{question.absolute_url()}/@report"
    assert call(site, "POST", url, {"reason": "广告"})[0] == 401
    assert call(site, "POST", url, {"reason": " "}, "neighbour")[0] == 400
    assert call(site, "POST", url, {"reason": "广告"}, "neighbour")[0] == 201
    reports = moderation.open_reports(site)[question.UID()]
    assert [(r["by"], r["reason"]) for r in reports] == [("neighbour", "广告")]
    with api.env.adopt_user(username=moderator()):
        api.content.transition(question, transition="hide")
    assert question.UID() not in moderation.open_reports(site)


def test_similar_questions_and_guides_for_the_ask_forms_hint(site):
    question = open_question(site, title="港澳通行证丢了怎么补办")
    status, body = call(site, "GET", similar_url("港澳通行证丢失"))
    assert status == 200, body
    assert question.UID() in [item["UID"] for item in body["items"]]
    pending = ask(site, title="港澳通行证丢了能不能加急")[1]
    status, body = call(site, "GET", similar_url("港澳通行证"))
    assert pending["UID"] not in [item["UID"] for item in body["items"]]
    assert call(site, "GET", similar_url("港"))[1] == {"items": []}


def test_a_citizens_strategy_awaits_moderation_and_stays_plain_text(site):
    body = {
        "title": "补办身份证的经验",
        "text": "先在网上预约。<script>alert(1)</script>",
    }
    status, summary = call(site, "POST", f"{BOARD}/@strategy", body, "helper")
    assert status == 201, summary
    assert summary["review_state"] == "pending_moderation"
    strategy = obj_of(summary["UID"])
    assert strategy.getOwner().getId() == "helper"
    assert "<script>" not in strategy.text.output
    assert "&lt;script&gt;" in strategy.text.output
    assert call(site, "GET", summary["@id"], user="neighbour")[0] == 401
    with api.env.adopt_user(username=moderator()):
        api.content.transition(strategy, transition="approve")
    transaction.commit()
    assert call(site, "GET", summary["@id"])[0] == 200
    assert moderation.entries(1)[0].action == "approved"


def test_a_citizen_cannot_add_a_strategy_bypassing_the_checks(site):
    body = {"@type": "Strategy", "title": "绕过审核的攻略"}
    assert call(site, "POST", BOARD, body, "helper")[0] == 401

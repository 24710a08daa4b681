"""Cross-site REST writes with a browser's login cookie are refused (issue 13.5),
over real HTTP: a foreign page's ``text/plain`` POST carries the visitor's cookie but
no token, and no CORS preflight stops it."""

import json

import pytest
import requests
import transaction
from access_helpers import ADMIN
from access_helpers import DISTRICT
from access_helpers import FOREIGN
from access_helpers import ask
from access_helpers import board
from access_helpers import cookie_session
from access_helpers import member
from access_helpers import publish
from access_helpers import rest
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from plone.protect.authenticator import createToken
from zope.component.hooks import setSite

from zhengwu.participation import votes


@pytest.fixture
def web(acceptance):
    """The live site with a citizen, an open question of another citizen and a
    question awaiting moderation; ``base`` is the server's origin."""
    app = acceptance["app"]
    site = app[DISTRICT]
    setSite(site)
    login(app, SITE_OWNER_NAME)
    member("zhangwei")
    member("lihua")
    open_question = publish(ask(site, "lihua", "公积金怎么提取"))
    pending = ask(site, "lihua", "护照在哪里办")
    transaction.commit()
    base = f"http://{acceptance['host']}:{acceptance['port']}"
    yield {"site": site, "base": base, "open": open_question, "pending": pending}
    setSite(acceptance["portal"])


def fresh(obj):
    transaction.begin()  # see what the server committed
    return obj


def url(obj):
    return obj.absolute_url()


def test_citizen_cookie_vote_from_foreign_origin_is_refused(web):
    citizen = cookie_session(web["base"], "zhangwei")
    response = rest(citizen, "POST", f"{url(web['open'])}/@vote", origin=FOREIGN)
    assert response.status_code == 403
    assert response.headers["Content-Type"].startswith("application/json")
    assert "其他网站" in response.json()["message"]  # in the site's language
    assert votes.vote_count(fresh(web["open"])) == 0


def test_citizen_cookie_vote_from_own_pages_counts(web):
    citizen = cookie_session(web["base"], "zhangwei")
    response = rest(citizen, "POST", f"{url(web['open'])}/@vote", origin=web["base"])
    assert response.status_code == 200, response.text
    assert votes.vote_count(fresh(web["open"])) == 1


def test_own_referer_counts_when_no_origin_is_sent(web):
    citizen = cookie_session(web["base"], "zhangwei")
    referer = f"{url(web['open'])}/view"
    response = rest(citizen, "POST", f"{url(web['open'])}/@vote", Referer=referer)
    assert response.status_code == 200, response.text
    response = rest(
        citizen,
        "POST",
        f"{url(web['open'])}/@vote",
        Referer=f"{FOREIGN}/{DISTRICT}/page",
    )
    assert response.status_code == 403


def test_cookie_without_origin_or_referer_needs_the_token(web):
    citizen = cookie_session(web["base"], "zhangwei")
    response = rest(citizen, "POST", f"{url(web['open'])}/@vote")
    assert response.status_code == 403
    with api.env.adopt_user(username="zhangwei"):
        token = createToken()
    response = rest(
        citizen, "POST", f"{url(web['open'])}/@vote", **{"X-CSRF-TOKEN": token}
    )
    assert response.status_code == 200, response.text
    assert votes.vote_count(fresh(web["open"])) == 1


def test_foreign_origin_with_wrong_token_is_refused(web):
    citizen = cookie_session(web["base"], "zhangwei")
    response = rest(
        citizen,
        "POST",
        f"{url(web['open'])}/@vote",
        origin=FOREIGN,
        **{"X-CSRF-TOKEN": "0" * 40},
    )
    assert response.status_code == 403
    assert votes.vote_count(fresh(web["open"])) == 0


def test_citizen_cookie_ask_and_answer_from_foreign_origin_change_nothing(web):
    citizen = cookie_session(web["base"], "zhangwei")
    before = len(fresh(board(web["site"])).objectIds())
    ask_body = json.dumps({"title": "钓鱼网站的问题", "details": "点这里"})
    response = rest(
        citizen, "POST", f"{url(board(web['site']))}/@ask", ask_body, origin=FOREIGN
    )
    assert response.status_code == 403
    response = rest(
        citizen,
        "POST",
        f"{url(web['open'])}/@answer",
        json.dumps({"text": "去这个网站办"}),
        origin=FOREIGN,
    )
    assert response.status_code == 403
    assert len(fresh(board(web["site"])).objectIds()) == before
    assert fresh(web["open"]).objectIds() == []


def test_admin_cookie_workflow_content_and_sharing_from_foreign_origin(web):
    admin = cookie_session(web["base"], *ADMIN)
    pending = web["pending"]
    response = rest(admin, "POST", f"{url(pending)}/@workflow/approve", origin=FOREIGN)
    assert response.status_code == 403
    department = web["site"]["zh-cn"]["gaj"]
    body = json.dumps({"@type": "Document", "id": "forged", "title": "伪造"})
    response = rest(admin, "POST", url(department), body, origin=FOREIGN)
    assert response.status_code == 403
    sharing = json.dumps(
        {"entries": [{"id": "zhangwei", "type": "user", "roles": {"Editor": True}}]}
    )
    response = rest(
        admin, "POST", f"{url(department)}/@sharing", sharing, origin=FOREIGN
    )
    assert response.status_code == 403
    assert api.content.get_state(fresh(pending)) == "pending_moderation"
    assert "forged" not in department.objectIds()
    assert "Editor" not in api.user.get_roles(username="zhangwei", obj=department)


def test_admin_cookie_cannot_be_used_to_create_a_manager_cross_site(web):
    admin = cookie_session(web["base"], *ADMIN)
    body = json.dumps(
        {
            "username": "intruder",
            "email": "intruder@example.org",
            "password": "secret-Passw0rd",
            "roles": ["Manager"],
        }
    )
    response = rest(
        admin, "POST", f"{web['base']}/{DISTRICT}/@users", body, origin=FOREIGN
    )
    assert response.status_code == 403
    transaction.begin()
    assert api.user.get(userid="intruder") is None


def test_admin_cookie_from_own_origin_creates_content(web):
    admin = cookie_session(web["base"], *ADMIN)
    department = web["site"]["zh-cn"]["gaj"]
    body = json.dumps({"@type": "Document", "id": "own-page", "title": "本站"})
    response = rest(
        admin,
        "POST",
        url(department),
        body,
        origin=web["base"],
        **{"Content-Type": "application/json"},
    )
    assert response.status_code == 201, response.text
    assert "own-page" in fresh(department).objectIds()


def test_basic_auth_integrator_without_origin_is_unaffected(web):
    department = web["site"]["zh-cn"]["gaj"]
    response = requests.post(
        url(department),
        json={"@type": "Document", "id": "by-script", "title": "脚本"},
        headers={"Accept": "application/json"},
        auth=ADMIN,
        timeout=60,
    )
    assert response.status_code == 201, response.text
    assert "by-script" in fresh(department).objectIds()


def test_remembered_basic_login_from_foreign_origin_is_refused(web):
    response = requests.post(
        f"{url(web['pending'])}/@workflow/approve",
        data="{}",
        headers={"Accept": "application/json", "Origin": FOREIGN},
        auth=ADMIN,
        timeout=60,
    )
    assert response.status_code == 403
    assert api.content.get_state(fresh(web["pending"])) == "pending_moderation"


def test_jwt_in_the_authorization_header_is_unaffected(web):
    login_response = requests.post(
        f"{web['base']}/{DISTRICT}/@login",
        json={"login": "zhangwei", "password": "secret-Passw0rd"},
        headers={"Accept": "application/json"},
        timeout=60,
    )
    token = login_response.json()["token"]
    response = requests.post(
        f"{url(web['open'])}/@vote",
        headers={
            "Accept": "application/json",
            "Authorization": f"Bearer {token}",
            "Origin": FOREIGN,
        },
        timeout=60,
    )
    assert response.status_code == 200, response.text
    assert votes.vote_count(fresh(web["open"])) == 1


def test_an_origin_allowed_in_the_registry_may_write(web):
    api.portal.set_registry_record(
        "zhengwu.rest.allowed_origins", ["https://app.nanshan.example.gov.cn"]
    )
    transaction.commit()
    citizen = cookie_session(web["base"], "zhangwei")
    response = rest(
        citizen,
        "POST",
        f"{url(web['open'])}/@vote",
        origin="https://app.nanshan.example.gov.cn",
    )
    assert response.status_code == 200, response.text
    response = rest(
        citizen,
        "POST",
        f"{url(web['open'])}/@vote",
        origin="https://app.nanshan.example.gov.cn.evil.example.com",
    )
    assert response.status_code == 403


def test_anonymous_rest_get_and_safe_requests_are_unaffected(web):
    response = requests.get(
        f"{url(web['open'])}/@vote",
        headers={"Accept": "application/json", "Origin": FOREIGN},
        timeout=60,
    )
    assert response.status_code == 200
    assert response.json()["votes"] == 0

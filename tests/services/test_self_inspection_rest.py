"""``@self-inspection`` over REST and ``@@self-inspection``: who sees what, the
shapes, bad input (400, never 500), a run by hand."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.textfield.value import RichTextValue
from qa_helpers import PASSWORD
from qa_helpers import citizen
from qa_helpers import staff
from visitors import Visitor
from visitors import rest_call

from zhengwu.inspection.run import run_inspection

NOW = datetime.datetime(2025, 10, 9, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
URL = "http://nohost/nanshan/zh-cn/@self-inspection"
PAGE = "http://nohost/nanshan/zh-cn/@@self-inspection"
OWNER = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


def broken_page(container, id_):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        page = api.content.create(
            container=container,
            type="Document",
            id=id_,
            title=id_,
            text=RichTextValue('<a href="gone">x</a>', "text/html", "text/x-html-safe"),
        )
        api.content.transition(page, to_state="published")


@pytest.fixture
def app(functional):
    return functional["app"]


@pytest.fixture
def inspected(site):
    """Broken links on a page of gaj and one of zjj, a run at NOW; users."""
    # No scheduled run after the test's requests: the run at NOW stays the latest.
    api.portal.set_registry_record("zhengwu.inspection.interval_hours", 0)
    root = site["zh-cn"]
    broken_page(root["gaj"], "gaj-page")
    broken_page(root["zjj"], "zjj-page")
    run_inspection(site, now=NOW, mail=False)
    citizen("plain-citizen")
    staff("gaj", "editor")
    transaction.commit()
    return site


def as_user(name):
    return (name, PASSWORD)


def test_anonymous_and_citizens_see_nothing(app, inspected):
    assert rest_call(app, "GET", URL)[0] == 401
    assert rest_call(app, "GET", URL, user=as_user("plain-citizen"))[0] == 401


def test_a_department_sees_its_own_findings_only(app, inspected):
    status, body = rest_call(app, "GET", URL, user=as_user("editor-of-gaj"))
    assert status == 200
    assert {item["department"] for item in body["items"]} == {"gaj"}
    assert [d["id"] for d in body["departments"]] == ["gaj"]
    assert any(item["path"] == "zh-cn/gaj/gaj-page" for item in body["items"])
    status, _body = rest_call(
        app, "GET", f"{URL}?department=zjj", user=as_user("editor-of-gaj")
    )
    assert status == 403


def test_a_site_admin_sees_every_department_and_the_shape(app, inspected):
    status, body = rest_call(app, "GET", f"{URL}?rule=link-broken", user=OWNER)
    assert status == 200
    assert set(body) >= {
        "@id",
        "run",
        "rules",
        "departments",
        "items",
        "items_total",
        "batching",
        "history",
    }
    assert body["run"]["today"] == "2025-10-09"
    paths = {item["path"] for item in body["items"]}
    assert {"zh-cn/gaj/gaj-page", "zh-cn/zjj/zjj-page"} <= paths
    item = next(i for i in body["items"] if i["path"] == "zh-cn/gaj/gaj-page")
    assert item["rule"] == "link-broken"
    assert item["url"].endswith("/nanshan/zh-cn/gaj/gaj-page")
    assert item["detail"] == {"link": "gone"}
    assert "gone" in item["message"]
    assert item["department_title"] == "深圳市公安局南山分局"


def test_findings_come_in_bounded_batches(app, inspected):
    status, body = rest_call(app, "GET", f"{URL}?b_size=1", user=OWNER)
    assert status == 200
    assert len(body["items"]) == 1
    assert body["items_total"] > 1
    assert "b_start=1" in body["batching"]["next"]


@pytest.mark.parametrize(
    "query",
    ["rule=no-such-rule", "department=nowhere", "b_size=0", "b_size=101", "b_start=x"],
)
def test_bad_filters_are_a_400(app, inspected, query):
    status, body = rest_call(app, "GET", f"{URL}?{query}", user=OWNER)
    assert status == 400


def test_only_site_admins_run_it_and_the_fixed_finding_disappears(app, inspected):
    assert rest_call(app, "POST", URL, {}, user=as_user("editor-of-gaj"))[0] == 401
    page = inspected["zh-cn"]["gaj"]["gaj-page"]
    page.text = RichTextValue("<p>ok</p>", "text/html", "text/x-html-safe")
    transaction.commit()
    status, body = rest_call(app, "POST", URL, {"mail": False}, user=OWNER)
    assert status == 201
    assert body["run"]["trigger"] == "manual"
    status, body = rest_call(app, "GET", f"{URL}?b_size=100", user=OWNER)
    paths = {item["path"] for item in body["items"]}
    assert "zh-cn/gaj/gaj-page" not in paths
    assert "zh-cn/zjj/zjj-page" in paths
    assert len(body["history"]) >= 2


@pytest.mark.parametrize("body", [{"mail": "yes"}, {"other": 1}, [1]])
def test_a_bad_run_request_is_a_400(app, inspected, body):
    assert rest_call(app, "POST", URL, body, user=OWNER)[0] == 400


def test_the_dashboard_page_for_admins_and_departments(app, inspected):
    admin = Visitor(app)
    admin.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    admin.open(PAGE)
    assert "网站自查" in admin.text
    assert "zjj-page" in admin.text and "gaj-page" in admin.text
    assert "<svg" in admin.contents
    assert "立即自查" in admin.text
    editor = Visitor(app)
    editor.addHeader("Authorization", f"Basic editor-of-gaj:{PASSWORD}")
    editor.open(PAGE)
    assert "gaj-page" in editor.text
    assert "zjj-page" not in editor.text
    assert "立即自查" not in editor.text


def test_anonymous_cannot_open_the_dashboard(app, inspected):
    visitor = Visitor(app)
    visitor.raiseHttpErrors = False
    visitor.open(PAGE)
    assert "login" in visitor.url or visitor.headers["status"].startswith(
        ("401", "403")
    )


def test_the_dashboard_speaks_english_on_the_english_site(app, inspected):
    admin = Visitor(app)
    admin.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    admin.open("http://nohost/nanshan/en/@@self-inspection")
    assert "Self-inspection" in admin.text
    assert "Department league table" in admin.text

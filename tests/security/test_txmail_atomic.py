"""A REST answer with an error writes nothing: @workflow dates, PATCH (issue 13.2)."""

import pytest
import transaction
from txmail_helpers import ADMIN
from txmail_helpers import add_member
from txmail_helpers import add_page
from txmail_helpers import rest
from txmail_helpers import site_url

EARLY = "2001-02-03T04:05:00"
LATE = "2031-02-03T04:05:00"


@pytest.fixture
def pages(acceptance):
    """A published and a draft page of the department and one of its editors."""
    app = acceptance["app"]
    published = add_page(app, "已发布的页面", publish=True)
    draft = add_page(app, "草稿页面")
    editor = add_member(app["nanshan"], "txmail-editor", group="editors")
    transaction.commit()
    base = f"{site_url(acceptance)}/zh-cn/gaj"
    return {
        "published": f"{base}/{published.getId()}",
        "draft": f"{base}/{draft.getId()}",
        "editor": editor,
    }


def _dates_and_state(url):
    item = rest("GET", url, auth=ADMIN).json()
    state = rest("GET", f"{url}/@workflow", auth=ADMIN).json()["state"]["id"]
    return item["effective"], item["expires"], item["title"], state


@pytest.mark.parametrize("transition", ["publish", "retract", "sign_off", "nonsense"])
def test_anonymous_transition_with_dates_is_refused_and_stores_nothing(
    pages, transition
):
    url = pages["published"]
    before = _dates_and_state(url)
    response = rest(
        "POST",
        f"{url}/@workflow/{transition}",
        json={"effective": LATE, "expires": EARLY},
    )
    assert 400 <= response.status_code < 500
    assert response.headers["Content-Type"].startswith("application/json")
    body = response.json()
    assert (body.get("error") or body)["message"]
    assert _dates_and_state(url) == before


def test_editor_invalid_transition_with_dates_stores_nothing(pages):
    url = pages["draft"]
    before = _dates_and_state(url)
    response = rest(
        "POST",
        f"{url}/@workflow/sign_off",
        json={"effective": EARLY, "expires": LATE},
        auth=pages["editor"],
    )
    assert response.status_code == 400
    assert response.json()["error"]["type"] == "WorkflowException"
    assert "sign_off" in response.json()["error"]["message"]
    assert _dates_and_state(url) == before


def test_expires_before_effective_is_refused_and_stores_nothing(pages):
    url = pages["draft"]
    before = _dates_and_state(url)
    response = rest(
        "POST",
        f"{url}/@workflow/submit",
        json={"effective": LATE, "expires": EARLY},
        auth=pages["editor"],
    )
    assert response.status_code == 400
    # Neither the dates nor the transition: the whole request is undone.
    assert _dates_and_state(url) == before


def test_editor_valid_transition_with_dates_still_stores_them(pages):
    url = pages["draft"]
    response = rest(
        "POST",
        f"{url}/@workflow/submit",
        json={"effective": EARLY, "expires": LATE, "comment": "请审核"},
        auth=pages["editor"],
    )
    assert response.status_code == 200
    effective, expires, _title, state = _dates_and_state(url)
    # Stored (in UTC): the years are enough to tell.
    assert (effective[:4], expires[:4], state) == ("2001", "2031", "pending_section")


def test_any_rest_error_answer_stores_nothing(pages):
    # plone.restapi's PATCH writes the fields, then answers 400 for the invariant.
    url = pages["draft"]
    before = _dates_and_state(url)
    response = rest(
        "PATCH",
        url,
        json={"title": "改过的标题", "effective": LATE, "expires": EARLY},
        auth=ADMIN,
    )
    assert response.status_code == 400
    assert _dates_and_state(url) == before


def test_rest_answer_without_error_still_commits(pages):
    url = pages["draft"]
    response = rest("PATCH", url, json={"title": "改过的标题"}, auth=ADMIN)
    assert response.status_code == 204
    assert _dates_and_state(url)[2] == "改过的标题"

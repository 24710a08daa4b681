"""Citizens see no back office (issue 13.10), over real HTTP: no edit of their own
posts outside the posting path, no sharing, the department is the moderators'."""

import pytest
from backoffice_helpers import call
from backoffice_helpers import fresh
from backoffice_helpers import live_site
from plone.app.testing import SITE_OWNER_NAME
from zope.component.hooks import setSite


@pytest.fixture
def web(acceptance):
    yield live_site(acceptance)
    setSite(acceptance["portal"])


def test_citizen_cannot_patch_their_pending_question(web):
    question = web["pending"]
    response = call(
        "PATCH", question.absolute_url(), "bo-asker", {"title": "改了的标题"}
    )
    assert response.status_code == 401  # plone.restapi's answer to Unauthorized
    assert "message" in response.json()
    assert fresh(question).Title() == "居住证怎么续签"


def test_citizen_cannot_move_their_pending_question_to_another_department(web):
    question = web["pending"]
    response = call("PATCH", question.absolute_url(), "bo-asker", {"department": "jyj"})
    assert response.status_code == 401  # plone.restapi's answer to Unauthorized
    assert fresh(question).department == "gaj"


def test_citizen_cannot_patch_html_into_their_pending_strategy(web):
    post = web["strategy"]
    html = '<img src="x" onerror="alert(1)"><a href="https://evil.example.com">领奖</a>'
    response = call(
        "PATCH",
        post.absolute_url(),
        "bo-asker",
        {"text": {"data": html, "content-type": "text/html"}},
    )
    assert response.status_code == 401  # plone.restapi's answer to Unauthorized
    assert "<img" not in fresh(post).text.raw


def test_citizen_cannot_edit_their_published_question(web):
    response = call(
        "PATCH", web["open"].absolute_url(), "bo-asker", {"title": "改了的标题"}
    )
    assert response.status_code == 401  # plone.restapi's answer to Unauthorized


@pytest.mark.parametrize("view", ["@@edit", "@@sharing", "edit"])
def test_citizen_cannot_open_the_edit_or_sharing_form_of_their_question(web, view):
    response = call(
        "GET", f"{web['pending'].absolute_url()}/{view}", "bo-asker", Accept="text/html"
    )
    # Plone's "insufficient privileges" page, never the form
    assert response.status_code == 302
    assert "require_login" in response.headers["Location"]


def test_citizen_cannot_share_their_pending_question_over_rest(web):
    question = web["pending"]
    body = {"entries": [{"id": "bo-other", "type": "user", "roles": {"Editor": True}}]}
    response = call("POST", f"{question.absolute_url()}/@sharing", "bo-asker", body)
    assert response.status_code in (401, 403)
    assert "Editor" not in fresh(question).get_local_roles_for_userid("bo-other")


def test_citizen_still_reads_their_pending_question(web):
    response = call("GET", web["pending"].absolute_url(), "bo-asker")
    assert response.status_code == 200
    assert response.json()["title"] == "居住证怎么续签"


def test_moderator_moves_a_pending_question_to_another_department(web):
    question = web["pending"]
    response = call(
        "PATCH", question.absolute_url(), "bo-moderator", {"department": "jyj"}
    )
    assert response.status_code == 204
    assert fresh(question).department == "jyj"


def test_department_field_is_left_alone_for_an_editor_who_is_no_moderator(web):
    """Whoever may modify a question but not moderate cannot change its department."""
    question = web["pending"]
    question.manage_permission(
        "Modify portal content", ["Editor", "Moderator", "Manager"], acquire=False
    )
    question.manage_setLocalRoles("bo-other", ["Editor"])
    import transaction

    transaction.commit()
    response = call(
        "PATCH",
        question.absolute_url(),
        "bo-other",
        {"title": "护照在哪里续签", "department": "jyj"},
    )
    assert response.status_code == 204
    question = fresh(question)
    assert question.Title() == "护照在哪里续签"
    assert question.department == "gaj"


def test_site_owner_keeps_editing_questions(web):
    response = call(
        "PATCH", web["pending"].absolute_url(), SITE_OWNER_NAME, {"title": "新标题"}
    )
    assert response.status_code == 204

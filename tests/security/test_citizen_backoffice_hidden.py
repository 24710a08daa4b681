"""Posts a user cannot view answer 404 on ``@vote``, ``@accept``, ``@report`` and
``@answer``, exactly like a missing item (issue 13.10), over real HTTP."""

import pytest
import transaction
from access_helpers import board
from backoffice_helpers import call
from backoffice_helpers import live_site
from plone import api
from zope.component.hooks import setSite

from zhengwu.participation import votes
from zhengwu.participation.posting import POSTING


@pytest.fixture
def web(acceptance):
    yield live_site(acceptance)
    setSite(acceptance["portal"])


def missing(web):
    return f"{board(web['site']).absolute_url()}/no-such-question"


@pytest.mark.parametrize(
    ("method", "endpoint", "body"),
    [
        ("GET", "@vote", None),
        ("POST", "@vote", {}),
        ("DELETE", "@vote", None),
        ("POST", "@report", {"reason": "广告"}),
        ("POST", "@answer", {"text": "去派出所办理。"}),
    ],
)
@pytest.mark.parametrize("user", ["bo-other", None])
def test_hidden_question_answers_like_a_missing_one(web, method, endpoint, body, user):
    hidden = call(
        method, f"{web['pending'].absolute_url()}/{endpoint}", user, body=body
    )
    absent = call(method, f"{missing(web)}/{endpoint}", user, body=body)
    assert absent.status_code == 404
    assert hidden.status_code == 404
    assert hidden.json()["type"] == absent.json()["type"] == "NotFound"
    transaction.begin()
    assert votes.vote_count(web["pending"]) == 0
    assert not web["pending"].objectIds()


def test_accept_on_a_hidden_answer_answers_404(web):
    question = web["open"]
    transaction.begin()
    web["site"].REQUEST.set(POSTING, True)
    with api.env.adopt_user(username="bo-other"):
        answer = api.content.create(
            container=question, type="Answer", id="hidden-answer", text="看指南。"
        )
    transaction.commit()
    assert api.content.get_state(answer) == "pending_moderation"
    response = call("POST", f"{answer.absolute_url()}/@accept", "bo-asker", body={})
    assert response.status_code == 404
    transaction.begin()
    assert not getattr(question, "accepted_answer", None)


def test_visible_question_keeps_its_answers(web):
    url = f"{web['open'].absolute_url()}/@vote"
    assert call("GET", url).status_code == 200
    assert call("POST", url, body={}).status_code == 401  # log in to vote
    voted = call("POST", url, "bo-other", body={})
    assert voted.status_code == 200
    assert voted.json()["votes"] == 1
    own = call("POST", url, "bo-asker", body={})
    assert own.status_code == 400  # not for one's own post


def test_the_asker_still_votes_nothing_but_sees_their_hidden_question(web):
    response = call("GET", f"{web['pending'].absolute_url()}/@vote", "bo-asker")
    assert response.status_code == 200
    assert response.json()["votes"] == 0

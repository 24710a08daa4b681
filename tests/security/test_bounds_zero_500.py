"""Zero 500s: every Zhengwu REST endpoint and page answers bad input with a 4xx.

The endpoints are read from the component registry at run time, so a new one is
walked without being listed here. Each gets the corpus of bad query strings (GET)
or bad bodies (the other methods), anonymous and as the site owner, over real HTTP;
every page (form) also gets a corpus of bad form posts.
"""

import pytest
import requests
import transaction
from bounds_helpers import ADMIN
from bounds_helpers import BAD_BODIES
from bounds_helpers import BAD_FORMS
from bounds_helpers import BAD_QUERIES
from bounds_helpers import SLOW
from bounds_helpers import is_message_answer
from bounds_helpers import provided_by
from bounds_helpers import registered
from layers import DISTRICT
from layers import SOLR_SERVER_FIXTURE
from plone import api
from plone.dexterity.utils import createContentInContainer
from zope.component.hooks import setSite

from zhengwu.participation.posting import POSTING

JSON = {"Accept": "application/json", "Content-Type": "application/json"}
USERS = (None, ADMIN)


@pytest.fixture
def samples(acceptance):
    """(path, interfaces) of one object of each kind the endpoints are for."""
    site = acceptance["app"][DISTRICT]
    setSite(site)
    root = site["zh-cn"]
    board = root["zhidao"]
    with api.env.adopt_roles(["Manager"]):
        acceptance["request"].set(POSTING, True)
        question = api.content.create(
            container=board, type="Question", title="身份证丢了怎么办", department="gaj"
        )
        # answers are added to approved questions: the sample needs none
        answer = createContentInContainer(
            question, "Answer", checkConstraints=False, id="answer-1", text="去派出所"
        )
    transaction.commit()
    objects = (root, board, question, answer, root["gaj"], site)
    yield [("/".join(obj.getPhysicalPath()), provided_by(obj)) for obj in objects]
    setSite(acceptance["portal"])
    SOLR_SERVER_FIXTURE.forget_board()


def _call(base, endpoint, user, query=None, body=None, headers=JSON):
    url = f"{base}{endpoint.path}/{endpoint.name}"
    if query:
        url = f"{url}?{query}"
    return requests.request(
        endpoint.method,
        url,
        data=body,
        headers=headers,
        auth=user,
        timeout=60,
        allow_redirects=False,
    )


def _walk(base, endpoints, headers):
    """Every endpoint with every bad input; (number of cases, failures)."""
    failures, cases = [], 0
    for endpoint in endpoints:
        slow = endpoint.name in SLOW or endpoint.name.lstrip("@") in SLOW
        if endpoint.method == "GET":
            inputs = [{"query": query} for query in BAD_QUERIES]
        elif slow:
            continue
        else:
            inputs = [{"body": body} for body in BAD_BODIES]
            inputs += [{"query": query} for query in BAD_QUERIES[:10]]
        for user in USERS:
            for given in inputs:
                cases += 1
                response = _call(base, endpoint, user, headers=headers, **given)
                who = "admin" if user else "anonymous"
                status = response.status_code
                if status >= 500:
                    failures.append(f"{status} {endpoint} as {who}: {given}")
                elif status >= 400 and not is_message_answer(response):
                    failures.append(f"{status} without message {endpoint}: {given}")
    return cases, failures


def test_every_rest_endpoint_answers_bad_input_with_4xx(acceptance, samples):
    services, _views = registered(samples)
    assert len(services) >= 28  # the walk found Zhengwu's endpoints
    base = f"http://{acceptance['host']}:{acceptance['port']}"
    cases, failures = _walk(base, services, JSON)
    print(f"REST: {len(services)} endpoints, {cases} cases")
    assert not failures, "\n".join(failures)


def test_every_page_answers_bad_input_without_500(acceptance, samples):
    _services, views = registered(samples)
    assert len(views) >= 20
    base = f"http://{acceptance['host']}:{acceptance['port']}"
    cases, failures = _walk(base, views, {"Accept": "text/html"})
    print(f"Pages: {len(views)} pages, {cases} cases")
    assert not failures, "\n".join(failures)


def test_every_page_answers_bad_form_posts_without_500(acceptance, samples):
    _services, views = registered(samples)
    base = f"http://{acceptance['host']}:{acceptance['port']}"
    form = {"Accept": "text/html", "Content-Type": "application/x-www-form-urlencoded"}
    failures, cases = [], 0
    for view in views:
        for user in USERS:
            for body in BAD_FORMS:
                cases += 1
                url = f"{base}{view.path}/{view.name}"
                response = requests.post(
                    url,
                    data=body,
                    headers=form,
                    auth=user,
                    timeout=60,
                    allow_redirects=False,
                )
                if response.status_code >= 500:
                    who = "admin" if user else "anonymous"
                    failures.append(
                        f"{response.status_code} {view} as {who}: {body[:60]}"
                    )
    print(f"Forms: {len(views)} pages, {cases} posts")
    assert not failures, "\n".join(failures)

"""One vote per member and item, also under concurrent requests on a real ZEO server.

The module starts the real portal once (``tests/cluster_portal.py``), as `make
cluster` does (scripts/portal.py start --clients 2: Solr, a ZEO server, two Zope
clients and haproxy), in a temporary var/ on free ports with
``ZHENGWU_SKIP_STEPS=heavy`` and only the Nanshan site, and stops it at the end,
also when a test fails. The requests go straight to the two Zope clients
(``ZHENGWU_ZOPE_PORT`` + 1 and + 2; haproxy listens on the port itself), split
between them, so that two ZEO client storages, each with four waitress worker
threads and a ZODB connection per thread, commit votes on the same item at the
same time.

Two concurrent votes of one member insert the same key into the item's voters
(OOBTree): ZODB refuses to merge them, Zope retries the loser, which then finds the
vote (``zhengwu.participation.votes``). A ConflictError that Zope gives up on after
its retries (three, with growing random delays) answers 500 with ``ConflictError`` in
the body: such a request voted nothing, which the tests tolerate only where noted
and always count and print.
"""

import random
import shutil
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest
import requests
from cluster_portal import loopback_call
from cluster_portal import running_cluster

SITE = "nanshan"
BOARD = f"/{SITE}/zh-cn/zhidao"
ADMIN_PASSWORD = "Admin-Votes-Conc-7f3k"  # noqa: S105 - this test's throwaway portal
MEMBER_PASSWORD = "Member-Votes-Conc-9q2w"  # noqa: S105
CITIZEN = "citizen-asker"
MEMBERS = [f"voter{n:02d}" for n in range(1, 21)]


def _call(method, url, user=None, json=None):
    """One request to a Zope client as ``user`` ("admin", a member or a visitor)."""
    auth = None
    if user:
        auth = (user, ADMIN_PASSWORD if user == "admin" else MEMBER_PASSWORD)
    return loopback_call(method, url, auth, json)


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    if shutil.which("haproxy") is None:
        pytest.fail(
            "haproxy is needed for `portal.py start --clients 2`: run `make test-deps`."
        )
    var = tmp_path_factory.mktemp("votes-cluster") / "var"
    with running_cluster(var, ADMIN_PASSWORD, "votes", SITE) as cluster:
        cluster.questions = {}
        yield cluster


@pytest.fixture(scope="module")
def questions(portal):
    """The citizen, 20 members and three approved questions of the citizen."""
    for user in [CITIZEN, *MEMBERS]:
        made = _call(
            "POST",
            portal.url(0, f"/{SITE}/@users"),
            "admin",
            {
                "username": user,
                "email": f"{user}@example.org",
                "password": MEMBER_PASSWORD,
            },
        )
        assert made.status_code == 201, made.text
    titles = {
        "same": "社区图书馆周末几点开门？",
        "many": "小区门口的路灯坏了找哪个部门修？",
        "flip": "孩子上小学需要准备哪些材料？",
    }
    for key, title in titles.items():
        asked = _call(
            "POST",
            portal.url(1, f"{BOARD}/@ask"),
            CITIZEN,
            {"title": title, "details": "请问具体怎么办理，谢谢。"},
        )
        assert asked.status_code == 201, asked.text
        assert not asked.json()["held"], asked.json()
        path = urlsplit(asked.json()["@id"]).path
        # on the client that made it: the other sees it once the ZEO invalidation
        # arrives, which a request sent at once need not wait for
        approved = _call("POST", portal.url(1, f"{path}/@workflow/approve"), "admin")
        assert approved.status_code == 200, approved.text
        assert approved.json()["review_state"] == "open"
        portal.questions[key] = path
    return portal.questions


def _vote_state(portal, client, path, user=None):
    answer = _call("GET", portal.url(client, f"{path}/@vote"), user)
    assert answer.status_code == 200, answer.text
    return answer.json()


def _settled_state(portal, client, path, user, expected_votes, wait=10):
    """The vote state on ``client``; a client whose ZEO cache has not yet seen
    the last transaction of the other shows fewer votes, never more: wait for it."""
    deadline = time.monotonic() + wait
    while True:
        state = _vote_state(portal, client, path, user)
        if state["votes"] >= expected_votes or time.monotonic() > deadline:
            return state
        time.sleep(0.2)


def _catalog_votes(portal, path, client=0):
    """The ``votes`` metadata of the item in the ZCatalog (not Solr)."""
    answer = _call(
        "GET",
        portal.url(client, f"/{SITE}/@search")
        + f"?path.query={path}&path.depth=0&metadata_fields=votes"
        + "&search_backend=catalog",
        "admin",
    )
    assert answer.status_code == 200, answer.text
    items = answer.json()["items"]
    assert len(items) == 1, items
    return items[0]["votes"]


def _settled_catalog_votes(portal, path, expected, timeout=10):
    """The catalog's count once it is ``expected`` or ``timeout`` s have passed: it
    is written after each request in a transaction of its own (votes.py) and
    reaches the other client a moment later. A client that met conflicts too often
    writes it after its next request: the polls go to both clients in turn."""
    deadline = time.monotonic() + timeout
    client = 0
    votes = _catalog_votes(portal, path, client)
    while votes != expected and time.monotonic() < deadline:
        time.sleep(0.2)
        client = 1 - client
        votes = _catalog_votes(portal, path, client)
    return votes


def _outcome(response):
    if isinstance(response, Exception):
        return f"no answer: {response!r}"
    if response.status_code == 200:
        return "200"
    if response.status_code in (409, 500, 503) and "ConflictError" in response.text:
        return "ConflictError after Zope's retries"
    return f"{response.status_code} {response.text[:300]}"


def _concurrently(portal, jobs):
    """Send ``jobs`` (method, client, path, user) at once, one thread each, released
    together by a barrier; the responses in order, with client-side timings."""
    barrier = threading.Barrier(len(jobs))
    timings = [None] * len(jobs)

    def send(index):
        method, client, path, user = jobs[index]
        barrier.wait(timeout=60)
        began = time.monotonic()
        try:
            return _call(method, portal.url(client, f"{path}/@vote"), user)
        except requests.RequestException as error:
            return error
        finally:
            timings[index] = (began, time.monotonic())

    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        responses = list(pool.map(send, range(len(jobs))))
    return responses, timings


def _report(name, jobs, responses, timings):
    outcomes = Counter(_outcome(response) for response in responses)
    per_client = Counter(job[1] % 2 + 1 for job in jobs)
    durations = sorted(end - began for began, end in timings)
    events = sorted(
        [(began, 1) for began, _ in timings] + [(end, -1) for _, end in timings]
    )
    running = peak = 0
    for _, change in events:
        running += change
        peak = max(peak, running)
    print(
        f"\n[votes] {name}: {len(jobs)} requests (client1 {per_client[1]}, "
        f"client2 {per_client[2]}), outcomes {dict(outcomes)}, "
        f"{peak} in flight at once, "
        f"latency min {durations[0]:.2f} s / median "
        f"{durations[len(durations) // 2]:.2f} s / max {durations[-1]:.2f} s"
    )
    return outcomes


def _only_tolerated(outcomes, conflicts_tolerated):
    allowed = {"200"}
    if conflicts_tolerated:
        allowed.add("ConflictError after Zope's retries")
    bad = {outcome: n for outcome, n in outcomes.items() if outcome not in allowed}
    assert not bad, bad


def test_one_member_voting_30_times_at_once_counts_once(portal, questions):
    began = time.monotonic()
    path, member = questions["same"], MEMBERS[0]
    jobs = [("POST", n, path, member) for n in range(30)]
    responses, timings = _concurrently(portal, jobs)
    outcomes = _report("same member x30", jobs, responses, timings)
    # A ConflictError Zope gave up on voted nothing; the vote still counts once.
    _only_tolerated(outcomes, conflicts_tolerated=True)
    assert outcomes["200"] >= 1
    for response in responses:
        if _outcome(response) == "200":
            assert response.json()["votes"] == 1, response.json()
            assert response.json()["voted"] is True
    for client in (0, 1):
        state = _settled_state(portal, client, path, member, 1)
        assert (state["votes"], state["voted"]) == (1, True), (client, state)
        # Another member sees the one vote too, and has not voted.
        other = _vote_state(portal, client, path, MEMBERS[1])
        assert (other["votes"], other["voted"]) == (1, False)
    assert _vote_state(portal, 0, path)["votes"] == 1  # anonymous may read
    front = _call("GET", f"{portal.front}{path}/@vote", member)
    assert front.status_code == 200 and front.json()["votes"] == 1
    assert _settled_catalog_votes(portal, path, 1) == 1
    print(f"[votes] same member: {time.monotonic() - began:.1f} s")


def test_20_members_voting_at_once_count_20(portal, questions):
    began = time.monotonic()
    path = questions["many"]
    jobs = [("POST", n, path, member) for n, member in enumerate(MEMBERS)]
    responses, timings = _concurrently(portal, jobs)
    outcomes = _report("20 members at once", jobs, responses, timings)
    _only_tolerated(outcomes, conflicts_tolerated=True)
    lost = [
        member
        for member, response in zip(MEMBERS, responses, strict=True)
        if _outcome(response) != "200"
    ]
    # Integrity first: whoever got 200 is counted, whoever got a ConflictError is
    # not, and the count is the number of voters on both clients and in the catalog.
    expected = len(MEMBERS) - len(lost)
    for client in (0, 1):
        state = _settled_state(portal, client, path, None, expected)
        assert state["votes"] == expected, (client, state, lost)
    for n, member in enumerate(MEMBERS):
        voted = _vote_state(portal, n, path, member)["voted"]
        assert voted is (member not in lost), (member, voted, lost)
    assert _settled_catalog_votes(portal, path, expected) == expected
    print(f"[votes] 20 members: {time.monotonic() - began:.1f} s, lost {lost}")
    # Then the promise: every one of the 20 concurrent votes is counted. (Each vote
    # also rewrites the item's catalog record, ``votes`` index and metadata column,
    # which ZODB cannot merge: that, not the voters tree, is what conflicts here.)
    assert not lost, (
        f"{len(lost)} of 20 concurrent votes were lost: Zope gave up on a "
        f"ConflictError after its retries for {lost} (votes == {expected})"
    )


def test_withdrawing_and_voting_again_at_once_ends_consistent(portal, questions):
    began = time.monotonic()
    path = questions["flip"]
    flipper, steady = MEMBERS[0], MEMBERS[1:3]
    for n, member in enumerate([flipper, *steady]):
        voted = _call("POST", portal.url(n, f"{path}/@vote"), member)
        assert voted.status_code == 200, voted.text
    shuffle = random.Random(20240601)  # noqa: S311 - a reproducible order, not crypto
    ends = []
    for round_ in range(4):
        methods = ["POST"] * 8 + ["DELETE"] * 8
        shuffle.shuffle(methods)
        jobs = [(method, n, path, flipper) for n, method in enumerate(methods)]
        responses, timings = _concurrently(portal, jobs)
        outcomes = _report(
            f"withdraw/vote again, round {round_ + 1}", jobs, responses, timings
        )
        _only_tolerated(outcomes, conflicts_tolerated=True)
        for response in responses:
            if _outcome(response) == "200":
                body = response.json()
                assert body["votes"] == len(steady) + int(body["voted"]), body
        states = []
        for client in (0, 1):
            # Fresh GETs after the storm: the flipper's own view and the count agree.
            state = _settled_state(portal, client, path, flipper, len(steady))
            assert state["votes"] == len(steady) + int(state["voted"]), state
            states.append((state["votes"], state["voted"]))
        # Both clients see the same end state once the other's commits reached them.
        deadline = time.monotonic() + 10
        while states[0] != states[1] and time.monotonic() < deadline:
            time.sleep(0.2)
            states = [
                (s["votes"], s["voted"])
                for s in (_vote_state(portal, c, path, flipper) for c in (0, 1))
            ]
        assert states[0] == states[1], states
        for member in steady:
            assert _vote_state(portal, round_, path, member)["voted"] is True
        assert _settled_catalog_votes(portal, path, states[0][0]) == states[0][0]
        ends.append(states[0][1])
    print(
        f"[votes] withdraw/vote again: end states {ends}, "
        f"{time.monotonic() - began:.1f} s"
    )


def test_no_vote_for_ones_own_question_nor_anonymously(portal, questions):
    path = questions["many"]
    before = _vote_state(portal, 0, path)["votes"]
    for client in (0, 1):
        own = _call("POST", portal.url(client, f"{path}/@vote"), CITIZEN)
        assert own.status_code == 400, own.text
        message = own.json()["message"]
        assert "own" in message or "自己" in message, message
        anonymous = _call("POST", portal.url(client, f"{path}/@vote"))
        assert anonymous.status_code == 401, anonymous.text
        withdrawn = _call("DELETE", portal.url(client, f"{path}/@vote"))
        assert withdrawn.status_code == 401, withdrawn.text
    state = _vote_state(portal, 1, path, CITIZEN)
    assert (state["votes"], state["voted"]) == (before, False)

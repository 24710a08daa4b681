"""Rate limits count the real client once per post (issue 13.12).

The address tests serve the test portal through waitress with the very options of
the zope.ini that `make start` (one client, the public port) and `make cluster`
(clients behind haproxy on 127.0.0.1) write, over real HTTP.
"""

import pytest
import transaction
from misc_helpers import BOARD_PATH
from misc_helpers import citizen
from misc_helpers import portal_server
from misc_helpers import post_json
from misc_helpers import waitress_options
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from zope.component import getGlobalSiteManager
from zope.component.hooks import setSite
from zope.lifecycleevent.interfaces import IObjectAddedEvent

from zhengwu.content.question import IQuestion
from zhengwu.participation import posting

USERS = ("asker", "neighbour", "helper", "visitor")


def limit(record, value):
    api.portal.set_registry_record(f"zhengwu.participation.{record}", value)
    transaction.commit()


@pytest.fixture
def acceptance_site(acceptance):
    site = acceptance["app"]["nanshan"]
    setSite(site)
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        for name in USERS:
            citizen(name)
    limit("posts_per_hour_per_address", 2)
    posting._limiters.clear()
    yield site
    posting._limiters.clear()
    setSite(acceptance["portal"])


def ask(base, user, title, forwarded_for=None):
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    return post_json(
        f"{base}/{BOARD_PATH}/@ask", {"title": title, "details": ""}, user, headers
    )


def test_on_the_public_port_a_forged_forwarded_for_changes_nothing(
    acceptance_site, tmp_path
):
    with portal_server(waitress_options(tmp_path, clients=1)) as base:
        assert ask(base, "asker", "第一个问题", "203.0.113.1")[0] == 201
        assert ask(base, "neighbour", "第二个问题", "203.0.113.2")[0] == 201
        status, body = ask(base, "helper", "第三个问题", "203.0.113.3")
        assert status == 429, body
        assert body["error"]["type"] == "RateLimited"
        assert ask(base, "visitor", "第四个问题")[0] == 429


def test_behind_the_balancer_the_hop_it_appended_is_the_client(
    acceptance_site, tmp_path
):
    with portal_server(waitress_options(tmp_path, clients=2)) as base:
        # The client forges the left part; haproxy appends the address it saw.
        assert ask(base, "asker", "第一个问题", "203.0.113.1, 198.51.100.9")[0] == 201
        assert (
            ask(base, "neighbour", "第二个问题", "203.0.113.2, 198.51.100.9")[0] == 201
        )
        status, body = ask(base, "helper", "第三个问题", "203.0.113.3, 198.51.100.9")
        assert status == 429, body
        # Another client behind the same balancer has its own count.
        assert ask(base, "visitor", "邻居的问题", "198.51.100.10")[0] == 201


def test_the_balancer_is_trusted_only_in_the_cluster(tmp_path):
    direct = waitress_options(tmp_path / "direct", clients=1)
    cluster = waitress_options(tmp_path / "cluster", clients=2)
    assert "trusted_proxy" not in direct
    assert cluster["trusted_proxy"] == "127.0.0.1"
    assert cluster["trusted_proxy_count"] == "1"


class ConflictOnce:
    """On the first question added, a concurrent writer commits a change of the
    site first: the request's commit then fails with a real ConflictError."""

    def __init__(self):
        self.attempts = 0
        self.conflicts = 0

    def __call__(self, question, event):
        self.attempts += 1
        site = api.portal.get()
        site._zhengwu_conflict_probe = self.attempts
        if self.attempts > 1:
            return
        manager = transaction.TransactionManager()
        connection = site._p_jar.db().open(transaction_manager=manager)
        try:
            other = connection.get(site._p_oid)
            other._zhengwu_conflict_probe = -1
            manager.commit()
        finally:
            connection.close()


@pytest.fixture
def conflict_once():
    handler = ConflictOnce()
    registry = getGlobalSiteManager()
    registry.registerHandler(handler, (IQuestion, IObjectAddedEvent))
    yield handler
    registry.unregisterHandler(handler, (IQuestion, IObjectAddedEvent))


@pytest.fixture
def layer_server(acceptance, acceptance_site):
    """The acceptance layer's own server; two posts per account an hour."""
    limit("posts_per_hour_per_address", 30)
    limit("posts_per_hour_per_account", 2)
    return f"http://{acceptance['host']}:{acceptance['port']}"


def test_a_post_retried_after_a_conflict_counts_once(
    layer_server, acceptance_site, conflict_once
):
    status, body = ask(layer_server, "asker", "冲突后重试的问题")
    assert status == 201, body
    # Zope published the request twice: the first commit met the conflict.
    assert conflict_once.attempts == 2
    titles = [q.Title() for q in acceptance_site["zh-cn"]["zhidao"].objectValues()]
    assert titles.count("冲突后重试的问题") == 1
    # Two posts an hour: the retried one was the first, not the first two.
    assert ask(layer_server, "asker", "第二个问题")[0] == 201
    status, body = ask(layer_server, "asker", "第三个问题")
    assert status == 429, body


def test_without_a_conflict_the_account_limit_holds(layer_server):
    assert ask(layer_server, "asker", "第一个问题")[0] == 201
    assert ask(layer_server, "asker", "第二个问题")[0] == 201
    assert ask(layer_server, "asker", "第三个问题")[0] == 429

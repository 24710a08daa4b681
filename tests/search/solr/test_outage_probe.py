"""What the portal remembers about its Solr core between requests."""

import os
import socket

import pytest

from zhengwu.search.solr import outage


class CoreSettings:
    """The few collective.solr settings a probe reads, pointing at one core."""

    def __init__(self, port, base="/solr/nanshan"):
        self.settings = {
            "collective.solr.host": "127.0.0.1",
            "collective.solr.port": port,
            "collective.solr.base": base,
            "collective.solr.https_connection": False,
        }

    def _endpoint(self):
        return "test-core"  # one core, wherever the test moves it

    def getConfigParameter(self, name, env_key=None, formatter=None):
        # the login comes from the environment, as in collective.solr
        value = os.environ.get(env_key) if env_key else self.settings.get(name)
        return formatter(value) if formatter and value is not None else value


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(autouse=True)
def nothing_remembered():
    outage.forget()
    yield
    outage.forget()


def test_running_core_is_reachable(functional):
    assert outage.solr_reachable(CoreSettings(functional["solr_port"]))


def test_refused_connection_is_unreachable_and_remembered(functional):
    manager = CoreSettings(closed_port())
    assert not outage.solr_reachable(manager)
    # the core answers now, but the failure is trusted for a while
    manager.settings["collective.solr.port"] = functional["solr_port"]
    assert not outage.solr_reachable(manager)
    assert not outage.solr_reachable(manager, max_age_up=0)
    assert outage.solr_reachable(manager, max_age=0)


def test_missing_core_is_unreachable(functional):
    manager = CoreSettings(functional["solr_port"], base="/solr/nowhere")
    assert not outage.solr_reachable(manager)


def test_remembered_success_is_probed_again_when_asked(functional):
    manager = CoreSettings(functional["solr_port"])
    assert outage.solr_reachable(manager)
    manager.settings["collective.solr.port"] = closed_port()
    assert outage.solr_reachable(manager)  # remembered
    assert not outage.solr_reachable(manager, max_age_up=0)


def test_a_failed_request_marks_the_core_down_at_once(functional):
    manager = CoreSettings(functional["solr_port"])
    assert outage.solr_reachable(manager)
    outage.mark_unreachable(manager)
    assert not outage.solr_reachable(manager)
    outage.forget(manager)
    assert outage.solr_reachable(manager)

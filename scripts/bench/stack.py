"""Run a benchmark inside the test layers: a real Solr and the Nanshan site.

The benchmarks use the same stack as the tests (tests/layers.py), set up once,
with a DemoStorage on top so that they may commit.
"""

import contextlib
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for folder in ("tests", "scripts"):
    if str(ROOT / folder) not in sys.path:
        sys.path.insert(0, str(ROOT / folder))


def _setup_order(layer, order):
    for base in layer.__bases__:
        _setup_order(base, order)
    if layer not in order:
        order.append(layer)
    return order


PORTAL_CACHE_SIZE = 50_000


@contextlib.contextmanager
def layer_set_up(wanted):
    """Yield the test layer ``wanted``, set up with all its bases; tear everything
    down afterwards."""
    order = _setup_order(wanted, [])
    done = []
    try:
        for layer in order:
            layer.setUp()
            done.append(layer)
        for layer in order:
            layer.testSetUp()
        # The portal's cache size (instance/zope.conf.in), not ZODB's 400 objects:
        # a request that wakes up many questions would otherwise evict the site's
        # component registry, which the publisher still reads after the request's
        # connection is closed (ConnectionStateError at the end of the request).
        wanted["zodbDB"].setCacheSize(PORTAL_CACHE_SIZE)
        yield wanted
    finally:
        for layer in reversed(done):
            with contextlib.suppress(Exception):
                layer.testTearDown()
        for layer in reversed(done):
            layer.tearDown()


def functional_layer(live_server=False):
    """The functional test layer (with a live WSGI server if asked), set up."""
    from layers import ZHENGWU_ACCEPTANCE_TESTING
    from layers import ZHENGWU_FUNCTIONAL_TESTING

    return layer_set_up(
        ZHENGWU_ACCEPTANCE_TESTING if live_server else ZHENGWU_FUNCTIONAL_TESTING
    )


def load_demo_corpus(app):
    """The Nanshan site's demo corpus and powers list (the setup steps the tests
    skip), as `make start` loads them; (site, seconds)."""
    import transaction
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import login
    from zope.component.hooks import setSite

    from zhengwu.mail.setup_step import use_mail_queue
    from zhengwu.sites.create import run_setup_steps
    from zhengwu.sites.profile import load_district_profile

    profile = load_district_profile(ROOT / "profiles" / "nanshan")
    site = app["nanshan"]
    setSite(site)
    login(app, SITE_OWNER_NAME)
    # The test stack has no client home, so the mail-queue step leaves mail to be
    # sent at commit, to an SMTP server the bench does not run (the commit fails):
    # queue it instead, as `make start` does. The queue's thread then fails to
    # send it and logs so, outside the measured requests.
    use_mail_queue(site.MailHost, tempfile.mkdtemp(prefix="zhengwu-bench-mail-"))
    started = time.perf_counter()
    run_setup_steps(site, profile)
    transaction.commit()  # catalogs everything and sends it to Solr
    return site, time.perf_counter() - started

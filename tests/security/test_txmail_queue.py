"""An unreachable mail server never blocks an approval; the queue sends later
(issue 13.4); REST errors of the network are JSON naming the cause."""

import smtplib

import pytest
import transaction
from App.config import getConfiguration
from plone import api
from txmail_helpers import ADMIN
from txmail_helpers import DISTRICT
from txmail_helpers import SmtpServer
from txmail_helpers import add_member
from txmail_helpers import add_page
from txmail_helpers import free_port
from txmail_helpers import queued
from txmail_helpers import rest
from txmail_helpers import site_url
from txmail_helpers import wait_for
from zope.component.hooks import setSite

from zhengwu.mail.queue import RetryingQueueProcessor
from zhengwu.mail.setup_step import MailQueueStep
from zhengwu.mail.setup_step import use_mail_queue


class SmtpMailer:
    """A mailer talking SMTP to 127.0.0.1:``port`` (no site settings needed)."""

    def __init__(self, port):
        self.port = port

    def send(self, fromaddr, toaddrs, message):
        with smtplib.SMTP("127.0.0.1", self.port, timeout=10) as connection:
            connection.sendmail(fromaddr, toaddrs, message)


@pytest.fixture
def review(acceptance, tmp_path):
    """A draft, its department's editor and reviewer, and the site's MailHost
    pointing at a port of 127.0.0.1 where no mail server listens."""
    app = acceptance["app"]
    site = app[DISTRICT]
    setSite(site)
    mailhost = site.MailHost
    port = free_port()
    # Plone's mail settings (the MailHost's own are replaced by these).
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", port)
    api.portal.set_registry_record("plone.email_from_address", "portal@example.org")
    editor = add_member(site, "txmail-editor", group="editors")
    add_member(site, "txmail-reviewer", "section-reviewers", "reviewer@example.org")
    page = add_page(app, "待审核的页面")
    yield {
        "url": f"{site_url(acceptance)}/zh-cn/gaj/{page.getId()}",
        "editor": editor,
        "mailhost": mailhost,
        "port": port,
        "queue": tmp_path / "queue",
    }
    # The thread outlives the test's database: stop it.
    mailhost._stopQueueProcessorThread()


def _state(url):
    return rest("GET", f"{url}/@workflow", auth=ADMIN).json()["state"]["id"]


def test_submit_with_mail_server_down_succeeds_and_mail_is_sent_later(review):
    use_mail_queue(review["mailhost"], review["queue"])
    transaction.commit()
    response = rest(
        "POST",
        f"{review['url']}/@workflow/submit",
        json={"comment": "请审核"},
        auth=review["editor"],
    )
    assert response.status_code == 200, response.text
    assert _state(review["url"]) == "pending_section"
    assert len(queued(review["queue"])) == 1
    server = SmtpServer(review["port"])
    try:
        assert wait_for(lambda: server.messages)
        assert wait_for(lambda: not queued(review["queue"]))
    finally:
        server.stop()
    (mail,) = server.messages
    assert mail["to"] == ["<reviewer@example.org>"]
    assert "reviewer@example.org" in mail["data"].decode()


def test_rest_error_of_an_unreachable_mail_server_is_json_naming_it(review):
    # Without the queue, the mail is sent when the transaction commits.
    review["mailhost"].smtp_queue = False
    transaction.commit()
    response = rest(
        "POST",
        f"{review['url']}/@workflow/submit",
        json={"comment": "请审核"},
        auth=review["editor"],
    )
    assert response.status_code == 500
    assert response.headers["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["type"] == "ConnectionRefusedError"
    assert "Solr" not in response.text


def test_queue_processor_tries_a_failed_mail_again_soon(tmp_path):
    from zope.sendmail.delivery import QueuedMailDelivery

    port, queue = free_port(), tmp_path / "queue"
    QueuedMailDelivery(str(queue)).send(
        "a@example.org", ["b@example.org"], b"Subject: hi\n\nbody\n"
    )
    transaction.commit()
    processor = RetryingQueueProcessor()
    processor.setMailer(SmtpMailer(port))
    processor.setQueuePath(str(queue))
    processor.run(forever=False)  # the server is down: not sent, kept
    assert len(queued(queue)) == 1
    assert not list((queue / "new").glob(".sending-*"))
    server = SmtpServer(port)
    try:
        processor._failures = {}  # as if the pause had passed
        processor.run(forever=False)
    finally:
        server.stop()
    assert len(server.messages) == 1
    assert not queued(queue)


def test_setup_step_turns_the_queue_on_under_the_client_home(district, tmp_path):
    config = getConfiguration()
    saved_home, mailhost = config.clienthome, district.MailHost
    config.clienthome = str(tmp_path)
    try:
        MailQueueStep()(district, None)
        assert mailhost.smtp_queue is True
        directory = tmp_path / "mailqueue" / "nanshan"
        assert mailhost.smtp_queue_directory == str(directory)
        assert all((directory / sub).is_dir() for sub in ("cur", "new", "tmp"))
        mailhost.smtp_queue_directory = "/elsewhere"
        MailQueueStep()(district, None)  # an existing queue is kept
        assert mailhost.smtp_queue_directory == "/elsewhere"
    finally:
        config.clienthome = saved_home


def test_setup_step_without_client_home_leaves_mail_direct(district, tmp_path):
    config = getConfiguration()
    saved_home = config.clienthome
    config.clienthome = str(tmp_path / "missing")
    try:
        MailQueueStep()(district, None)
        assert district.MailHost.smtp_queue is False
    finally:
        config.clienthome = saved_home

"""When the inspection runs by itself, the bounded history, and the mail each
department gets (a mail server that fails never breaks the run)."""

import datetime

import pytest
from inspection_helpers import NOW
from inspection_helpers import create
from plone import api
from plone.app.textfield.value import RichTextValue
from Products.CMFPlone.tests.utils import MockMailHost
from Products.MailHost.interfaces import IMailHost
from qa_helpers import staff

from zhengwu.inspection import schedule
from zhengwu.inspection.history import runs_of
from zhengwu.inspection.run import run_inspection
from zhengwu.inspection.schedule import inspect_when_due
from zhengwu.inspection.schedule import inspection_due


def broken_page(site):
    create(
        site["zh-cn"]["gaj"],
        "Document",
        id="broken",
        title="坏链接页面",
        text=RichTextValue('<a href="gone">x</a>', "text/html", "text/x-html-safe"),
    )


@pytest.fixture
def mailhost(site):
    original = site.MailHost
    mock = MockMailHost("MailHost")
    site.MailHost = mock
    manager = site.getSiteManager()
    manager.unregisterUtility(provided=IMailHost)
    manager.registerUtility(mock, provided=IMailHost)
    api.portal.set_registry_record("plone.email_from_address", "portal@example.org")
    yield mock
    site.MailHost = original
    manager.unregisterUtility(provided=IMailHost)
    manager.registerUtility(original, provided=IMailHost)


def test_a_run_is_due_once_the_interval_has_passed_since_the_last(site):
    run_inspection(site, now=NOW, mail=False)
    assert not inspection_due(site, NOW + datetime.timedelta(hours=23))
    assert inspection_due(site, NOW + datetime.timedelta(hours=24))
    api.portal.set_registry_record("zhengwu.inspection.interval_hours", 0)
    assert not inspection_due(site, NOW + datetime.timedelta(days=30))


class OwnTransactions:
    """The schedule's own transactions, left to the test's (never committed)."""

    @staticmethod
    def begin():
        pass

    @staticmethod
    def commit():
        pass

    @staticmethod
    def abort():
        pass

    @staticmethod
    def get():
        return OwnTransactions

    @staticmethod
    def note(text):
        pass


def test_the_scheduled_run_after_a_request_adds_a_run(site, monkeypatch):
    monkeypatch.setattr(schedule, "transaction", OwnTransactions)
    run_inspection(site, now=NOW, mail=False)
    api.portal.set_registry_record("zhengwu.inspection.mail_departments", False)
    before = len(runs_of(site))
    inspect_when_due(site, site.REQUEST)  # NOW is long past: due
    runs = runs_of(site)
    assert len(runs) == before + 1
    assert runs[-1]["trigger"] == "schedule"


def test_the_history_keeps_its_size_and_the_latest_findings_only(site):
    api.portal.set_registry_record("zhengwu.inspection.history_size", 3)
    for hour in range(5):
        run_inspection(site, now=NOW + datetime.timedelta(hours=hour), mail=False)
    runs = runs_of(site)
    numbers = [run["number"] for run in runs]
    assert len(numbers) == 3
    assert numbers == list(range(numbers[0], numbers[0] + 3))
    assert [bool(run["findings"]) for run in runs[:-1]] == [False, False]


def test_each_department_is_mailed_its_findings(site, mailhost):
    broken_page(site)
    user = api.user.get(userid=staff("gaj", "editor"))
    user.setMemberProperties({"email": "gaj-editor@example.org"})
    run_inspection(site, now=NOW)
    messages = [m.decode("utf-8") for m in mailhost.messages]
    to_gaj = [m for m in messages if "gaj-editor@example.org" in m]
    assert len(to_gaj) == 1
    assert "zh-cn/gaj/broken" in to_gaj[0]


class RefusingMailHost(MockMailHost):
    def send(self, *args, **kwargs):
        raise ConnectionRefusedError("no mail server")


def test_a_mail_that_cannot_be_sent_never_breaks_the_run(site, mailhost):
    broken_page(site)
    staff("gaj", "editor")
    api.user.get(userid="editor-of-gaj").setMemberProperties(
        {"email": "gaj-editor@example.org"}
    )
    refusing = RefusingMailHost("MailHost")
    site.MailHost = refusing
    manager = site.getSiteManager()
    manager.unregisterUtility(provided=IMailHost)
    manager.registerUtility(refusing, provided=IMailHost)
    run = run_inspection(site, now=NOW)
    assert any(f["path"] == "zh-cn/gaj/broken" for f in run["findings"])
    assert runs_of(site)[-1]["number"] == run["number"]

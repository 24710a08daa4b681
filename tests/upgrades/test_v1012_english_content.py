"""Upgrade 1012: a demo site made before 1012 gets the English demo content."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from zope.annotation.interfaces import IAnnotations

from zhengwu.importers.demo_dates import SHIFT_KEY
from zhengwu.upgrades.v1012_english_content import upgrade


def test_a_site_without_the_demo_corpus_gets_no_english_demo_content(district, caplog):
    caplog.set_level("INFO", logger="zhengwu.upgrades.v1012_english_content")
    upgrade(district.portal_setup)
    assert "no demo corpus" in caplog.text
    assert district["en"]["interaction"]["contact"].objectIds() == []


def test_a_demo_site_gets_its_english_pages_once_keeping_an_editors_page(district):
    IAnnotations(district)[SHIFT_KEY] = 14  # loaded two weeks after as_of
    contact = district["en"]["interaction"]["contact"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        api.content.create(
            container=contact, type="Document", id="contact-us", title="Edited"
        )
        upgrade(district.portal_setup)
        upgrade(district.portal_setup)
    assert contact["contact-us"].title == "Edited"
    latest = district["en"]["news"]["latest"]
    assert len(latest.objectIds()) >= 4
    news = latest[latest.objectIds()[0]]
    assert api.content.get_state(news) == "published"
    assert district["en"]["kjj"]["innovation-funding-explained"].Language() == "en"

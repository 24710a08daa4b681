"""One language per page in the real Chromium, on a phone and a desktop: the Chinese
login page and an editor's workflow menu speak Chinese, an English section has
English pages."""

from pathlib import Path

import pytest
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from zope.component.hooks import setSite

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
WIDTHS = (375, 1280)
REVIEWER = "gaj-section-reviewer"
PASSWORD = "secret-Reviewer-1"  # noqa: S105 - test user only


@pytest.fixture
def content(acceptance):
    """A disclosure record waiting for section review, and an English page in
    Contact Us; committed."""
    site = acceptance["app"]["nanshan"]
    setSite(site)
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        record = api.content.create(
            container=site["zh-cn"]["gaj"],
            type="DisclosureRecord",
            id="budget",
            title="2026年部门预算",
            topic_category="budget",
            genre="report",
        )
        api.content.transition(record, transition="submit")
        # After the submission: its notice would be mailed to the reviewer.
        if api.user.get(username=REVIEWER) is None:
            api.user.create(
                email="reviewer@example.org", username=REVIEWER, password=PASSWORD
            )
            api.group.add_user(groupname="gaj-section-reviewers", username=REVIEWER)
        contact = api.content.create(
            container=site["en"]["interaction"]["contact"],
            type="Document",
            id="contact-us",
            title="Contact Us",
            description="Addresses, telephone numbers and opening hours.",
            language="en",
        )
        api.content.transition(contact, to_state="published")
    transaction.commit()
    return site


def _context(chromium, width, **options):
    return chromium.new_context(
        locale="zh-CN", viewport={"width": width, "height": 900}, **options
    )


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_the_chinese_login_page_speaks_chinese(acceptance, chromium, width):
    base = f"http://{acceptance['host']}:{acceptance['port']}"
    context = _context(chromium, width)
    page = context.new_page()
    page.goto(f"{base}/nanshan/zh-cn/login")
    body = page.locator("body").inner_text()
    assert "登录遇到问题" in body
    assert "登陆问题" not in body and "Get help" not in body
    assert page.locator(".zw-nav-toggle").get_attribute("aria-label") == "菜单"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"language-login-zh-{width}.png"))
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_the_workflow_menu_and_state_are_chinese(acceptance, chromium, content, width):
    base = f"http://{acceptance['host']}:{acceptance['port']}"
    context = _context(chromium, width)
    page = context.new_page()
    page.goto(f"{base}/nanshan/login")
    page.locator("input[name='__ac_name']").fill(REVIEWER)
    page.locator("input[name='__ac_password']").fill(PASSWORD)
    page.locator("#content form [name='buttons.login']").click()
    page.wait_for_load_state()
    page.goto(f"{base}/nanshan/zh-cn/gaj/budget")
    menu = page.locator("#plone-contentmenu-workflow")
    if width > 767:  # on a phone the toolbar starts folded away
        menu.locator("> a").click()
        page.locator("#workflow-transition-approve_section").wait_for()
    text = menu.text_content()
    assert "科室审核" in text
    assert "审核通过" in text and "退回" in text
    for english in ("Section review", "Approve", "Send back", "Submit for review"):
        assert english not in text
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"language-workflow-menu-zh-{width}.png"))
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_an_english_section_lists_its_english_pages(
    acceptance, chromium, content, width
):
    base = f"http://{acceptance['host']}:{acceptance['port']}"
    context = _context(chromium, width)
    page = context.new_page()
    page.goto(f"{base}/nanshan/en/interaction/contact")
    body = page.locator("body").inner_text()
    assert "Addresses, telephone numbers and opening hours." in body
    assert "being prepared" not in body
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"language-en-contact-{width}.png"))
    context.close()

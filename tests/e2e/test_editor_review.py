"""A department editor logs in through the themed login form, edits a draft guide
and submits it for review with the toolbar's state menu."""

from pathlib import Path

import pytest
import transaction
from playwright.sync_api import expect
from plone import api
from publishing import draft_in_department
from zope.component.hooks import setSite

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
EDITOR = "theme-editor"
PASSWORD = "Zhengwu-editor-2026!"


@pytest.fixture
def draft(acceptance):
    app = acceptance["app"]
    site = app["nanshan"]
    setSite(site)
    if api.user.get(username=EDITOR) is None:
        api.user.create(email="editor@example.org", username=EDITOR, password=PASSWORD)
        api.group.add_user(groupname="gaj-editors", username=EDITOR)
        transaction.commit()
    guide = draft_in_department(
        app,
        "gaj",
        type_="Guide",
        id="review-me",
        title="出入境证件办理",
        service_code="REVIEW-0001",
    )
    return guide


def state_of(app, path):
    app._p_jar.sync()
    setSite(app["nanshan"])
    return api.content.get_state(app.unrestrictedTraverse(path))


@pytest.mark.browser
def test_an_editor_edits_a_guide_and_submits_it_for_review(acceptance, draft, page):
    base = f"http://{acceptance['host']}:{acceptance['port']}"
    guide_url = f"{base}/nanshan/zh-cn/gaj/review-me"

    # Log in through the themed login form.
    page.goto(f"{base}/nanshan/login")
    expect(page.locator("header#zw-header")).to_be_visible()
    page.locator("input[name='__ac_name']").fill(EDITOR)
    page.locator("input[name='__ac_password']").fill(PASSWORD)
    page.locator("#content form [name='buttons.login']").click()
    page.wait_for_load_state()
    expect(page.locator("#edit-zone")).to_be_attached()

    # The edit form, in the theme, with the toolbar.
    page.goto(f"{guide_url}/edit")
    expect(page.locator("header#zw-header")).to_be_visible()
    expect(page.locator("#edit-zone")).to_be_visible()
    title = page.locator("#content form input[name$='.title']").first
    expect(title).to_have_value("出入境证件办理")
    title.fill("出入境证件办理（修订）")
    page.screenshot(path=str(ARTIFACTS / "editor-edit-form.png"), full_page=True)
    page.locator("#content form [name='form.buttons.save']").click()
    page.wait_for_url(guide_url)
    expect(page.locator("#content h1")).to_have_text("出入境证件办理（修订）")
    expect(page.locator("#global_statusmessage .alert")).to_be_visible()

    # The state menu of the toolbar: submit for review.
    page.locator("#plone-contentmenu-workflow > a").click()
    submit = page.locator("#workflow-transition-submit")
    expect(submit).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "editor-state-menu.png"))
    submit.click()
    page.wait_for_load_state()
    expect(page.locator("#global_statusmessage .alert")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "editor-submitted.png"), full_page=True)

    app = acceptance["app"]
    assert state_of(app, "/nanshan/zh-cn/gaj/review-me") == "pending_section"
    assert (
        app.unrestrictedTraverse("/nanshan/zh-cn/gaj/review-me").Title()
        == "出入境证件办理（修订）"
    )


@pytest.mark.browser
def test_a_wrong_password_keeps_the_visitor_out(acceptance, draft, page):
    base = f"http://{acceptance['host']}:{acceptance['port']}"
    page.goto(f"{base}/nanshan/login")
    page.locator("input[name='__ac_name']").fill(EDITOR)
    page.locator("input[name='__ac_password']").fill("wrong")
    page.locator("#content form [name='buttons.login']").click()
    page.wait_for_load_state()
    expect(page.locator("#edit-zone")).to_have_count(0)
    expect(page.locator("header#zw-header")).to_be_visible()
    response = page.goto(f"{base}/nanshan/zh-cn/gaj/review-me/edit")
    # Anonymous: sent to the login form, never to the edit form.
    assert "login" in page.url or response.status in (401, 403)
    expect(page.locator("#content form input[name$='.title']")).to_have_count(0)


@pytest.mark.browser
@pytest.mark.parametrize("width", [375, 1280])
def test_an_editor_finds_their_submissions_in_the_personal_menu(
    acceptance, draft, chromium, width
):
    draft.setCreators([EDITOR])  # the editor wrote it
    draft.reindexObject()
    transaction.commit()
    base = f"http://{acceptance['host']}:{acceptance['port']}"
    context = chromium.new_context(
        locale="zh-CN", viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    try:
        page.goto(f"{base}/nanshan/login")
        page.locator("input[name='__ac_name']").fill(EDITOR)
        page.locator("input[name='__ac_password']").fill(PASSWORD)
        page.locator("#content form [name='buttons.login']").click()
        page.wait_for_load_state()
        page.goto(f"{base}/nanshan/zh-cn/gaj")
        menu = page.locator("#edit-zone a", has_text="我的提交")
        expect(menu).to_have_count(1)
        expect(page.locator("#edit-zone a", has_text="我的待办")).to_have_count(1)
        page.goto(menu.get_attribute("href"))
        expect(page.locator("#content h1")).to_have_text("我的提交")
        row = page.locator("table.zhengwu-submissions tr", has_text="出入境证件办理")
        expect(row).to_have_count(1)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.screenshot(
            path=str(ARTIFACTS / f"editor-submissions-{width}.png"), full_page=True
        )
    finally:
        context.close()

"""Lean pages in the real Chromium at 375 px: an anonymous visitor loads none of
Plone's editing bundles, and what runs on JavaScript still works (search
suggestions, role switcher, accessibility modes, the phone menu)."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from publishing import publish_in_department

from zhengwu.search.solr import outage

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
GUIDE = "/nanshan/zh-cn/gaj/lean-passport"
EDITING = ("bundle-plone", "plone-fullscreen", "tinymce", "zhengwu-full.css")


@pytest.fixture
def base(acceptance, solr_server):
    outage.forget()
    solr_server.delete("nanshan", 'Title:"出入境证件办理"')
    publish_in_department(
        acceptance["app"],
        "gaj",
        type_="Guide",
        id="lean-passport",
        title="出入境证件办理",
        service_code="QR-0104",
    )
    yield f"http://{acceptance['host']}:{acceptance['port']}"
    solr_server.delete("nanshan", f'path_string:"{GUIDE}"')


@pytest.fixture
def phone(chromium):
    context = chromium.new_context(
        locale="zh-CN", viewport={"width": 375, "height": 812}, is_mobile=True
    )
    page = context.new_page()
    yield page
    context.close()


def watch(page):
    """The URLs the page requests and the JavaScript errors it raises."""
    seen = {"requests": [], "errors": []}
    page.on("request", lambda request: seen["requests"].append(request.url))
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))
    return seen


@pytest.mark.browser
def test_phone_visitor_gets_suggestions_without_plone_bundles(base, phone):
    seen = watch(phone)
    phone.goto(f"{base}/nanshan/zh-cn")
    box = phone.locator("#zw-hero-search-text")  # a homepage's one search box
    expect(box).to_have_attribute("role", "combobox")
    box.click()
    box.press_sequentially("crj", delay=60)
    listbox = phone.locator(f"#{box.get_attribute('aria-controls')}")
    option = listbox.get_by_role("option", name=re.compile("出入境证件办理"))
    expect(option).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    phone.screenshot(path=str(ARTIFACTS / "lean-suggest-375.png"))
    option.click()
    phone.wait_for_url(f"{base}{GUIDE}")
    assert not [u for u in seen["requests"] if any(e in u for e in EDITING)]
    assert all(u.startswith(base) for u in seen["requests"])
    assert seen["errors"] == []


@pytest.mark.browser
def test_phone_visitor_switches_role_and_modes_without_plone_bundles(base, phone):
    seen = watch(phone)
    phone.goto(f"{base}{GUIDE}")
    # The phone menu opens (theme/js/nav.js).
    toggle = phone.locator(".zw-nav-toggle")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(phone.locator("#portal-globalnav")).to_be_visible()
    toggle.click()
    # Large text (theme/js/a11y.js), remembered in localStorage.
    phone.locator("[data-a11y='large-text']").click()
    expect(phone.locator("html")).to_have_class(re.compile(r"\bzw-large-text\b"))
    phone.screenshot(path=str(ARTIFACTS / "lean-guide-large-text-375.png"))
    phone.locator("[data-a11y='large-text']").click()
    expect(phone.locator("html")).not_to_have_class(re.compile(r"\bzw-large-text\b"))
    # The role switcher (theme/js/role.js) sets its cookie and opens the homepage.
    phone.locator("#zw-role-switcher a[data-role='enterprise']").click()
    phone.wait_for_load_state()
    cookies = {c["name"]: c["value"] for c in phone.context.cookies()}
    assert cookies["zhengwu_role"] == "enterprise"
    assert "/enterprise" in phone.url
    assert not [u for u in seen["requests"] if any(e in u for e in EDITING)]
    assert seen["errors"] == []

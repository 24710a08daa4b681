"""A visitor opens a district site in the real Chromium, from a live WSGI server."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.mark.browser
def test_visitor_lands_on_the_themed_chinese_homepage(acceptance, page):
    base = f"http://{acceptance['host']}:{acceptance['port']}"
    requests_outside = []
    page.on(
        "request",
        lambda request: (
            request.url.startswith(base) or requests_outside.append(request.url)
        ),
    )
    response = page.goto(f"{base}/nanshan")
    assert response.ok
    # The site root sends the visitor to the Simplified Chinese root.
    assert page.url.startswith(f"{base}/nanshan/zh-cn")
    assert page.locator("html").get_attribute("lang") == "zh-cn"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "front-page-nanshan.png"), full_page=True)
    assert "深圳市南山区人民政府" in page.title()
    # The Zhengwu theme: the site's name in the header over the district scene,
    # the homepage laid out over the full width.
    expect(page.locator("#zw-header #portal-logo")).to_have_text("深圳市南山区人民政府")
    expect(page.locator("#zw-header #zw-scene")).to_be_attached()
    assert "template-homepage-view" in page.locator("body").get_attribute("class")
    # One search box: the hero's (the header's is left out on a homepage).
    expect(page.locator("#zw-hero input[name=SearchableText]")).to_be_visible()
    expect(page.locator("#portal-searchbox")).to_have_count(0)
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Times" not in font
    # Anonymous visitors get no editing toolbar, and the footer carries the site's
    # identity.
    assert page.locator("#edit-zone").count() == 0
    expect(page.locator("footer #zw-site-identity")).to_be_visible()
    # A department page in the same frame.
    page.goto(f"{base}/nanshan/zh-cn/jyj")
    expect(page.locator("#content h1")).to_have_text("南山区教育局")
    expect(page.locator("#portal-breadcrumbs")).to_contain_text("南山区教育局")
    page.screenshot(path=str(ARTIFACTS / "department-page.png"), full_page=True)
    assert requests_outside == [], "the page loaded something from outside the site"

"""A visitor opens a district site in the real Chromium, from a live WSGI server."""

from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.mark.browser
def test_visitor_lands_on_the_chinese_site_and_sees_the_departments(acceptance, page):
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
    body = page.locator("body")
    assert body.get_by_text("南山区卫生健康局").first.is_visible()
    assert body.get_by_text("深圳市公安局南山分局").first.is_visible()
    # Plone Classic UI styles (barceloneta) are served by the site itself.
    assert page.locator("#portal-logo").is_visible()
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Times" not in font
    # Anonymous visitors get no editing toolbar and can follow a department link.
    assert page.locator("#edit-zone").count() == 0
    page.get_by_role("link", name="南山区教育局").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/nanshan/zh-cn/jyj")
    page.screenshot(path=str(ARTIFACTS / "department-page.png"), full_page=True)
    assert requests_outside == [], "the page loaded something from outside the site"

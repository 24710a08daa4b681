"""A visitor types pinyin initials in the header search box and picks a suggestion
with the keyboard, in the real Chromium against a live WSGI server."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from publishing import publish_in_department

from zhengwu.search.solr import outage

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
GUIDE = "/nanshan/zh-cn/gaj/autocomplete-id-card"


@pytest.fixture
def id_card_guide(acceptance, solr_server):
    outage.forget()
    # Other tests' guides of this title stay in Solr after their ZODB is rolled
    # back: this test wants exactly one.
    solr_server.delete("nanshan", 'Title:"居民身份证申领"')
    publish_in_department(
        acceptance["app"],
        "gaj",
        type_="Guide",
        id="autocomplete-id-card",
        title="居民身份证申领",
        service_code="QR-0101",
    )
    yield f"http://{acceptance['host']}:{acceptance['port']}"
    solr_server.delete("nanshan", f'path_string:"{GUIDE}"')


@pytest.mark.browser
def test_visitor_types_sfz_and_opens_the_id_card_guide_with_the_keyboard(
    id_card_guide, page
):
    base = id_card_guide
    outside = []
    page.on(
        "request",
        lambda request: request.url.startswith(base) or outside.append(request.url),
    )
    page.goto(f"{base}/nanshan/zh-cn/gaj")
    box = page.locator("#searchGadget")
    expect(box).to_have_attribute("role", "combobox")
    box.click()
    box.press_sequentially("sfz", delay=60)

    listbox = page.locator(f"#{box.get_attribute('aria-controls')}")
    option = listbox.get_by_role("option", name=re.compile("居民身份证申领"))
    expect(option).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "search-autocomplete-sfz.png"))

    # Arrow down until the guide is the active option, then Enter.
    options = listbox.get_by_role("option")
    target = option.get_attribute("id")
    for _ in range(options.count()):
        box.press("ArrowDown")
        if box.get_attribute("aria-activedescendant") == target:
            break
    expect(option).to_have_attribute("aria-selected", "true")
    box.press("Enter")
    page.wait_for_url(f"{base}{GUIDE}")
    expect(page.locator("h1").first).to_contain_text("居民身份证申领")
    page.screenshot(path=str(ARTIFACTS / "search-autocomplete-guide.png"))
    assert outside == [], "the page loaded something from outside the site"


@pytest.mark.browser
def test_escape_closes_the_suggestions(id_card_guide, page):
    page.goto(f"{id_card_guide}/nanshan/zh-cn")
    box = page.locator("#zw-hero-search-text")  # a homepage's one search box
    box.click()
    box.press_sequentially("身份", delay=60)
    expect(box).to_have_attribute("aria-expanded", "true")
    box.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(page.locator(f"#{box.get_attribute('aria-controls')}")).to_be_hidden()


VIEWPORTS = {"phone": (375, 812), "desktop": (1280, 900)}
# Every option of the list must be the topmost element at its centre: nothing
# clips it (the header band) or covers it (the navigation, the page).
OPTIONS_ON_TOP = """list => [...list.querySelectorAll("[role=option]")].every(
  option => {
    const box = option.getBoundingClientRect();
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    const hit = document.elementFromPoint(x, y);
    return hit !== null && option.contains(hit);
  })"""


@pytest.mark.browser
@pytest.mark.parametrize("size", sorted(VIEWPORTS))
@pytest.mark.parametrize(
    ("path", "box_id"),
    [("/nanshan/zh-cn/gaj", "searchGadget"), ("/nanshan/zh-cn", "zw-hero-search-text")],
)
def test_the_suggestions_are_fully_visible(id_card_guide, chromium, size, path, box_id):
    width, height = VIEWPORTS[size]
    context = chromium.new_context(
        locale="zh-CN", viewport={"width": width, "height": height}
    )
    try:
        page = context.new_page()
        page.goto(f"{id_card_guide}{path}")
        box = page.locator(f"#{box_id}")
        box.click()
        box.press_sequentially("sfz", delay=60)
        listbox = page.locator(f"#{box.get_attribute('aria-controls')}")
        expect(listbox.get_by_role("option").first).to_be_visible()
        field = box.bounding_box()
        shown = listbox.bounding_box()
        assert shown["y"] >= field["y"] + field["height"] - 1, "the list covers its box"
        assert shown["x"] >= 0
        assert shown["x"] + shown["width"] <= width
        assert shown["y"] + shown["height"] <= height, "the list leaves the screen"
        assert listbox.evaluate(OPTIONS_ON_TOP), "an option is clipped or covered"
        ARTIFACTS.mkdir(exist_ok=True)
        name = "header" if box_id == "searchGadget" else "hero"
        page.screenshot(path=str(ARTIFACTS / f"suggestions-{name}-{size}.png"))
    finally:
        context.close()

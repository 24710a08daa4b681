"""The chrome on live pages: scene, toolbar, role switcher, identity block, share."""

import io
import re

import pytest
import segno

from zhengwu.browser.chrome.period import current_period
from zhengwu.qr import qr_svg

DEPARTMENT = "/nanshan/zh-cn/gaj"


def _max_age(response):
    """Seconds a shared cache may keep the response (the caching rules may lower
    the view's own year to a day, but never to nothing)."""
    found = re.search(r"max-age=(\d+)", response.headers.get("Cache-Control", ""))
    return int(found.group(1)) if found else 0


def test_department_page_shows_the_scene_of_the_current_period(base, fetch):
    response, page = fetch(base + DEPARTMENT)
    assert response.status_code == 200
    (scene,) = page.xpath('//*[@id="zw-scene"]')
    assert scene.get("data-period") == current_period()
    for period in ("morning", "noon", "evening"):
        url = scene.get(f"data-scene-{period}")
        assert url.startswith(f"{base}/nanshan/@@district-scene/{period}?v=")
    current = scene.get(f"data-scene-{current_period()}")
    assert scene.get("style") == f"background-image:url('{current}')"


@pytest.mark.parametrize("period", ["morning", "noon", "evening"])
def test_scene_view_serves_each_svg_with_long_caching(base, fetch, period):
    response, _ = fetch(f"{base}/nanshan/@@district-scene/{period}")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("image/svg+xml")
    assert _max_age(response) >= 86400
    assert response.content.startswith(b"<svg")
    assert len(response.content) < 20_000


@pytest.mark.parametrize(
    "path",
    [
        "/nanshan/@@district-scene/midnight",
        "/nanshan/@@district-scene",
        "/plone/@@district-scene/noon",
    ],
    ids=["unknown period", "no period", "site without profile"],
)
def test_scene_view_answers_404_for_what_does_not_exist(base, path):
    import requests

    assert requests.get(base + path, timeout=30).status_code == 404


def test_toolbar_has_three_labelled_mode_buttons_and_the_statement(base, fetch):
    _, page = fetch(base + DEPARTMENT)
    (toolbar,) = page.xpath('//*[@id="zw-a11y-toolbar"]')
    assert toolbar.get("role") == "group" and toolbar.get("aria-label")
    buttons = toolbar.xpath(".//button")
    assert [b.get("data-a11y") for b in buttons] == [
        "large-text",
        "high-contrast",
        "reading-guide",
    ]
    assert all(b.get("aria-pressed") == "false" and b.text_content() for b in buttons)
    (link,) = toolbar.xpath(".//a")
    assert link.get("href") == f"{base}/nanshan/zh-cn/accessibility"


def test_statement_page_is_public(base, fetch):
    response, page = fetch(f"{base}/nanshan/en/accessibility")
    assert response.status_code == 200
    assert page.xpath("//h1")[0].text_content().strip() == "Accessibility statement"


def test_identity_block_shows_the_filing_numbers_and_links(base, fetch):
    _, page = fetch(base + DEPARTMENT)
    (block,) = page.xpath('//*[@id="zw-site-identity"]')
    text = block.text_content()
    for value in ("4403050001", "粤ICP备05035211号", "粤公网安备 44030502000001号"):
        assert value in text
    assert "深圳市南山区人民政府办公室" in text
    (icp,) = block.xpath('.//dd[@class="zw-icp"]/a')
    assert icp.get("href") == "https://beian.miit.gov.cn/"
    (report,) = block.xpath('.//a[@class="zw-report-error"]')
    assert report.get("href").startswith(f"{base}/nanshan/zh-cn/@@report-error?url=")
    assert block.xpath('.//a[@class="zw-accessibility-link"]')
    (contact,) = block.xpath('.//a[@class="zw-contact"]')
    assert contact.get("href") == "mailto:office@nanshan.example.gov.cn"


def test_english_site_shows_english_labels_and_values(base, fetch):
    _, page = fetch(f"{base}/nanshan/en")
    (block,) = page.xpath('//*[@id="zw-site-identity"]')
    labels = [dt.text_content().strip() for dt in block.xpath(".//dt")]
    assert "Sponsor" in labels and "Site identity code" in labels
    assert "General Office of the Nanshan District" in block.text_content()
    (link,) = block.xpath('.//a[@class="zw-accessibility-link"]')
    assert link.get("href") == f"{base}/nanshan/en/accessibility"


def test_role_switcher_mirrors_the_role_homepages_of_the_root(acceptance, base, fetch):
    from zhengwu.homepages.api import role_homepages

    homepages = role_homepages(acceptance["app"]["nanshan"]["zh-cn"])
    assert [role for role, *_ in homepages] == [
        "classic",
        "resident",
        "enterprise",
        "tourist",
    ]
    _, page = fetch(base + DEPARTMENT, cookies={"zhengwu_role": "tourist"})
    (switcher,) = page.xpath('//*[@id="zw-role-switcher"]')
    assert switcher.tag == "nav" and switcher.get("aria-label")
    links = switcher.xpath(".//a")
    assert [a.get("data-role") for a in links] == [role for role, *_ in homepages]
    # Other pages are cached for everyone: no link marked, whatever the cookie says.
    assert switcher.xpath(".//a[@aria-current]") == []
    _, page = fetch(f"{base}/nanshan/zh-cn/enterprise")
    current = page.xpath('//*[@id="zw-role-switcher"]//a[@aria-current="page"]')
    assert [a.get("data-role") for a in current] == ["enterprise"]


def test_stock_site_renders_without_district_parts(base, fetch):
    response, page = fetch(f"{base}/plone")
    assert response.status_code == 200
    assert page.xpath('//*[@id="zw-scene"]') == []
    assert page.xpath('//*[@id="zw-site-identity"]') == []
    assert page.xpath('//*[@id="zw-role-switcher"]') == []
    assert page.xpath('//*[@id="zw-a11y-toolbar"]//button')
    assert page.xpath('//*[@id="zw-share"]//img')


def test_share_block_points_at_the_qr_code_of_the_page(base, fetch):
    _, page = fetch(base + DEPARTMENT)
    (image,) = page.xpath('//*[@id="zw-share"]//img')
    assert image.get("src") == f"{base}{DEPARTMENT}/@@qrcode.svg"
    assert image.get("alt")


def test_qr_code_encodes_the_page_url_and_nothing_else(base, fetch):
    url = base + DEPARTMENT
    response, _ = fetch(f"{url}/@@qrcode.svg")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("image/svg+xml")
    assert "max-age" in response.headers["Cache-Control"]
    # segno's own drawing of exactly this URL, made here independently.
    expected = io.BytesIO()
    segno.make(url, error="m", micro=False).save(
        expected, kind="svg", scale=4, border=2, light="#fff", omitsize=True
    )
    assert response.content == expected.getvalue()
    other, _ = fetch(f"{url}/@@qrcode.svg", params={"url": "https://evil.example/"})
    assert other.content == response.content
    assert qr_svg("https://evil.example/") != response.content


def test_open_graph_tags_appear_once_with_absolute_urls(base, fetch):
    response, page = fetch(base + DEPARTMENT)
    names = ("og:title", "og:description", "og:url", "og:type", "og:site_name")
    names += ("og:image", "og:locale")
    for name in names:
        tags = page.xpath(f'//head/meta[@property="{name}"]')
        assert len(tags) == 1, name

    def content(name):
        return page.xpath(f'//head/meta[@property="{name}"]')[0].get("content")

    assert content("og:url") == base + DEPARTMENT
    assert content("og:image").startswith(f"{base}/nanshan/@@og-image.png")
    assert content("og:locale") == "zh_CN"
    assert content("og:site_name") == "深圳市南山区人民政府"
    assert len(page.xpath('//meta[@itemprop="name"]')) == 1
    assert len(page.xpath('//meta[@itemprop="image"]')) == 1
    image, _ = fetch(content("og:image"))
    assert image.headers["Content-Type"] == "image/png"
    assert image.content.startswith(b"\x89PNG")
    assert _max_age(image) >= 86400

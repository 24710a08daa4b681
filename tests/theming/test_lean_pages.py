"""Lean pages: anonymous visitors get the theme's purged stylesheet and scripts,
not Plone's editing bundles; logged-in staff keep them all (lean_pages.xml)."""

from urllib.parse import urljoin

import pytest
from lxml import html
from publishing import publish_in_department

EDITING_BUNDLES = {"plone", "plone-fullscreen", "datagridfield-bundle", "zhengwu-full"}
HOMEPAGE = "http://nohost/nanshan/zh-cn"
GUIDE = "http://nohost/nanshan/zh-cn/gaj/lean-id-card"
# The anonymous homepage's own scripts and styles (uncompressed): the purged
# theme stylesheet is about 100 KB, Plone's JavaScript bundle alone was 600 KB.
ASSETS_BOUND = 160_000


@pytest.fixture
def guide(functional):
    publish_in_department(
        functional["app"],
        "gaj",
        type_="Guide",
        id="lean-id-card",
        title="居民身份证申领",
        service_code="QR-0102",
    )
    return GUIDE


def head_of(browser, url):
    browser.open(url)
    return html.fromstring(browser.contents.encode("utf-8")).find("head")


def bundles_of(head):
    return {el.get("data-bundle") for el in head.cssselect("[data-bundle]")}


def assets_of(head):
    """The URLs of the page's stylesheets and scripts."""
    links = head.cssselect("link[rel=stylesheet]")
    return [el.get("href") for el in links] + [
        el.get("src") for el in head.cssselect("script[src]")
    ]


def test_anonymous_homepage_and_guide_load_none_of_the_editing_bundles(
    anonymous, guide
):
    for url in (HOMEPAGE, guide):
        head = head_of(anonymous, url)
        bundles = bundles_of(head)
        assert {"zhengwu-search", "diazo"} <= bundles, url
        assert not bundles & EDITING_BUNDLES, (url, bundles)
        assets = " ".join(assets_of(head))
        for stock in ("bundle-plone", "plone-fullscreen", "tinymce", "zhengwu-full"):
            assert stock not in assets, (url, stock)
        assert "++theme++zhengwu/build/zhengwu.css" in assets
        # Our scripts are there: no bundle left depending on a missing one.
        scripts = [el.get("src") for el in head.cssselect("script[src]")]
        assert any(s.endswith("suggest.js") for s in scripts), scripts
        assert any(s.endswith("build/zhengwu.js") for s in scripts), scripts
        assert "Error rendering" not in anonymous.contents


def test_an_editor_gets_plone_bundles_and_the_whole_stylesheet(owner, guide):
    for url in (HOMEPAGE, guide):
        head = head_of(owner, url)
        assert bundles_of(head) >= EDITING_BUNDLES, url
        assets = assets_of(head)
        full = next(a for a in assets if a.endswith("build/zhengwu-full.css"))
        lean = next(a for a in assets if a.endswith("build/zhengwu.css"))
        # The whole stylesheet comes last, so its order decides the cascade.
        assert assets.index(lean) < assets.index(full)
        assert any("bundle-plone/bundle.min.js" in a for a in assets)


def test_an_editor_keeps_the_toolbar_on_the_guide(owner, guide):
    owner.open(guide)
    page = html.fromstring(owner.contents.encode("utf-8"))
    assert page.cssselect("#edit-bar #edit-zone")


def test_the_anonymous_homepage_scripts_and_styles_stay_under_the_bound(anonymous):
    head = head_of(anonymous, HOMEPAGE)
    total = 0
    for asset in assets_of(head):
        anonymous.open(urljoin(HOMEPAGE + "/", asset))
        assert anonymous.headers["status"].startswith("200"), asset
        body = anonymous.contents
        total += len(body if isinstance(body, bytes) else body.encode("utf-8"))
    assert 0 < total <= ASSETS_BOUND, total


def test_the_purged_stylesheet_keeps_what_citizens_pages_use():
    from pathlib import Path

    build = Path(__file__).resolve().parents[2] / "theme" / "build"
    lean = (build / "zhengwu.css").read_text()
    full = (build / "zhengwu-full.css").read_text()
    assert len(lean) < len(full) / 2
    for selector in (
        ".zw-high-contrast",
        ".zw-large-text",
        ".zw-reading-guide",
        ".breadcrumb",
        ".btn-primary",
        ".visually-hidden",
        "--zw-primary:",
        ".opener",  # the global navigation's drop-down check boxes, hidden
    ):
        assert selector in lean, selector
    # Plone's editing UI stays in the whole stylesheet only.
    assert "#edit-zone" in full
    assert "#edit-zone" not in lean

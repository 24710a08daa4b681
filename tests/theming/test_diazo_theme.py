"""The Zhengwu Diazo theme: registered from theme/, active on the sites, its rules
compile, and Plone's pages come out in its frame with Plone's own parts kept."""

from pathlib import Path

import pytest
import transaction
from diazo.compiler import compile_theme
from lxml import etree
from lxml import html
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.theming.utils import getAvailableThemes
from plone.app.theming.utils import getCurrentTheme
from plone.app.theming.utils import getTheme
from plone.testing.zope import Browser

THEME = Path(__file__).resolve().parents[2] / "theme"


def test_theme_is_registered_from_the_top_level_theme_folder(integration):
    names = [theme.__name__ for theme in getAvailableThemes()]
    assert "zhengwu" in names
    theme = getTheme("zhengwu")
    assert theme.rules == "/++theme++zhengwu/rules.xml"
    assert theme.absolutePrefix == "/++theme++zhengwu"
    assert theme.production_css == "++theme++zhengwu/build/zhengwu.css"
    assert theme.production_js == "++theme++zhengwu/build/zhengwu.js"


def test_the_theme_is_active_on_the_district_and_the_stock_site(district, integration):
    assert getCurrentTheme() == "zhengwu"
    from zope.component.hooks import setSite

    setSite(integration["portal"])
    assert getCurrentTheme() == "zhengwu"


def test_the_rules_compile():
    """Diazo compiles them into XSLT without reaching the network."""
    compiled = compile_theme(
        str(THEME / "rules.xml"),
        theme=str(THEME / "index.html"),
        absolute_prefix="/++theme++zhengwu",
        read_network=False,
        xsl_params={"ajax_load": ""},
    )
    assert isinstance(etree.XSLT(compiled), etree.XSLT)


def test_the_built_stylesheet_is_there():
    """`make theme` builds it; the tests need the theme as visitors get it."""
    css = (THEME / "build" / "zhengwu.css").read_text()
    assert "--zw-primary:" in css
    assert ".zw-high-contrast" in css
    assert "http://" not in css.replace("http://www.w3.org/2000/svg", "")


@pytest.fixture
def visitor(functional):
    return Browser(functional["app"])


def parse(browser):
    return html.fromstring(browser.contents.encode("utf-8"))


def test_an_anonymous_page_is_themed_and_keeps_plone_parts(visitor):
    visitor.open("http://nohost/nanshan/zh-cn/gaj")
    page = parse(visitor)
    assert page.get("lang") == "zh-cn"
    # Our frame ...
    assert page.cssselect("header#zw-header .zw-header-band")
    assert page.cssselect("nav#zw-nav #portal-globalnav li")
    assert page.cssselect("main#main-container #portal-column-content #content h1")
    assert page.cssselect("footer#portal-footer-wrapper")
    # ... with Plone's head (bundles, our CSS and JS through the diazo bundle).
    head = page.find("head")
    bundles = {el.get("data-bundle") for el in head.cssselect("[data-bundle]")}
    assert {"zhengwu-search", "diazo"} <= bundles
    diazo = head.cssselect("link[data-bundle='diazo']")[0].get("href")
    assert diazo.endswith("/++theme++zhengwu/build/zhengwu.css")
    assert "barceloneta" not in diazo
    # The restore script comes before every stylesheet and script.
    restore = head.get_element_by_id("zw-a11y-restore")
    assert "zhengwu-a11y" in restore.text
    assert head.index(restore) < min(
        head.index(el) for el in head.cssselect("link[rel=stylesheet], script[src]")
    )
    # Body classes of Plone for per-section styling.
    assert "portaltype-department" in page.find("body").get("class")
    # The search box keeps its form and field for the suggestions.
    assert page.cssselect("#portal-searchbox input#searchGadget[name=SearchableText]")
    # The skip link is the first thing in the body, and leads to the content.
    first = page.find("body")[0]
    assert first.get("id") == "zw-skip-links"
    assert first.find("a").get("href") == "#content"
    # The site's name, as text (not Plone's logo).
    brand = page.cssselect("#portal-logo .zw-brand-title")[0]
    assert brand.text_content().strip() == "深圳市南山区人民政府"
    assert not page.cssselect("img[src$='plone-logo.svg']")
    # The breadcrumbs, one of each id, and no editing toolbar for visitors.
    assert page.cssselect("#portal-breadcrumbs .breadcrumb")
    for id_ in ("content", "portal-searchbox", "portal-globalnav", "portal-logo"):
        assert len(page.cssselect(f"#{id_}")) == 1, id_
    assert not page.cssselect("#edit-zone")
    # The nav button takes Plone's translated label: the theme carries no text.
    assert page.cssselect(".zw-nav-toggle")[0].get("aria-label")


def test_slots_of_missing_parts_are_dropped(visitor):
    """A page without a part (portlet columns, the editors' toolbar) leaves no
    empty slot behind."""
    visitor.open("http://nohost/nanshan/zh-cn/gaj")
    page = parse(visitor)
    assert not page.cssselect("#portal-column-one, #portal-column-two")
    assert not page.cssselect("#portal-toolbar")


def test_the_stock_site_is_themed_too(visitor):
    visitor.open("http://nohost/plone")
    page = parse(visitor)
    assert page.cssselect("header#zw-header")
    assert page.cssselect("#zw-skip-links a[href='#content']")


def test_editors_keep_the_toolbar_and_the_edit_form(visitor):
    visitor.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    visitor.open("http://nohost/nanshan/zh-cn/gaj/edit")
    page = parse(visitor)
    assert page.cssselect("header#zw-header")
    assert page.cssselect("body > #edit-bar #edit-zone")
    assert "plone-toolbar-left" in page.find("body").get("class")
    form = page.cssselect("#content form#form")[0]
    assert form.cssselect("input[name='_authenticator']")
    assert form.cssselect("[name='form.buttons.save']")


def test_ajax_requests_are_not_themed(visitor):
    visitor.open("http://nohost/nanshan/zh-cn/gaj?ajax_load=1")
    assert 'id="zw-header"' not in visitor.contents


def test_the_theme_can_be_switched_off(visitor, functional):
    from plone.app.theming.interfaces import IThemeSettings
    from plone.registry.interfaces import IRegistry
    from zope.component import getUtility
    from zope.component.hooks import setSite

    setSite(functional["app"]["nanshan"])
    getUtility(IRegistry).forInterface(IThemeSettings, False).enabled = False
    transaction.commit()
    visitor.open("http://nohost/nanshan/zh-cn/gaj")
    assert 'id="zw-header"' not in visitor.contents
    # The skip link is a viewlet: it stays on the unthemed page.
    assert 'class="zw-skip-link"' in visitor.contents

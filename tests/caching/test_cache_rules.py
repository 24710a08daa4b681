"""Which ruleset each kind of response gets, and what changes its ETag."""

import pytest
import transaction
from caching_http import get
from plone import api
from zope.component.hooks import setSite

from zhengwu.browser.chrome.period import current_period


def test_the_etag_names_the_scene_period_of_now(site_url):
    etag = get(f"{site_url}/zh-cn/gaj").headers["ETag"]
    assert f"|{current_period()}|" in etag


def test_a_registry_change_changes_the_pages_etag(acceptance, site_url):
    url = f"{site_url}/zh-cn/gaj"
    before = get(url)
    setSite(acceptance["app"]["nanshan"])
    title = api.portal.get_registry_record("plone.site_title")
    api.portal.set_registry_record("plone.site_title", title + " (changed)")
    transaction.commit()
    after = get(url)
    assert after.headers["ETag"] != before.headers["ETag"]
    assert "X-RAMCache" not in after.headers


def test_search_results_are_never_kept_in_ram(site_url):
    url = f"{site_url}/zh-cn/@@search?SearchableText=cache-test"
    first, second = get(url), get(url)
    assert first.status_code == second.status_code == 200
    assert second.headers["X-Cache-Rule"] == "zhengwu.search"
    assert "X-RAMCache" not in second.headers
    assert "public" not in second.headers["Cache-Control"]  # a counted search


def test_search_page_without_a_query_may_stay_10_s_in_the_browser(site_url):
    response = get(f"{site_url}/zh-cn/@@search")
    assert response.headers["X-Cache-Rule"] == "zhengwu.search"
    assert response.headers["Cache-Control"].startswith("max-age=10, ")
    assert "X-RAMCache" not in get(f"{site_url}/zh-cn/@@search").headers


def test_rest_responses_are_terse_and_not_in_ram(site_url):
    url = f"{site_url}/zh-cn/gaj"
    page = get(url)  # the HTML page of the same URL is in the RAM cache now
    first = get(url, Accept="application/json")
    second = get(url, Accept="application/json")
    assert second.headers["Content-Type"].startswith("application/json")
    assert second.headers["X-Cache-Rule"] == "plone.content.dynamic"
    assert second.headers["Vary"] == "Accept"
    assert "X-RAMCache" not in second.headers
    assert first.json()["@id"].endswith("/zh-cn/gaj")
    assert page.headers["ETag"] != first.headers["ETag"]


def test_autocomplete_is_terse(site_url):
    response = get(f"{site_url}/zh-cn/@suggest?q=sfz", Accept="application/json")
    assert response.status_code == 200
    assert response.headers["X-Cache-Rule"] == "plone.content.dynamic"


@pytest.mark.parametrize("view", ["@@powers", "@@disclosure"])
def test_catalogue_pages_are_folder_views_in_ram(site_url, view):
    url = f"{site_url}/zh-cn/{view}"
    assert get(url).headers["X-Cache-Rule"] == "plone.content.folderView"
    assert get(url).headers.get("X-RAMCache")


@pytest.mark.parametrize(
    "path",
    [
        "++theme++zhengwu/build/zhengwu.css",
        "++plone++static/plone-toolbarlogo.svg",
        "++resource++zhengwu.search/suggest.js",
    ],
)
def test_resources_stay_a_day_in_the_browser(base_url, path):
    response = get(f"{base_url}/nanshan/{path}")
    assert response.status_code == 200
    assert response.headers["X-Cache-Rule"] == "plone.resource"
    assert response.headers["Cache-Control"].startswith("max-age=86400")
    assert "public" in response.headers["Cache-Control"]
    assert "Last-Modified" in response.headers


@pytest.mark.parametrize(
    ("path", "ruleset", "max_age"),
    [
        ("@@district-scene/morning", "plone.stableResource", 31536000),
        ("zh-cn/gaj/@@qrcode.svg", "plone.resource", 86400),
        ("@@og-image.png?v=1", "plone.stableResource", 31536000),
    ],
)
def test_scene_qr_and_share_images_are_resources(site_url, path, ruleset, max_age):
    response = get(f"{site_url}/{path}")
    assert response.status_code == 200
    assert response.headers["X-Cache-Rule"] == ruleset
    assert response.headers["Cache-Control"].startswith(f"max-age={max_age},")
    assert "public" in response.headers["Cache-Control"]


def test_editors_get_resources_cached_too(site_url):
    from caching_http import OWNER

    response = get(f"{site_url}/@@district-scene/noon", auth=OWNER)
    assert response.headers["X-Cache-Rule"] == "plone.stableResource"

"""Anonymous pages come from Zope's RAM cache with ETags; editors always get a
fresh page and never the anonymous one (docs/caching.md)."""

import pytest
import transaction
from caching_http import OWNER
from caching_http import get
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from publishing import publish_in_department
from zope.component.hooks import setSite

WEAK = "plone.app.caching.weakCaching"


@pytest.fixture
def guide(acceptance):
    guide = publish_in_department(
        acceptance["app"],
        "gaj",
        type_="Guide",
        id="cache-id-card",
        title="Cached guide first title",
        service_code="QR-0199",
    )
    setSite(acceptance["portal"])
    return guide


@pytest.fixture
def guide_url(site_url, guide):
    return f"{site_url}/zh-cn/gaj/cache-id-card"


def test_anonymous_item_page_is_weakly_cached_with_an_etag(guide_url):
    response = get(guide_url)
    assert response.status_code == 200
    assert response.headers["X-Cache-Rule"] == "plone.content.itemView"
    assert response.headers["X-Cache-Operation"] == WEAK
    assert response.headers["Cache-Control"] == "max-age=0, must-revalidate, private"
    assert response.headers["ETag"].startswith('"|')
    assert "X-RAMCache" not in response.headers


def test_second_anonymous_get_comes_from_the_ram_cache(guide_url):
    first = get(guide_url)
    second = get(guide_url)
    assert "X-RAMCache" not in first.headers
    assert second.headers["X-RAMCache"] == "plone.app.caching.operations.ramcache"
    assert second.text == first.text
    assert second.headers["ETag"] == first.headers["ETag"]


def test_query_string_is_part_of_the_cache_key(guide_url):
    get(guide_url)
    other = get(f"{guide_url}?situation=x")
    assert other.status_code == 200
    assert "X-RAMCache" not in other.headers


def test_matching_if_none_match_gets_304_and_an_old_one_the_page(guide_url):
    etag = get(guide_url).headers["ETag"]
    not_modified = get(guide_url, **{"If-None-Match": etag})
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    stale = get(guide_url, **{"If-None-Match": '"|zh-cn|0.0|old"'})
    assert stale.status_code == 200


def test_department_folder_is_cached_as_a_folder_view(site_url):
    response = get(f"{site_url}/zh-cn/gaj")
    assert response.headers["X-Cache-Rule"] == "plone.content.folderView"
    assert get(f"{site_url}/zh-cn/gaj").headers.get("X-RAMCache")


@pytest.mark.parametrize("path", ["zwgk", "@@departments", "@@encyclopedia"])
def test_column_pages_and_indexes_are_cached_as_folder_views(site_url, path):
    assert get(f"{site_url}/zh-cn/{path}").headers["X-Cache-Rule"] == (
        "plone.content.folderView"
    )
    assert get(f"{site_url}/zh-cn/{path}").headers.get("X-RAMCache")


def test_the_powers_download_is_not_kept_in_the_ram_cache(site_url):
    url = f"{site_url}/zh-cn/@@powers-download"
    assert get(url).status_code == 200
    assert not get(url).headers.get("X-RAMCache")


def test_anonymous_sees_an_editors_change_at_once(acceptance, guide, guide_url):
    before = get(guide_url)
    assert "Cached guide first title" in before.text
    assert get(guide_url).headers.get("X-RAMCache")  # now cached
    setSite(acceptance["app"]["nanshan"])
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        guide.title = "Cached guide second title"
        guide.reindexObject()
    transaction.commit()
    after = get(guide_url)
    assert "X-RAMCache" not in after.headers
    assert "Cached guide second title" in after.text
    assert after.headers["ETag"] != before.headers["ETag"]
    revalidated = get(guide_url, **{"If-None-Match": before.headers["ETag"]})
    assert revalidated.status_code == 200


def test_editor_is_never_served_from_cache_and_never_cached(guide_url):
    anonymous = get(guide_url)
    first = get(guide_url, auth=OWNER)
    second = get(guide_url, auth=OWNER, **{"If-None-Match": first.headers["ETag"]})
    for response in (first, second):
        assert response.status_code == 200
        assert "X-RAMCache" not in response.headers
        assert 'id="edit-zone"' in response.text  # the toolbar
        assert "private" in response.headers["Cache-Control"]
    assert first.headers["ETag"] != second.headers["ETag"]  # anonymousOrRandom
    assert first.headers["ETag"] != anonymous.headers["ETag"]
    cached = get(guide_url)
    assert cached.headers.get("X-RAMCache")
    assert 'id="edit-zone"' not in cached.text


def test_editors_page_is_not_kept_for_anonymous_visitors(guide_url):
    get(guide_url, auth=OWNER)  # the editor's page comes first
    anonymous = get(guide_url)
    assert "X-RAMCache" not in anonymous.headers
    assert 'id="edit-zone"' not in anonymous.text


def test_private_draft_is_neither_cached_nor_shown(acceptance, site_url):
    from publishing import draft_in_department

    draft_in_department(acceptance["app"], "gaj", id="cache-draft", title="Draft")
    url = f"{site_url}/zh-cn/gaj/cache-draft"
    assert get(url, auth=OWNER).status_code == 200
    response = get(url)
    assert response.status_code in (302, 401, 403)  # to the login form
    assert "Draft" not in response.text


def test_post_is_never_answered_from_the_cache(guide_url):
    import requests

    get(guide_url)
    response = requests.post(guide_url, timeout=60, allow_redirects=False)
    assert "X-RAMCache" not in response.headers


def test_a_page_served_from_ram_still_counts_as_opened(acceptance, guide, guide_url):
    from datetime import date

    from zhengwu.search.stats import fold_now
    from zhengwu.search.stats.storage import stats_of

    site = acceptance["app"]["nanshan"]
    setSite(site)
    fold_now(site)  # start from the counts of earlier tests
    site._p_jar.sync()
    before = stats_of(site, create=True).opens(guide.UID(), date.today().toordinal(), 1)
    get(guide_url)
    assert get(guide_url).headers.get("X-RAMCache")
    assert get(guide_url, **{"If-None-Match": '"other"'}).headers.get("X-RAMCache")
    fold_now(site)
    site._p_jar.sync()
    after = stats_of(site).opens(guide.UID(), date.today().toordinal(), 1)
    assert after - before == 3

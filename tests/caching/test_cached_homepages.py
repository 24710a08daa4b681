"""Homepages are cached per role cookie, so the classic homepage's redirect to the
visitor's role homepage is never hidden by a cached classic page."""

from caching_http import get

ROLE = {"Cookie": "zhengwu_role=resident"}


def test_classic_homepage_is_cached_with_the_homepage_ruleset(site_url):
    first = get(f"{site_url}/zh-cn")
    assert first.status_code == 200
    assert first.headers["X-Cache-Rule"] == "zhengwu.homepage"
    assert get(f"{site_url}/zh-cn").headers.get("X-RAMCache")


def test_role_cookie_gets_the_redirect_not_the_cached_classic_page(site_url):
    classic = get(f"{site_url}/zh-cn")
    assert get(f"{site_url}/zh-cn").headers.get("X-RAMCache")
    redirected = get(f"{site_url}/zh-cn", **ROLE)
    assert redirected.status_code == 302
    assert redirected.headers["Location"].endswith("/zh-cn/resident")
    # a browser holding the classic page revalidates it and is not told 304
    again = get(
        f"{site_url}/zh-cn", **ROLE, **{"If-None-Match": classic.headers["ETag"]}
    )
    assert again.status_code == 302


def test_role_cookie_changes_the_etag(site_url):
    url = f"{site_url}/zh-cn/resident"
    plain, resident = get(url), get(url, **ROLE)
    tourist = get(url, Cookie="zhengwu_role=tourist")
    junk = get(url, Cookie="zhengwu_role=<script>")
    classic = get(url, Cookie="zhengwu_role=classic")
    assert len({plain.headers["ETag"], resident.headers["ETag"]}) == 2
    assert tourist.headers["ETag"] not in (
        plain.headers["ETag"],
        resident.headers["ETag"],
    )
    assert junk.headers["ETag"] == plain.headers["ETag"]  # unknown role: none
    assert classic.headers["ETag"] == plain.headers["ETag"]  # no redirect either


def test_classic_choice_in_the_query_is_its_own_cache_entry(site_url):
    get(f"{site_url}/zh-cn", **ROLE)
    chosen = get(f"{site_url}/zh-cn?role=classic", **ROLE)
    assert chosen.status_code == 200
    assert "X-RAMCache" not in chosen.headers


def test_role_homepage_is_cached_too(site_url):
    url = f"{site_url}/zh-cn/enterprise"
    assert get(url).headers["X-Cache-Rule"] == "zhengwu.homepage"
    assert get(url).headers.get("X-RAMCache")


def test_english_homepage_and_section(site_url):
    home = get(f"{site_url}/en")
    assert home.status_code == 200
    assert home.headers["X-Cache-Rule"] == "zhengwu.homepage"

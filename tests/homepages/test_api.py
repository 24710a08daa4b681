"""zhengwu.homepages.api: what the role switcher asks."""

from zope.publisher.browser import TestRequest

from zhengwu.homepages.api import current_role
from zhengwu.homepages.api import role_homepages


def request_with(cookie=None):
    environ = {"HTTP_COOKIE": f"zhengwu_role={cookie}"} if cookie else {}
    return TestRequest(environ=environ)


def test_chinese_root_lists_the_four_homepages_in_order(district):
    root = district["zh-cn"]
    rows = role_homepages(root)
    assert [(role, str(title)) for role, title, _url in rows] == [
        ("classic", "Classic"),
        ("resident", "Residents"),
        ("enterprise", "Enterprises"),
        ("tourist", "Tourists"),
    ]
    urls = [url for _role, _title, url in rows]
    base = root.absolute_url()
    assert urls == [base, f"{base}/resident", f"{base}/enterprise", f"{base}/tourist"]


def test_a_root_without_role_homepages_lists_none(district, integration):
    assert role_homepages(district["en"]) == []
    assert role_homepages(integration["portal"]) == []  # not a district


def test_current_role_is_the_homepage_shown_else_the_cookie(district):
    root = district["zh-cn"]
    guide_place = root["gaj"]
    assert current_role(root["tourist"], request_with()) == "tourist"
    assert current_role(root, request_with("resident")) == "classic"
    assert current_role(root["home"], request_with()) == "classic"
    assert current_role(guide_place, request_with("enterprise")) == "enterprise"
    assert current_role(guide_place, request_with("classic")) is None
    assert current_role(guide_place, request_with("<script>")) is None
    assert current_role(guide_place, request_with()) is None

"""The demo guides' online links: their own, else the hall's for a guide done
online (网办深度 3 or 4), none for one done in person."""

from zhengwu.importers.demo_guides import online_url

HALL = {"online_url": "https://www.gdzwfw.gov.cn/"}


def test_a_guide_done_online_links_to_the_online_hall():
    assert online_url({"online_depth": 4}, HALL) == HALL["online_url"]
    assert online_url({"online_depth": 3}, HALL) == HALL["online_url"]


def test_a_guide_done_in_person_has_no_online_link():
    assert online_url({"online_depth": 2}, HALL) is None
    assert online_url({"online_depth": 1}, HALL) is None


def test_a_guides_own_link_comes_first():
    guide = {"online_depth": 1, "online_url": "https://example.cn/apply"}
    assert online_url(guide, HALL) == "https://example.cn/apply"


def test_a_district_without_an_online_hall_gives_none():
    assert online_url({"online_depth": 4}, {}) is None

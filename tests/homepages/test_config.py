"""homepages.toml: both districts' files load; a wrong entry is refused with the
file, the entry and the reason."""

from pathlib import Path

import pytest

from zhengwu.homepages.config import RELATIVE_PATH
from zhengwu.homepages.config import load_homepages
from zhengwu.sites.profile import ProfileError

PROFILES = Path(__file__).resolve().parents[2] / "profiles"
LANGUAGES = ("zh-cn", "en")
GOOD = """
[[homepage]]
language = "zh-cn"
id = "home"
role = "classic"
title = "首页"
default_page = true
news = { portal_type = ["News Item"], limit = 5 }
services = { portal_type = ["Guide"] }
featured = { portal_type = ["Strategy"] }
"""


@pytest.mark.parametrize("district", ["nanshan", "yantian"])
def test_each_district_has_a_classic_and_three_role_homepages_and_an_english_one(
    district,
):
    entries = load_homepages(PROFILES / district / "homepages.toml", LANGUAGES)
    assert [(e.language, e.id, e.role) for e in entries] == [
        ("zh-cn", "home", "classic"),
        ("zh-cn", "resident", "resident"),
        ("zh-cn", "enterprise", "enterprise"),
        ("zh-cn", "tourist", "tourist"),
        ("en", "home", "classic"),
    ]
    assert [e.id for e in entries if e.default_page] == ["home", "home"]


def test_criteria_become_querystring_rows_within_the_language_root(tmp_path):
    path = tmp_path / "homepages.toml"
    path.write_text(GOOD, encoding="utf-8")
    (entry,) = load_homepages(path, LANGUAGES)
    fields = dict(entry.fields)
    assert fields["news_query"] == [
        {
            "i": "portal_type",
            "o": "plone.app.querystring.operation.selection.any",
            "v": ["News Item"],
        },
        {"i": "path", "o": RELATIVE_PATH, "v": ".."},
    ]
    assert fields["news_limit"] == 5
    assert "services_limit" not in fields  # the schema's default applies


def test_depth_one_keeps_a_module_to_the_roots_own_items(tmp_path):
    path = tmp_path / "homepages.toml"
    path.write_text(
        GOOD.replace(
            'featured = { portal_type = ["Strategy"] }',
            'featured = { portal_type = ["Folder"], depth = 1 }',
        ),
        encoding="utf-8",
    )
    (entry,) = load_homepages(path, LANGUAGES)
    rows = dict(entry.fields)["featured_query"]
    assert rows[-1] == {"i": "path", "o": RELATIVE_PATH, "v": "..::1"}


@pytest.mark.parametrize(
    "change, reason",
    [
        (('role = "classic"', 'role = "farmer"'), "role 'farmer' is not one of"),
        (('language = "zh-cn"', 'language = "fr"'), "language 'fr' is not one of"),
        (('id = "home"', 'id = "Home Page"'), "is not a lowercase ASCII id"),
        (("limit = 5", "limit = 500"), "'limit' must be between 1 and 50"),
        (("limit = 5", "limit = 5, depth = 0"), "'depth' must be a whole number"),
        (('["News Item"]', "[]"), "news, portal_type: expected non-empty strings"),
        (('portal_type = ["Guide"]', 'owner = ["gaj"]'), "unknown index 'owner'"),
        (('title = "首页"', 'titel = "首页"'), "unknown key 'titel'"),
        (('featured = { portal_type = ["Strategy"] }', ""), "'featured' is missing"),
        (("default_page = true", 'default_page = "yes"'), "true or false"),
        (("[[homepage]]", "[[homepages]]"), "unknown table 'homepages'"),
        (("limit = 5 }", "limit = 5"), "homepages.toml, line "),  # not TOML
    ],
)
def test_a_wrong_entry_is_refused_naming_file_entry_and_reason(
    tmp_path, change, reason
):
    path = tmp_path / "homepages.toml"
    path.write_text(GOOD.replace(*change), encoding="utf-8")
    with pytest.raises(ProfileError) as error:
        load_homepages(path, LANGUAGES)
    message = str(error.value)
    assert str(path) in message
    assert reason in message
    if "table" not in reason and "line" not in reason:
        assert "homepage #1" in message


def test_an_entry_twice_or_two_default_pages_are_refused(tmp_path):
    path = tmp_path / "homepages.toml"
    path.write_text(GOOD + GOOD, encoding="utf-8")
    with pytest.raises(ProfileError, match="homepage #2: zh-cn/home appears twice"):
        load_homepages(path, LANGUAGES)
    path.write_text(GOOD + GOOD.replace('id = "home"', 'id = "home2"'), "utf-8")
    with pytest.raises(ProfileError, match="homepage #2: a second default page"):
        load_homepages(path, LANGUAGES)

"""Synonym groups and best bets in the site: normalised, validated, fast to read."""

import pytest
from plone import api
from plone.app.testing import SITE_OWNER_NAME

from zhengwu.search.curation import storage
from zhengwu.search.curation.normalize import normalize_query
from zhengwu.search.curation.targets import resolve_pages


def test_normalising_folds_width_case_and_whitespace():
    assert normalize_query("  ＩＤ\u3000Card \n") == "id card"
    assert normalize_query("社保卡") == "社保卡"
    assert normalize_query(None) == ""


def test_editor_input_is_split_on_commas_enumeration_marks_slashes_and_lines():
    assert storage.parse_terms("户口、户籍, 户口本/落户\n入户；户籍证明") == [
        "户口",
        "户籍",
        "户口本",
        "落户",
        "入户",
        "户籍证明",
    ]
    assert storage.parse_terms("id card，身份证") == ["id card", "身份证"]


def test_a_group_is_stored_normalised_without_repeated_terms(district):
    group = storage.add_synonym_group(district, ["ＳＳＣ", " ssc ", "社保 卡号"])
    assert group == ["ssc", "社保 卡号"]
    assert ["ssc", "社保 卡号"] in storage.synonym_groups(district)


def test_the_district_starts_with_its_starter_groups(district):
    groups = storage.synonym_groups(district)
    assert ["暂住证", "居住证"] in groups
    assert ["低保", "最低生活保障", "低保金"] in groups
    assert ["前海", "前海合作区", "前海深港现代服务业合作区"] in groups  # Nanshan's own
    assert len(groups) >= 300


@pytest.mark.parametrize(
    "terms",
    [[], ["  ", ""], ["网约车"], ["ＷＹＣ", "wyc", " WYC "], ["x" * 41, "y"]],
)
def test_empty_single_and_overlong_groups_are_refused(district, terms):
    before = storage.synonym_groups(district)
    with pytest.raises(storage.CurationError):
        storage.add_synonym_group(district, terms)
    assert storage.synonym_groups(district) == before


def test_a_term_of_another_group_is_refused_with_that_group(district):
    with pytest.raises(storage.CurationError) as refused:
        storage.add_synonym_group(district, ["户籍", "户口簿"])
    assert refused.value.message.mapping == {"term": "户籍", "group": "户口 / 户籍"}


def test_a_group_is_replaced_or_removed_through_any_of_its_terms(district):
    storage.replace_synonym_group(district, "户籍", ["户口", "户籍", "户籍登记"])
    assert ["户口", "户籍", "户籍登记"] in storage.synonym_groups(district)
    assert storage.remove_synonym_group(district, "户籍登记") == [
        "户口",
        "户籍",
        "户籍登记",
    ]
    assert not any("户口" in group for group in storage.synonym_groups(district))
    with pytest.raises(storage.CurationError):
        storage.remove_synonym_group(district, "户口")


def test_best_bets_keep_their_order_and_match_the_normalised_query(district):
    bet = storage.set_best_bet(district, " ＩＤ Card ", ["b" * 32, "a" * 32], "admin")
    assert bet.query == "id card"
    assert bet.creator == "admin"
    assert storage.best_bets_for(district, "id  CARD") == ["b" * 32, "a" * 32]
    assert storage.best_bets_for(district, "id") == []
    storage.remove_best_bet(district, "ID card")
    assert storage.best_bets_for(district, "id card") == []
    with pytest.raises(storage.CurationError):
        storage.remove_best_bet(district, "id card")


def test_best_bets_point_only_to_published_pages(district):
    department = district["zh-cn"]["gaj"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        public = api.content.create(
            container=department, type="Document", id="bet-public", title="公开"
        )
        api.content.transition(public, to_state="published")
        draft = api.content.create(
            container=department, type="Document", id="bet-draft", title="草稿"
        )
    site_url = district.absolute_url()
    assert (
        resolve_pages(
            district,
            [public.UID(), "zh-cn/gaj/bet-public", f"{site_url}/zh-cn/gaj/bet-public/"],
        )
        == [public.UID()] * 3
    )
    for missing in (
        "zh-cn/gaj/bet-draft",
        draft.UID(),
        "zh-cn/gaj/nothing",
        "http://x/y",
    ):
        with pytest.raises(storage.CurationError) as refused:
            resolve_pages(district, [missing])
        assert refused.value.message.mapping == {"ref": missing}
    with pytest.raises(storage.CurationError):
        resolve_pages(district, ["", "  "])

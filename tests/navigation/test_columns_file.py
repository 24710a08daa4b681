"""columns.tsv: both districts' files load; a bad file names file, row, column and
reason."""

from pathlib import Path

import pytest

from zhengwu.navigation.columns import COLUMNS
from zhengwu.navigation.columns import load_columns
from zhengwu.sites.profile import ProfileError

PROFILES = Path(__file__).resolve().parents[2] / "profiles"
AUDIENCES = {"foreigners", "startups"}
GOOD = ["zwgk", "政务公开", "信息公开。", "qzqd", "权责清单", "事项。", "@@powers", ""]


def write(tmp_path, rows, header=COLUMNS):
    path = tmp_path / "columns.tsv"
    lines = ["\t".join(header)] + ["\t".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def error_of(tmp_path, rows, header=COLUMNS):
    with pytest.raises(ProfileError) as caught:
        load_columns(write(tmp_path, rows, header), AUDIENCES)
    return str(caught.value)


def with_cell(column, value, row=GOOD):
    changed = list(row)
    changed[COLUMNS.index(column)] = value
    return changed


@pytest.mark.parametrize("district", ["nanshan", "yantian"])
def test_each_district_has_six_columns_each_with_subcolumns(district):
    columns = load_columns(PROFILES / district / "columns.tsv")
    assert [column.title for column in columns][:4] == [
        "政务公开",
        "政务服务",
        "政务知道",
        "互动交流",
    ]
    assert len(columns) == 6
    assert all(column.subcolumns and column.description for column in columns)
    links = {sub.link for column in columns for sub in column.subcolumns}
    assert {"@@powers", "@@disclosure", "@@departments", "zhidao"} <= links
    assert "@@encyclopedia" in links


def test_a_good_file_gives_columns_with_their_subcolumns_in_order(tmp_path):
    rows = [
        GOOD,
        ["zwgk", "政务公开", "", "xwdt", "新闻动态", "", "", "types=news"],
        ["zt", "专题", "专题。", "wjrs", "外籍人士", "", "", "audience=foreigners"],
    ]
    columns = load_columns(write(tmp_path, rows), AUDIENCES)
    assert [c.id for c in columns] == ["zwgk", "zt"]
    assert columns[0].description == "信息公开。"
    assert [s.id for s in columns[0].subcolumns] == ["qzqd", "xwdt"]
    assert columns[0].subcolumns[1].listing == (("types", ("news",)),)
    assert columns[1].subcolumns[0].listing == (("audience", ("foreigners",)),)


def test_a_row_may_leave_out_its_empty_trailing_cells(tmp_path):
    columns = load_columns(write(tmp_path, [GOOD[:7]]), AUDIENCES)
    assert columns[0].subcolumns[0].link == "@@powers"


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (with_cell("column_id", "政务"), "row 2, column column_id: '政务' is not"),
        (with_cell("sub_zh", ""), "row 2, column sub_zh: empty."),
        (with_cell("lists", "types=news"), "row 2, column link: give a link or a"),
        (with_cell("link", ""), "row 2, column link: give a link or a"),
        (with_cell("link", "../acl_users"), "row 2, column link: '../acl_users' is"),
        (with_cell("link", "http://evil.example"), "column link: 'http://evil"),
        (
            with_cell("lists", "types=poster", with_cell("link", "")),
            "row 2, column lists: unknown types 'poster'.",
        ),
        (
            with_cell("lists", "colour=red", with_cell("link", "")),
            "row 2, column lists: 'colour' is not one of",
        ),
        (
            with_cell("lists", "audience=aliens", with_cell("link", "")),
            "unknown audience 'aliens'",
        ),
        (GOOD[:5], "row 2: 5 columns instead of 6 to 8."),
    ],
)
def test_a_bad_row_names_file_row_column_and_reason(tmp_path, row, reason):
    message = error_of(tmp_path, [row])
    assert message.startswith(str(tmp_path / "columns.tsv"))
    assert reason in message


def test_a_subcolumn_twice_and_a_column_split_are_refused(tmp_path):
    twice = error_of(tmp_path, [GOOD, GOOD])
    assert "row 3, column sub_id: 'qzqd' appears twice in 'zwgk'." in twice
    other = with_cell("column_id", "zt", with_cell("column_zh", "专题"))
    split = error_of(tmp_path, [GOOD, other, with_cell("sub_id", "xxgk")])
    assert "row 4, column column_id: 'zwgk' again after other columns." in split


def test_a_column_titled_differently_on_a_later_row_is_refused(tmp_path):
    renamed = with_cell("sub_id", "xxgk", with_cell("column_zh", "公开"))
    assert "row 3, column column_zh: '公开' differs from '政务公开'" in error_of(
        tmp_path, [GOOD, renamed]
    )


def test_a_bad_header_or_an_empty_file_is_refused(tmp_path):
    assert "row 1, column lists: missing." in error_of(tmp_path, [], COLUMNS[:-1])
    assert "no columns." in error_of(tmp_path, [])


UPDATE_HEADER = (*COLUMNS, "update_days", "department")


def test_a_subcolumn_may_have_an_update_period_and_a_keeper(tmp_path):
    row = [*GOOD[:6], "", "types=news", "7", "zsj"]
    (column,) = load_columns(write(tmp_path, [row], UPDATE_HEADER), AUDIENCES)
    assert column.subcolumns[0].update_days == 7
    assert column.subcolumns[0].department == "zsj"
    (column,) = load_columns(write(tmp_path, [GOOD], UPDATE_HEADER), AUDIENCES)
    assert column.subcolumns[0].update_days is None


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        (["0", ""], "column update_days: '0' is not a number of days"),
        (["weekly", ""], "column update_days: 'weekly' is not a number of days"),
        (["7", "Police!"], "column department: 'Police!' is not a department id"),
    ],
)
def test_a_bad_update_period_or_keeper_is_named(tmp_path, cells, reason):
    row = [*GOOD[:6], "", "types=news", *cells]
    assert reason in error_of(tmp_path, [row], UPDATE_HEADER)


def test_the_districts_give_their_news_columns_an_update_period():
    for district in ("nanshan", "yantian"):
        columns = load_columns(PROFILES / district / "columns.tsv")
        periods = {s.id: s.update_days for c in columns for s in c.subcolumns}
        assert periods["xwdt"] == 7

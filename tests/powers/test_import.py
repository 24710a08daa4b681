"""Importing the powers list from CSV and XLSX: all rows valid, or nothing written."""

import pytest
from plone import api
from powers_rows import power_row
from powers_rows import sheet

from zhengwu.powers.importer import import_powers


def _codes(root):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="PowerItem")
    return sorted(brain.power_code for brain in brains)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_import_creates_items_in_their_department_folders(root, fmt):
    rows = [
        power_row("NS-GAJ-CF-0001", sub_items=["对个人的处罚", "对单位的处罚"]),
        power_row("NS-JYJ-XK-0001", name="民办学校设立许可"),
    ]
    report = import_powers(root, sheet(rows, fmt), fmt)
    assert report.ok, report.errors
    assert sorted(report.added) == ["NS-GAJ-CF-0001", "NS-JYJ-XK-0001"]
    item = root["gaj"]["ns-gaj-cf-0001"]
    assert item.portal_type == "PowerItem"
    assert item.power_category == "CF"
    assert item.department == "gaj"
    assert item.sub_items == ["对个人的处罚", "对单位的处罚"]
    assert item.responsibilities[0] == "受理责任：依法受理。"
    assert root["jyj"]["ns-jyj-xk-0001"].title == "民办学校设立许可"
    assert api.content.get_state(item) == "published"
    assert _codes(root) == ["NS-GAJ-CF-0001", "NS-JYJ-XK-0001"]


def test_one_bad_row_imports_nothing_and_names_row_column_and_reason(root):
    rows = [
        power_row("NS-GAJ-CF-0001"),
        power_row("NS-GAJ-CF-0002", category="ZZ"),
        power_row("NS-GAJ-CF-0003", department="nosuch"),
        power_row("NS-GAJ-CF-0004", legal_basis=""),
        power_row(
            "NS-GAJ-CF-0005", supervising_phone="call us", next_review="2027-02-30"
        ),
        power_row("NS-GAJ-CF-0001"),
        power_row("NS-GAJ-CF-0006", guide="no-such-guide"),
        power_row("NS-GAJ-CF-0007"),
    ]
    rows[4]["code"] = "gaj-1"
    rows[7]["code"] = ""
    report = import_powers(root, sheet(rows), "csv")
    assert not report.ok
    found = {(error.row, error.column) for error in report.errors}
    assert (3, "category") in found
    assert (3, "code") not in found  # an unknown category is one error, not two
    assert (4, "department") in found
    assert (5, "legal_basis") in found
    assert (9, "code") in found  # an empty code
    assert (6, "code") in found
    assert (6, "supervising_phone") in found
    assert (6, "next_review") in found
    assert (7, "code") in found  # duplicate of row 2
    assert (8, "guide") in found
    duplicate = next(e for e in report.errors if e.row == 7)
    assert duplicate.reason.mapping["row"] == 2
    assert report.added == []
    assert _codes(root) == []


def test_missing_and_unknown_columns_are_reported_on_the_header_row(root):
    data = "code,name,category,department,colour\nNS-GAJ-CF-0001,x,CF,gaj,red\n"
    report = import_powers(root, data.encode(), "csv")
    assert {(e.row, e.column) for e in report.errors} == {
        (1, "legal_basis"),
        (1, "colour"),
    }


def test_code_must_agree_with_department_and_category(root):
    rows = [power_row("NS-GAJ-CF-0001", department="jyj")]
    rows.append(power_row("NS-GAJ-CF-0002", category="XK"))
    report = import_powers(root, sheet(rows), "csv")
    assert [(e.row, e.column) for e in report.errors] == [(2, "code"), (3, "code")]


def test_unreadable_files_are_reported_not_raised(root):
    assert not import_powers(root, b"not a zip", "xlsx").ok
    assert not import_powers(root, b"", "csv").ok
    assert not import_powers(root, b"\xff\xfe\x00garbage\x81", "csv").ok


def test_reimport_reports_added_changed_and_removed_by_code(root):
    first = [power_row(f"NS-GAJ-CF-000{n}") for n in (1, 2, 3)]
    first.append(power_row("NS-JYJ-XK-0001"))
    assert import_powers(root, sheet(first), "csv").ok
    second = [
        power_row("NS-GAJ-CF-0001"),
        power_row("NS-GAJ-CF-0002", legal_basis="《中华人民共和国行政处罚法》第九条"),
        power_row("NS-GAJ-CF-0004"),
    ]
    report = import_powers(root, sheet(second), "csv")
    assert report.added == ["NS-GAJ-CF-0004"]
    assert report.changed == ["NS-GAJ-CF-0002"]
    assert report.removed == ["NS-GAJ-CF-0003"]
    assert report.unchanged == 1
    # Another department's items are not touched by a file that does not name it.
    assert "ns-jyj-xk-0001" in root["jyj"]
    assert "行政处罚法" in root["gaj"]["ns-gaj-cf-0002"].legal_basis


def test_chinese_headers_and_gb18030_csv_from_a_spreadsheet_program(root):
    header = "事项编码,事项名称,职权类别,实施主体,法律法规依据,监督电话\r\n"
    line = "NS-MZJ-QR-0001,婚姻登记,QR,mzj,《婚姻登记条例》第四条,0755-26660000\r\n"
    report = import_powers(root, (header + line).encode("gb18030"), "csv")
    assert report.ok, report.errors
    item = root["mzj"]["ns-mzj-qr-0001"]
    assert item.title == "婚姻登记"
    assert item.supervising_phone == "0755-26660000"

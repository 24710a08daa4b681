"""Export to CSV and XLSX re-imports unchanged."""

import pytest
from powers_rows import power_row
from powers_rows import sheet

from zhengwu.powers.export import export_powers
from zhengwu.powers.export import export_rows
from zhengwu.powers.importer import import_powers


def _sample():
    return [
        power_row("NS-GAJ-CF-0001", sub_items=["对个人的处罚", "对单位的处罚"]),
        power_row("NS-GAJ-XK-0001", accountability="", supervising_phone=""),
        power_row(
            "NS-SCJGJ-JC-0001",
            legal_basis="《中华人民共和国食品安全法》第一百一十条，\n"
            "《食品生产经营监督检查管理办法》第二条",
        ),
        power_row("NS-JYJ-QT-0012", responsibilities=[], next_review="2027-06-30"),
    ]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_reimports_with_nothing_added_changed_or_removed(root, fmt):
    assert import_powers(root, sheet(_sample()), "csv").ok
    exported = export_powers(root, fmt)
    report = import_powers(root, exported, fmt)
    assert report.ok, report.errors
    assert (report.added, report.changed, report.removed) == ([], [], [])
    assert report.unchanged == 4


def test_export_rows_carry_every_column_in_code_order(root):
    assert import_powers(root, sheet(_sample()), "csv").ok
    rows = export_rows(root)
    assert [row["code"] for row in rows] == sorted(row["code"] for row in _sample())
    assert rows[0]["sub_items"] == ["对个人的处罚", "对单位的处罚"]
    assert rows[0]["department"] == "gaj"
    assert "\n" in rows[3]["legal_basis"]

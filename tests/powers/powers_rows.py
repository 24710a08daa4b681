"""Rows of the powers-list tests (a module with its own name: every test folder has
a conftest.py, and ``from conftest import`` would pick any of them)."""

from zhengwu.powers.sheet import COLUMNS
from zhengwu.powers.sheet import write_sheet


def power_row(code="NS-GAJ-CF-0001", **values):
    """A valid spreadsheet row; ``values`` override columns."""
    _, department, category, _ = code.split("-")
    row = {
        "code": code,
        "name": f"对违反治安管理规定行为的处罚（{code}）",
        "category": category,
        "department": department.lower(),
        "sub_items": [],
        "legal_basis": "《中华人民共和国治安管理处罚法》第二十三条",
        "responsibilities": ["受理责任：依法受理。", "决定责任：依法作出决定。"],
        "accountability": "不履行或不正确履行职责的，依法追究责任。",
        "supervising_phone": "0755-26668888",
        "guide": "",
        "next_review": "",
    }
    row.update(values)
    assert set(row) == set(COLUMNS)
    return row


def sheet(rows, fmt="csv"):
    return write_sheet(rows, fmt)


LISTED = [
    power_row("NS-GAJ-CF-0001", name="对旅馆业经营者未按规定登记住宿旅客信息的处罚"),
    power_row("NS-GAJ-CF-0002", name="对违反大型群众性活动安全管理规定的处罚"),
    power_row("NS-GAJ-XK-0001", name="公章刻制业特种行业许可", guide="seal-engraving"),
    power_row("NS-JYJ-XK-0001", name="民办学校设立许可"),
    *(
        power_row(f"NS-SCJGJ-JC-{n:04d}", name=f"食品生产经营监督检查{n}")
        for n in range(1, 31)
    ),
]
DRAFT = power_row("NS-JYJ-XK-0002", name="校外培训机构设立许可（草稿）")
SITE_ADMIN = ("siteadmin", "site-admin-secret-1")
EDITOR = ("editor", "editor-secret-1")

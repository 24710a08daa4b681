"""Fixtures of the powers-list tests: the Nanshan Chinese root and sample rows."""

import pytest
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login

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
    }
    row.update(values)
    assert set(row) == set(COLUMNS)
    return row


def sheet(rows, fmt="csv"):
    return write_sheet(rows, fmt)


@pytest.fixture
def root(district):
    """The Chinese language root of Nanshan, as its admin."""
    login(district.getPhysicalRoot(), SITE_OWNER_NAME)
    return district["zh-cn"]

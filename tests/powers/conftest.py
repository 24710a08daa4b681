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
        "next_review": "",
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


@pytest.fixture
def live(acceptance):
    """The live server with a small published list (and one draft) in Nanshan."""
    import transaction
    from plone import api
    from zope.component.hooks import setSite

    from zhengwu.powers.importer import import_powers

    app = acceptance["app"]
    site = app["nanshan"]
    setSite(site)
    login(app, SITE_OWNER_NAME)
    root = site["zh-cn"]
    guide = api.content.create(
        container=root["gaj"],
        type="Guide",
        id="seal-engraving",
        title="公章刻制业特种行业许可证核发",
        service_code="11440305MB2C12345X4000000000",
    )
    api.content.transition(guide, to_state="published")
    assert import_powers(root, sheet(LISTED), "csv").ok
    # A draft added in the browser by an editor: the workflow's initial state.
    api.content.create(
        container=root["jyj"],
        type="PowerItem",
        id=DRAFT["code"].lower(),
        title=DRAFT["name"],
        power_code=DRAFT["code"],
        power_category=DRAFT["category"],
        legal_basis=DRAFT["legal_basis"],
    )
    for (username, password), role in (
        (SITE_ADMIN, "Site Administrator"),
        (EDITOR, "Editor"),
    ):
        api.user.create(
            email=f"{username}@example.org",
            username=username,
            password=password,
            roles=("Member", role),
        )
    transaction.commit()
    setSite(acceptance["portal"])
    return f"http://{acceptance['host']}:{acceptance['port']}/nanshan/zh-cn"

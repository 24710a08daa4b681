"""One item of every page type in both languages of the Nanshan site, made as the
site owner and committed; browsers for a visitor and the site owner."""

import datetime
from urllib.parse import urlencode

import pytest
import transaction
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.testing import SITE_OWNER_NAME
from plone.app.textfield.value import RichTextValue
from qa_helpers import approve
from qa_helpers import ask
from qa_helpers import citizen
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

DAY = datetime.date(2026, 9, 3)


def _text(words):
    return RichTextValue(f"<p>{words}</p>", "text/html", "text/x-html-safe")


def _make(container, type_, state="published", **fields):
    obj = api.content.create(container=container, type=type_, **fields)
    if state:
        api.content.transition(obj, to_state=state)
    return obj


def _english_department(site, dept):
    chinese = site["zh-cn"][dept]
    english = site["en"].get(dept) or _make(
        site["en"],
        "Department",
        id=dept,
        title=chinese.name_en,
        kind=chinese.kind,
        language="en",
    )
    manager = ITranslationManager(chinese)
    if not manager.has_translation("en"):
        manager.register_translation("en", english)
    return english


@pytest.fixture
def pages(site):
    """Path of each page type per language: {"zh-cn": {...}, "en": {...}}."""
    intids = getUtility(IIntIds)
    # Registration needs a configured mail host to show its form.
    api.portal.set_registry_record("plone.email_from_address", "noreply@example.org")
    api.portal.set_registry_record("plone.email_from_name", "南山区人民政府")
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        zh, gaj = site["zh-cn"], site["zh-cn"]["gaj"]
        guide = _make(
            gaj,
            "Guide",
            id="id-card",
            title="居民身份证申领",
            conditions="年满十六周岁的中国公民",
            situations=["首次申领", "补领"],
            process_steps=["取号", "领证"],
            statutory_limit=60,
        )
        strategy = _make(
            gaj,
            "Strategy",
            id="id-card-tips",
            title="身份证办理攻略",
            text=_text("先预约再去窗口。"),
            guide=RelationValue(intids.getId(guide)),
        )
        record = _make(
            gaj,
            "DisclosureRecord",
            state=None,
            id="budget",
            title="2026年部门预算",
            topic_category="budget",
            genre="report",
            text=_text("部门预算全文。"),
            written_date=DAY,
            publish_date=DAY,
        )
        api.content.transition(record, transition="submit")
        interpretation = _make(
            gaj,
            "PolicyInterpretation",
            id="budget-explained",
            title="一图读懂部门预算",
            text=_text("预算解读。"),
            interprets=RelationValue(intids.getId(record)),
        )
        entry = _make(
            zh["zsj"],
            "EncyclopediaEntry",
            id="yi-wang-tong-ban",
            title="一网通办",
            text=_text("一网通办是指……"),
        )
        news = _make(
            gaj,
            "News Item",
            id="hall-news",
            title="政务服务中心推出周六服务",
            text=_text("即日起周六办理。"),
        )
        power = _make(
            zh["jyj"],
            "PowerItem",
            state=None,
            id="power-1",
            title="民办学校设立审批",
            power_code="XK-001",
            power_category="行政许可",
            legal_basis="《民办教育促进法》",
        )
        asker = citizen("asker-lang")
        question = approve(ask(site, asker, "身份证丢了怎么补办", department="gaj"))
        en_gaj = _english_department(site, "gaj")
        en_guide = _make(
            en_gaj,
            "Guide",
            id="id-card",
            title="Resident Identity Card Application",
            language="en",
            conditions="Chinese citizens aged 16 or over",
            situations=["First application", "Replacement"],
            process_steps=["Take a number", "Collect the card"],
            statutory_limit=60,
        )
        en_news = _make(
            en_gaj,
            "News Item",
            id="hall-news",
            title="Service hall opens on Saturdays",
            language="en",
            text=_text("The hall now opens on Saturdays."),
        )
    transaction.commit()
    path = lambda obj: "/".join(obj.getPhysicalPath())  # noqa: E731
    public = {
        "zh-cn": {
            "homepage": "/nanshan/zh-cn",
            "resident homepage": "/nanshan/zh-cn/resident",
            "enterprise homepage": "/nanshan/zh-cn/enterprise",
            "tourist homepage": "/nanshan/zh-cn/tourist",
            "guide": path(guide),
            "strategy": path(strategy),
            "question": path(question),
            "interpretation": path(interpretation),
            "encyclopedia entry": path(entry),
            "department": path(gaj),
            "news": path(news),
            "search": "/nanshan/zh-cn/@@search?"
            + urlencode({"SearchableText": "身份证"}),
            "login": "/nanshan/zh-cn/login",
            "registration": "/nanshan/zh-cn/@@register",
        },
        "en": {
            "homepage": "/nanshan/en",
            "guide": path(en_guide),
            "department": path(en_gaj),
            "news": path(en_news),
            "section": "/nanshan/en/interaction/contact",
            "search": "/nanshan/en/@@search?SearchableText=card",
            "login": "/nanshan/en/login",
            "registration": "/nanshan/en/@@register",
        },
    }
    editor = {
        "zh-cn": {
            "disclosure record": path(record),
            "powers item": path(power),
            "guide edit form": path(guide) + "/edit",
            "workflow menu": path(guide),
            "history": path(record) + "/@@historyview",
            "folder contents": path(gaj) + "/folder_contents",
            "personal information": "/nanshan/zh-cn/@@personal-information",
            "my tasks": "/nanshan/zh-cn/@@my-tasks",
        },
        "en": {
            "guide edit form": path(en_guide) + "/edit",
            "workflow menu": path(en_guide),
            "history": path(en_guide) + "/@@historyview",
            "folder contents": path(en_gaj) + "/folder_contents",
            "personal information": "/nanshan/en/@@personal-information",
        },
    }
    return {"public": public, "editor": editor}

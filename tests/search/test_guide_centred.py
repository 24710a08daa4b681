"""Guide-centred results: a guide is found by every part of it and by what citizens
ask about it; a question thread is one result, grouped under its guide; powers items
and attachments come only when asked for."""

import json
import urllib.parse

import pytest
import transaction
from DateTime import DateTime
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.namedfile.file import NamedBlobFile
from plone.testing.zope import Browser
from publishing import publish_in_department
from qa_helpers import approve
from qa_helpers import ask
from qa_helpers import citizen
from qa_helpers import official_answer
from qa_helpers import staff
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.component.hooks import setSite
from zope.intid.interfaces import IIntIds

from zhengwu.search.typos import site as typo_site

ROOT = "/nanshan/zh-cn"
GUIDE = f"{ROOT}/gaj/gc-residence"


def _publish_answer(answer):
    for role in ("editor", "section", "leader"):
        with api.env.adopt_user(username=staff("gaj", role)):
            state = api.content.get_state(answer)
            transitions = [
                t["id"]
                for t in api.portal.get_tool("portal_workflow").getTransitionsFor(
                    answer
                )
            ]
            if state == "published" or not transitions:
                break
            api.content.transition(answer, transition=transitions[0])


@pytest.fixture
def content(functional, solr_server):
    app = functional["app"]
    guide = publish_in_department(
        app,
        "gaj",
        type_="Guide",
        id="gc-residence",
        title="深圳经济特区居住证申领",
        description="在本市居住的非本市户籍人员申领居住证。",
        service_code="GC-0001",
        also_known_as=["暂住证", "深圳居住证"],
        situations=["申领类型：首次申领 / 签注延期"],
        materials=[
            {
                "name": "房屋租赁凭证",
                "form": "copy",
                "count": 1,
                "medium": "paper",
                "source": "出租人",
                "situations": None,
                "note": None,
            }
        ],
        faqs=[{"question": "居住证有效期多久？", "answer": "有效期三年，逾期须签注。"}],
        process_steps=["社区工作站受理", "派出所审核"],
        legal_basis="《深圳经济特区居住证条例》",
    )
    publish_in_department(
        app,
        "gaj",
        type_="PowerItem",
        id="gc-power",
        title="深圳经济特区居住证申领",
        description="行政确认事项。",
    )
    site = app["nanshan"]
    setSite(site)
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        attachment = api.content.create(
            container=site["zh-cn"]["gaj"],
            type="File",
            id="gc-form",
            title="居住证申领登记表",
            file=NamedBlobFile(b"form", filename="gc-form.pdf"),
        )
    citizen("gc-asker")
    question = ask(
        site,
        "gc-asker",
        "外地人在深圳租房住要办什么证件",
        details="刚来深圳打工，房东说要去社区登记。",
        guide=RelationValue(getUtility(IIntIds).getId(guide)),
    )
    approve(question)
    answer = official_answer(
        question, text="请携带房屋租赁凭证到社区工作站办理流动人口登记。"
    )
    _publish_answer(answer)
    transaction.commit()
    yield {"app": app, "site": site, "question": question}
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(objects=[question, attachment])
    transaction.commit()
    solr_server.delete("nanshan", "id:gc-*")


def search(app, text, **extra):
    browser = Browser(app)
    browser.addHeader("Accept", "application/json")
    query = urllib.parse.urlencode({"SearchableText": text, **extra}, doseq=True)
    browser.open(f"http://nohost{ROOT}/@search?{query}")
    data = json.loads(browser.contents)
    return [urllib.parse.urlparse(item["@id"]).path for item in data["items"]]


@pytest.mark.parametrize(
    "text",
    [
        "暂住证",  # also known as
        "签注延期",  # a situation
        "房屋租赁凭证",  # a material
        "居住证有效期多久",  # a FAQ
        "社区工作站受理",  # a process step
        "外地人租房要办什么证件",  # what a citizen asked about it
    ],
)
def test_every_part_of_a_guide_finds_it_first(content, text):
    assert search(content["app"], text)[0] == GUIDE


def test_a_thread_is_one_result_grouped_under_its_guide(content):
    found = search(content["app"], "外地人在深圳租房住要办什么证件")
    assert found[0] == GUIDE
    question = "/".join(content["question"].getPhysicalPath())
    # the question is under its guide, its answer never a result of its own
    assert question not in found
    assert not any(path.startswith(question + "/") for path in found)


def test_a_thread_is_found_by_its_answer_and_listed_when_asked_for(content):
    question = "/".join(content["question"].getPhysicalPath())
    found = search(content["app"], "流动人口登记", portal_type="Question")
    assert found == [question]


def test_a_thread_found_by_its_own_words_brings_its_guide(content):
    """Words only the thread holds: its guide takes the thread's place, the thread
    is listed under it, and the answer is no result of its own."""
    browser = Browser(content["app"])
    browser.addHeader("Accept", "application/json")
    query = urllib.parse.urlencode(
        {"SearchableText": "流动人口登记", "metadata_fields": "zhengwu_related"}
    )
    browser.open(f"http://nohost{ROOT}/@search?{query}")
    items = json.loads(browser.contents)["items"]
    paths = [urllib.parse.urlparse(item["@id"]).path for item in items]
    question = "/".join(content["question"].getPhysicalPath())
    assert paths[0] == GUIDE
    related = [
        urllib.parse.urlparse(i["@id"]).path for i in items[0]["zhengwu_related"]
    ]
    assert related == [question]
    assert not any(path.startswith(question) for path in paths)


def test_a_thread_keeps_its_place_when_its_guide_is_not_visible(content):
    """The guide taking a thread's place is looked up with the visitor's rights:
    one anonymous visitors may not see never replaces the thread."""
    guide = content["site"].unrestrictedTraverse(GUIDE)
    question = "/".join(content["question"].getPhysicalPath())
    guide.expiration_date = DateTime() - 1  # expired: visitors no longer see it
    guide.reindexObject()
    transaction.commit()
    try:
        found = search(content["app"], "流动人口登记")
        assert found[0] == question
        assert GUIDE not in found
    finally:
        guide.expiration_date = None
        guide.reindexObject()
        transaction.commit()
    assert search(content["app"], "流动人口登记")[0] == GUIDE


def test_rest_results_carry_only_what_is_serialised(content):
    """@search reads back the summary's columns (and the ``metadata_fields`` asked
    for), never the long texts a guide stores for highlighting."""
    browser = Browser(content["app"])
    browser.addHeader("Accept", "application/json")
    query = urllib.parse.urlencode(
        {"SearchableText": "居住证申领", "metadata_fields": ["effective", "Subject"]},
        doseq=True,
    )
    browser.open(f"http://nohost{ROOT}/@search?{query}")
    first = json.loads(browser.contents)["items"][0]
    assert first["@id"].endswith(GUIDE)
    assert first["title"] == "深圳经济特区居住证申领"
    assert first["review_state"] == "published"
    assert first["effective"].startswith("20")
    assert "Subject" in first
    assert "SearchableText" not in first


def test_powers_and_attachments_rank_only_when_asked_for(content):
    plain = search(content["app"], "居住证申领")
    assert plain[0] == GUIDE
    assert plain.index(f"{ROOT}/gaj/gc-power") > plain.index(GUIDE)
    asked = search(content["app"], "居住证申领登记表下载")
    assert asked[0] == f"{ROOT}/gaj/gc-form"


def test_an_unpublished_answer_is_not_searchable(content):
    site = content["site"]
    setSite(site)
    citizen("gc-other")
    question = ask(site, "gc-other", "居住证签注要本人去吗")
    approve(question)
    official_answer(question, text="签注可以委托他人代办秘密词甲乙丙。")  # a draft
    transaction.commit()
    thread = "/".join(question.getPhysicalPath())
    try:
        found = search(content["app"], "秘密词甲乙丙")
        assert not [path for path in found if path.startswith(thread)], found
    finally:
        with api.env.adopt_roles(["Manager"]):
            api.content.delete(objects=[question])
        transaction.commit()


@pytest.mark.parametrize(
    "text",
    [
        "zanzhuzheng",  # the pinyin of an also-known-as name
        "zzz",  # its initials
        "fangwu zulin pingzheng",  # a pinyin sentence of a material's words
        "fangwuzulin pingzheng",
    ],
)
def test_pinyin_sentences_and_initials_of_other_names_find_the_guide(content, text):
    typo_site.forget()  # the index's words now include this test's guide
    typo_site.site_vocabulary(content["site"], wait=True)
    assert search(content["app"], text)[0] == GUIDE


def test_rest_items_carry_what_is_grouped_under_them(content):
    browser = Browser(content["app"])
    browser.addHeader("Accept", "application/json")
    query = urllib.parse.urlencode(
        {
            "SearchableText": "外地人在深圳租房住要办什么证件",
            "metadata_fields": "zhengwu_related",
        }
    )
    browser.open(f"http://nohost{ROOT}/@search?{query}")
    first = json.loads(browser.contents)["items"][0]
    question = "/".join(content["question"].getPhysicalPath())
    assert first["@id"].endswith(GUIDE)
    related = first["zhengwu_related"]
    assert [urllib.parse.urlparse(item["@id"]).path for item in related] == [question]
    assert related[0]["@type"] == "Question"


def test_the_search_page_lists_the_thread_under_its_guide(content):
    browser = Browser(content["app"])
    query = urllib.parse.urlencode({"SearchableText": "外地人在深圳租房住要办什么证件"})
    browser.open(f"http://nohost{ROOT}/@@search?{query}")
    page = browser.contents
    question = "/".join(content["question"].getPhysicalPath())
    assert page.count(f'{question}"') == 1  # one link, in the guide's result
    assert page.index(question) > page.index(GUIDE)


def test_the_stock_catalog_also_reads_the_whole_guide(content):
    """When Solr is down the catalog answers: it finds guides by their parts too."""
    assert GUIDE in search(content["app"], "房屋租赁凭证", search_backend="catalog")

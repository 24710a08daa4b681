"""The Zhengwu Solr configset, run on a real Solr (solr/, scripts/solr.py).

The first run builds Solr with Maven (~10 s with a warm ~/.m2); starting it
takes ~5 s.  One Solr serves the whole module and is always stopped.
"""

import json
import re
import shutil
import socket
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import solr_auth  # noqa: E402

import solr  # noqa: E402
from zhengwu.search import ranking  # noqa: E402

CORE = "nanshan"
CREDENTIALS = solr_auth.generate_credentials()  # the Solr of this module logs in too

DOCUMENTS = [
    {
        "UID": "id-card",
        "Title": "居民身份证申领",
        "Description": "首次申领居民身份证",
        "SearchableText": "居民身份证申领 到户籍所在地派出所办理",
        "allowedRolesAndUsers": ["Anonymous"],
        "path_string": "/nanshan/zh-cn/id-card",
        "path_parents": ["/nanshan", "/nanshan/zh-cn", "/nanshan/zh-cn/id-card"],
        "path_depth": 3,
        "portal_type": "Document",
        "review_state": "published",
        "title_pinyin": ["jumingshenfenzhengshenling", "shenfenzhengshenling"],
        "title_initials": ["jmsfzsl", "sfzsl"],
    },
    {
        "UID": "household",
        "Title": "户口迁移",
        "SearchableText": "户口迁移 迁入本区须提交材料",
        "allowedRolesAndUsers": ["Member"],
        "path_string": "/nanshan/zh-cn/household",
        "portal_type": "Document",
        "review_state": "private",
    },
    {
        "UID": "verification",
        "Title": "网上身份验证",
        "SearchableText": "网上身份验证服务。",
        "allowedRolesAndUsers": ["Anonymous"],
        "path_string": "/nanshan/zh-cn/verification",
        "portal_type": "Document",
        "review_state": "published",
    },
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def one_sentence(message: str) -> bool:
    return message.endswith(".") and not re.search(r"[.!?]\s", message)


@pytest.fixture(scope="module")
def solr_port(tmp_path_factory):
    """A real Solr with one core in a temporary home, stopped at the end."""
    solr.ensure_built()
    home = tmp_path_factory.mktemp("solr-home")
    solr.prepare_home(home, [CORE], CREDENTIALS)
    port = free_port()
    process = solr.start(home, port, home / "solr.log")
    try:
        solr.wait_until_ready(port, CORE, CREDENTIALS)
        post(port, DOCUMENTS)
        yield port
    finally:
        solr.stop(process.pid)


def get(port: int, path: str, **params) -> dict:
    query = urllib.parse.urlencode({**params, "wt": "json"}, doseq=True)
    url = f"http://127.0.0.1:{port}/solr/{CORE}/{path}?{query}"
    request = urllib.request.Request(url, headers=CREDENTIALS.headers())
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def post(port: int, documents: list[dict]) -> None:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/solr/{CORE}/update?commit=true",
        data=json.dumps(documents).encode(),
        headers={"Content-Type": "application/json", **CREDENTIALS.headers()},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200


def found(port: int, q: str) -> list[str]:
    docs = get(port, "select", q=q, fl="UID")["response"]["docs"]
    return sorted(doc["UID"] for doc in docs)


def searched(port: int, text: str) -> list[str]:
    """What the portal's own query (src/zhengwu/search/ranking.py) finds."""
    fields = set(ranking.TEXT_FIELDS) | set(ranking.PINYIN_FIELDS)
    params = ranking.text_query(text, fields | {"title_exact", "popularity"})
    docs = get(port, "select", fl="UID", **params)["response"]["docs"]
    return sorted(doc["UID"] for doc in docs)


# The core and collective.solr ----------------------------------------------


def test_core_loads_and_answers_ping(solr_port):
    assert get(solr_port, "admin/ping")["status"] == "OK"
    assert solr.document_count(solr_port, CORE, CREDENTIALS) == len(DOCUMENTS)


def test_collective_solr_can_read_the_schema(solr_port):
    from collective.solr.parser import SolrSchema

    url = f"http://127.0.0.1:{solr_port}/solr/{CORE}/admin/file/?file=schema.xml"
    request = urllib.request.Request(url, headers=CREDENTIALS.headers())
    with urllib.request.urlopen(request, timeout=10) as response:
        schema = SolrSchema(response.read().decode("utf-8"))
    assert schema.uniqueKey == "UID"
    for name in ("path_string", "path_parents", "path_depth", "allowedRolesAndUsers"):
        assert name in schema
    for field in schema.fields:
        assert {"indexed", "stored", "multiValued"} <= set(field), field.name


def test_atomic_update_keeps_the_other_fields(solr_port):
    post(solr_port, [{"UID": "verification", "Subject": {"set": ["证件"]}}])
    assert found(solr_port, "Subject:证件 AND SearchableText:验证") == ["verification"]


# Chinese analysis ------------------------------------------------------------


def test_simplified_query_finds_simplified_text(solr_port):
    assert found(solr_port, "SearchableText:身份证") == ["id-card"]


def test_traditional_query_finds_simplified_text(solr_port):
    assert found(solr_port, "SearchableText:身份證") == ["id-card"]
    assert found(solr_port, "Title:戶口遷移") == ["household"]


def test_punctuation_only_query_matches_nothing(solr_port):
    assert found(solr_port, "SearchableText:(，。！)") == []
    assert searched(solr_port, "，。！？") == []


def test_managed_synonym_户籍_finds_户口(solr_port):
    assert found(solr_port, "Title:户籍") == ["household"]


def test_portal_query_tolerates_traditional_and_extra_words(solr_port):
    assert "id-card" in searched(solr_port, "身份證補領")


def test_pinyin_prefix_and_initials_find_the_title(solr_port):
    assert found(solr_port, "title_pinyin:shenf") == ["id-card"]
    assert found(solr_port, "title_initials:sfz") == ["id-card"]
    assert found(solr_port, "title_pinyin:JUMIN") == ["id-card"]


def test_title_prefix_matches_the_start_of_any_word_of_the_title(solr_port):
    assert found(solr_port, "title_prefix:身份") == ["id-card", "verification"]
    assert found(solr_port, "title_prefix:身") == ["id-card", "verification"]
    assert found(solr_port, "title_prefix:申领") == ["id-card"]
    assert found(solr_port, "title_prefix:居民身份证申领") == ["id-card"]


def test_title_prefix_normalises_traditional_characters(solr_port):
    assert found(solr_port, "title_prefix:身份證") == ["id-card"]
    assert found(solr_port, "title_prefix:戶口") == ["household"]


def test_title_prefix_needs_consecutive_characters(solr_port):
    assert found(solr_port, "title_prefix:身证") == []
    assert found(solr_port, "title_prefix:id") == []


def test_title_exact_is_the_whole_title_without_punctuation(solr_port):
    def exact(text):
        return found(solr_port, "{!field f=title_exact}" + text)

    assert exact("居民身份证申领") == ["id-card"]
    assert exact("居民身份證 申領。") == ["id-card"]
    assert exact("《居民身份证申领》") == ["id-card"]
    assert exact("居民身份证") == []
    assert exact("，。") == []


def test_popularity_is_set_alone_and_keeps_the_document(solr_port):
    post(solr_port, [{"UID": "id-card", "popularity": {"set": 12}}])
    docs = get(solr_port, "select", q="title_prefix:身份", fl="UID,popularity,Title")
    by_uid = {doc["UID"]: doc for doc in docs["response"]["docs"]}
    assert by_uid["id-card"]["popularity"] == 12
    assert by_uid["id-card"]["Title"] == "居民身份证申领"
    assert "popularity" not in by_uid["verification"]
    ranked = get(solr_port, "select", q="*:*", sort="popularity desc", fl="UID")
    assert ranked["response"]["docs"][0]["UID"] == "id-card"


def test_category_and_year_are_facets(solr_port):
    post(
        solr_port,
        [
            {"UID": "household", "category": {"set": ["行政确认"]}},
            {"UID": "household", "year": {"set": 2025}},
        ],
    )
    facets = get(
        solr_port,
        "select",
        q="*:*",
        rows=0,
        facet="true",
        **{"facet.field": ["category", "year"]},
    )["facet_counts"]["facet_fields"]
    assert facets["category"] == ["行政确认", 1]
    assert facets["year"] == ["2025", 1]


# scripts/solr.py --------------------------------------------------------------


def test_busy_port_is_refused_in_one_sentence(tmp_path):
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        with pytest.raises(solr.SolrError) as error:
            solr.start(tmp_path, port, tmp_path / "solr.log")
    message = str(error.value)
    assert message == (
        f"Port {port} is already in use: stop what uses it or set "
        "ZHENGWU_SOLR_PORT to a free port."
    )
    assert one_sentence(message)


def test_missing_java_is_explained_in_one_sentence(tmp_path, monkeypatch):
    real_which = shutil.which
    monkeypatch.setattr(
        solr.shutil, "which", lambda name: None if name == "java" else real_which(name)
    )
    for attempt in (
        solr.ensure_built,
        lambda: solr.start(tmp_path, free_port(), tmp_path / "solr.log"),
    ):
        with pytest.raises(solr.SolrError) as error:
            attempt()
        assert "Java 17 is needed" in str(error.value)
        assert "apt-get install openjdk-17-jre-headless" in str(error.value)
        assert one_sentence(str(error.value))


def test_prepare_home_keeps_synonyms_that_editors_changed(tmp_path):
    solr.prepare_home(tmp_path, ["yantian"], CREDENTIALS)
    conf = tmp_path / "yantian" / "conf"
    synonyms = conf / "_schema_analysis_synonyms_zh.json"
    synonyms.write_text('{"managedMap": {"低保": ["低保", "最低生活保障"]}}')
    (conf / "schema.xml").write_text("<schema/>")

    solr.prepare_home(tmp_path, ["yantian"], CREDENTIALS)

    assert "最低生活保障" in synonyms.read_text()
    assert (conf / "schema.xml").read_text() == (
        solr.CONFIGSET / "schema.xml"
    ).read_text()
    assert (tmp_path / "yantian" / "core.properties").read_text() == "name=yantian\n"


def test_a_solr_that_dies_while_starting_points_to_its_log(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHENGWU_SOLR_HEAP", "not-a-size")
    solr.prepare_home(tmp_path, [CORE], CREDENTIALS)
    port = free_port()
    process = solr.start(tmp_path, port, tmp_path / "solr.log")
    try:
        with pytest.raises(solr.SolrError) as error:
            solr.wait_until_ready(port, CORE, CREDENTIALS, timeout=30)
    finally:
        solr.stop(process.pid)
    assert str(tmp_path / "solr.log") in str(error.value)
    assert one_sentence(str(error.value))

"""English analysis on a real Solr: stemming, US/UK spellings and the shared English
synonyms (field type text_en, Title_en and SearchableText_en), searched as the portal
searches an English query; Chinese and pinyin queries are searched as before.

One Solr with one core serves the module (~5 s to start) and is always stopped.
"""

import json
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import processes  # noqa: E402
import solr_auth  # noqa: E402

import solr  # noqa: E402
from zhengwu.search import english  # noqa: E402
from zhengwu.search import ranking  # noqa: E402
from zhengwu.search.curation.english import english_synonym_map  # noqa: E402
from zhengwu.search.curation.english import load_english  # noqa: E402

CORE = "nanshan"
CREDENTIALS = solr_auth.generate_credentials()
SHARED = ROOT / "profiles" / "common" / "search-en.toml"
# The fields of the schema the portal's query may use.
FIELDS = (
    set(ranking.TEXT_FIELDS)
    | set(ranking.PHRASE_FIELDS)
    | set(ranking.PINYIN_FIELDS)
    | set(english.TEXT_FIELDS)
    | {"title_exact"}
)

PAGES = {
    "driving-uk": (
        "Renewing a driving licence",
        "Renew your driving licence at the vehicle administration office.",
    ),
    "business-us": (
        "Business license",
        "A new company applies for its business license online.",
    ),
    "residence": (
        "Residence permits for foreigners",
        "Foreigners living in Shenzhen apply at the exit-entry administration.",
    ),
    "hukou": (
        "Household registration transfer",
        "Move your household registration into the district.",
    ),
    "renting": (
        "Renting an apartment",
        "Register the tenancy agreement with the subdistrict office.",
    ),
    "customs": ("Customs declaration", "Declare goods at the port."),
    "police": ("Police clearance", "The public security bureau issues it."),
    "policy": ("Housing policy", "What the district's housing policy says."),
    "id-card": ("居民身份证申领", "居民身份证申领 到户籍所在地派出所办理"),
    "household": ("户口迁移", "户口迁移 迁入本区须提交材料"),
}


def _call(port, path, data=None, method=None):
    request = urllib.request.Request(  # noqa: S310
        f"http://127.0.0.1:{port}/solr/{path}",
        data=None if data is None else json.dumps(data).encode(),
        headers={"Content-Type": "application/json", **CREDENTIALS.headers()},
        method=method,
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return json.load(response)


@pytest.fixture(scope="module")
def solr_port(tmp_path_factory):
    """A real Solr with the pages and the shared English synonyms, stopped at the
    end."""
    solr.ensure_built()
    home = tmp_path_factory.mktemp("solr-home")
    solr.prepare_home(home, [CORE], CREDENTIALS)
    port = processes.free_port()
    process = solr.start(home, port, home / "solr.log")
    try:
        solr.wait_until_ready(port, CORE, CREDENTIALS)
        wanted = english_synonym_map(load_english(SHARED))
        _call(port, f"{CORE}/schema/analysis/synonyms/en", wanted, "PUT")
        _call(port, f"admin/cores?action=RELOAD&core={CORE}&wt=json")
        documents = [
            {
                "UID": uid,
                "Title": title,
                "SearchableText": f"{title} {text}",
                "allowedRolesAndUsers": ["Anonymous"],
                "portal_type": "Guide",
            }
            for uid, (title, text) in PAGES.items()
        ]
        _call(port, f"{CORE}/update?commit=true", documents)
        yield port
    finally:
        solr.stop(process.pid)


def portal_params(text):
    """The portal's query for ``text``: ranking.text_query with the English fields of
    english.english_fields (added here too while ranking does not add them itself)."""
    params = ranking.text_query(text, FIELDS)
    qf, pf = english.english_fields(text, FIELDS)
    for key, extra in (("zw_qf", qf), ("zw_pf", pf)):
        missing = {
            name: w for name, w in extra.items() if f"{name}^" not in params[key]
        }
        if missing:
            params[key] = f"{params[key]} {ranking._weighted(missing)}".strip()
    return params


def searched(port, text):
    """The UIDs the portal's query for ``text`` finds, best first."""
    query = urllib.parse.urlencode({**portal_params(text), "fl": "UID", "wt": "json"})
    docs = _call(port, f"{CORE}/select?{query}")["response"]["docs"]
    return [doc["UID"] for doc in docs]


def found(port, field, text):
    """The UIDs a query for ``text`` in ``field`` alone finds, sorted."""
    query = urllib.parse.urlencode(
        {"q": text, "defType": "edismax", "qf": field, "sow": "false", "wt": "json"}
    )
    return sorted(
        d["UID"] for d in _call(port, f"{CORE}/select?{query}")["response"]["docs"]
    )


def tokens(port, text, query=False):
    """The terms text_en makes of ``text`` (at query time with ``query``)."""
    key = "analysis.query" if query else "analysis.fieldvalue"
    params = urllib.parse.urlencode(
        {"analysis.fieldtype": "text_en", key: text, "wt": "json"}
    )
    analysis = _call(port, f"{CORE}/analysis/field?{params}")["analysis"]
    steps = analysis["field_types"]["text_en"]["query" if query else "index"]
    return [token["text"] for token in steps[-1]] if steps else []


# Spellings and stemming --------------------------------------------------------


def test_licence_finds_a_page_that_says_license_and_back(solr_port):
    assert searched(solr_port, "business licence") == ["business-us"]
    assert searched(solr_port, "driving license") == ["driving-uk"]
    assert set(searched(solr_port, "licence")) == {"driving-uk", "business-us"}


def test_renewing_finds_renew_and_renew_finds_renewing(solr_port):
    assert found(solr_port, "SearchableText_en", "renewing") == ["driving-uk"]
    assert found(solr_port, "Title_en", "renew") == ["driving-uk"]
    assert tokens(solr_port, "renewing renewed renews") == ["renew"] * 3


def test_plurals_find_the_singular_and_back(solr_port):
    assert found(solr_port, "Title_en", "residence permit") == ["residence"]
    assert found(solr_port, "Title_en", "apartments") == ["renting"]
    assert set(searched(solr_port, "licences")) == {"driving-uk", "business-us"}
    assert tokens(solr_port, "policies qualifications") == ["policy", "qualification"]


def test_stemming_keeps_apart_words_that_mean_different_things(solr_port):
    assert found(solr_port, "SearchableText_en", "policy") == ["policy"]
    assert found(solr_port, "SearchableText_en", "police") == ["police"]
    assert found(solr_port, "SearchableText_en", "custom") == []
    assert tokens(solr_port, "customs news goods") == ["customs", "news", "goods"]


def test_full_width_letters_possessives_and_accents_are_folded(solr_port):
    assert tokens(solr_port, "ＬＩＣＥＮＣＥ driver's Résumé") == [
        "licence",
        "driver",
        "resume",
    ]
    assert searched(solr_port, "ＢＵＳＩＮＥＳＳ ＬＩＣＥＮＣＥ") == ["business-us"]


def test_han_characters_are_left_to_the_chinese_fields(solr_port):
    assert tokens(solr_port, "居民身份证 ID card") == ["id", "card"]
    assert found(solr_port, "SearchableText_en", "身份证") == []


# Synonyms -------------------------------------------------------------------------


def test_a_synonym_group_finds_the_other_terms(solr_port):
    assert searched(solr_port, "hukou") == ["hukou"]
    assert searched(solr_port, "rent a flat") == ["renting"]
    assert searched(solr_port, "residence card") == ["residence"]
    assert searched(solr_port, "foreigner") == ["residence"]
    assert searched(solr_port, "no criminal record certificate") == ["police"]


def test_the_plural_of_a_synonym_expands_too(solr_port):
    assert searched(solr_port, "flats") == ["renting"]
    assert searched(solr_port, "residence cards") == ["residence"]


def test_synonyms_apply_to_queries_only(solr_port):
    assert tokens(solr_port, "flat") == ["flat"]
    assert sorted(tokens(solr_port, "flat", query=True)) == ["apartment", "flat"]


# Chinese and pinyin queries -------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["身份证", "户籍", "身份證補領", "shenfenzheng", "sfz"]
)
def test_chinese_and_pinyin_queries_are_searched_as_before(solr_port, text):
    params = portal_params(text)
    assert params == ranking.text_query(text, FIELDS)
    assert "_en" not in params["zw_qf"] + params["zw_pf"]


def test_chinese_queries_still_find_the_chinese_pages(solr_port):
    assert searched(solr_port, "身份证") == ["id-card"]
    assert searched(solr_port, "户口迁移")[0] == "household"

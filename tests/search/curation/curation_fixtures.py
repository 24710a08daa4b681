"""Users, pages and Solr queries of the curation tests (a module with its own name:
``from conftest import`` would pick any test folder's conftest)."""

import json
import urllib.parse
import urllib.request

from layers import solr_request

SITE_ADMIN = ("curation-admin", "curation-admin-secret-1")
DEPARTMENT_EDITOR = ("gaj-writer", "gaj-writer-secret-1")
RESIDENCE_TITLE = "深圳经济特区居住证申领"
COMPANY_TITLE = "企业设立登记（营业执照）"


def solr_uids(port, text, **params):
    """UIDs of the nanshan documents that a full-text Solr query for ``text`` finds
    (``params``: more select parameters, e.g. ``fq``)."""
    query = urllib.parse.urlencode(
        {"q": text, "df": "SearchableText", "fl": "UID", "rows": 100, "wt": "json"}
        | params
    )
    url = f"http://127.0.0.1:{port}/solr/nanshan/select?{query}"
    with urllib.request.urlopen(solr_request(url), timeout=10) as response:
        return {doc["UID"] for doc in json.load(response)["response"]["docs"]}


def solr_synonyms(port):
    """The nanshan core's managed synonym map ``zh``."""
    url = f"http://127.0.0.1:{port}/solr/nanshan/schema/analysis/synonyms/zh?wt=json"
    with urllib.request.urlopen(solr_request(url), timeout=10) as response:
        return json.load(response)["synonymMappings"]["managedMap"]

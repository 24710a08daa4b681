"""Files reach Solr with the text Plone extracts, without Solr Cell (no 404s)."""

import json
import logging
import urllib.parse
import urllib.request

import transaction
from layers import solr_request
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.namedfile.file import NamedBlobFile
from zope.component.hooks import setSite


def solr_doc(port, uid):
    query = urllib.parse.urlencode({"q": f"UID:{uid}", "wt": "json"})
    url = f"http://127.0.0.1:{port}/solr/nanshan/select?{query}"
    with urllib.request.urlopen(solr_request(url), timeout=10) as response:
        docs = json.load(response)["response"]["docs"]
    return docs[0] if docs else None


def test_a_text_file_is_indexed_with_its_text(functional, solr_server, caplog):
    app = functional["app"]
    site = app["nanshan"]
    setSite(site)
    caplog.set_level(logging.WARNING, logger="collective.solr.indexer")
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        obj = api.content.create(
            container=site["zh-cn"]["gaj"],
            type="File",
            id="notice-file",
            title="办证须知附件",
            file=NamedBlobFile(
                "居民身份证补领须携带户口簿。".encode(),
                contentType="text/plain",
                filename="notice.txt",
            ),
        )
    transaction.commit()
    try:
        doc = solr_doc(solr_server.port, obj.UID())
        assert doc is not None
        assert doc["Title"] == "办证须知附件"
        assert "户口簿" in doc["SearchableText"]
        assert not [r for r in caplog.records if "Not Found" in r.getMessage()]
    finally:
        solr_server.delete("nanshan", f"UID:{obj.UID()}")

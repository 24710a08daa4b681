"""``GET @suggest?q=&limit=``: title suggestions for the search box.

What the current user may see, in the language of the folder asked
(``search/suggest.py``). While Solr is down the answer is an empty list, flagged
like a catalog-fallback search: the catalog has no prefix index fit for Chinese,
and a search box must stay fast.
"""

from plone.restapi.services import Service

from zhengwu.search.browser.labels import fti_title
from zhengwu.search.fallback import HEADER
from zhengwu.search.solr.select import SolrUnavailable
from zhengwu.search.suggest import MAX_QUERY_LENGTH
from zhengwu.search.suggest import parse_limit
from zhengwu.search.suggest import suggested_docs
from zhengwu.services.errors.answer import error_answer


class Suggest(Service):
    """Suggestions for the search box, fast and permission-safe."""

    def reply(self):
        text = " ".join(str(self.request.form.get("q") or "").split())
        limit = parse_limit(self.request.form.get("limit"))
        if not text or limit is None:
            return error_answer(
                self.request,
                400,
                "Give the text typed so far as ?q=… and, optionally, ?limit=1…20.",
            )
        text = text[:MAX_QUERY_LENGTH]
        try:
            docs = suggested_docs(self.context, text, limit)
        except SolrUnavailable:
            self.request.response.setHeader(HEADER, "catalog-fallback")
            return {"query": text, "items": []}
        return {"query": text, "items": [self.item(doc) for doc in docs]}

    def item(self, doc):
        portal_type = doc.get("portal_type") or ""
        return {
            "@id": self.request.physicalPathToURL(doc.get("path_string") or ""),
            "title": doc.get("Title") or "",
            "type": portal_type,
            "type_title": fti_title(self.context, self.request, portal_type),
            "service_code": doc.get("service_code"),
        }

"""Solr's answer shaped like the catalog's results, and the titles it leads with."""

from collective.solr.interfaces import IFlare
from collective.solr.utils import padResults
from Missing import MV
from plone.restapi.interfaces import IJSONSummarySerializerMetadata
from zope.component import queryMultiAdapter
from zope.interface import implementer


def as_catalog_results(response, request, stored, params):
    """Turn the Solr documents into flares the way collective.solr's
    ``solrSearchResults`` does: adapted for the request, every stored field present
    (Missing.Value when empty), padded to the number found for batching."""
    results = response.results()
    for index, flare in enumerate(results):
        for name in stored.difference(flare):
            flare[name] = MV
        adapted = queryMultiAdapter((flare, request), IFlare)
        results[index] = adapted if adapted is not None else flare
    padResults(results, start=params.get("start", 0))


def first_titles(results, count=10):
    """The titles of the first ``count`` results (flares or catalog brains)."""
    titles = []
    for result in results[:count]:
        title = getattr(result, "Title", None)
        if title is None and hasattr(result, "get"):
            title = result.get("Title")
        if isinstance(title, str):
            titles.append(title)
    return titles


def related_items(response):
    """{group key: [{"path", "title", "portal_type"}, …]} of the documents Solr's
    expand component grouped under each result (ranking.GROUPED_ITEMS)."""
    expanded = getattr(response, "expanded", None) or {}
    related = {}
    for key, docs in expanded.items():
        items = []
        for doc in docs or ():
            path = doc.get("path_string")
            if isinstance(path, str) and path:
                items.append(
                    {
                        "path": path,
                        "title": str(doc.get("Title") or doc.get("id") or ""),
                        "portal_type": str(doc.get("portal_type") or ""),
                    }
                )
        if items:
            related[str(key)] = items
    return related


# The key of a result's grouped items in plone.restapi's ``@search`` (asked for with
# ``metadata_fields=zhengwu_related``).
RELATED = "zhengwu_related"


def attach_related(results, related, request):
    """Give each result flare its grouped items as ``zhengwu_related``:
    [{"@id", "title", "@type"}, …] (empty for a result with none)."""
    for flare in results:
        if flare is None or not hasattr(flare, "get"):
            continue
        key = flare.get("group_key") or flare.get("UID")
        flare[RELATED] = [
            {
                "@id": request.physicalPathToURL(entry["path"]),
                "title": entry["title"],
                "@type": entry["portal_type"],
            }
            for entry in related.get(key, ())
        ]


@implementer(IJSONSummarySerializerMetadata)
class RelatedMetadata:
    """``zhengwu_related`` may be asked for in ``metadata_fields`` (it is no
    catalog metadata: only Zhengwu's Solr results carry it)."""

    def default_metadata_fields(self):
        return set()

    def field_accessors(self):
        return {}

    def non_metadata_attributes(self):
        return {RELATED}

    def blocklisted_attributes(self):
        return set()

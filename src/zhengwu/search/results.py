"""Solr's answer shaped like the catalog's results, and the titles it leads with."""

from collective.solr.interfaces import IFlare
from collective.solr.utils import padResults
from Missing import MV
from plone.restapi.interfaces import IJSONSummarySerializerMetadata
from plone.restapi.serializer.summary import merge_serializer_metadata_utilities_data
from zope.component import queryMultiAdapter
from zope.interface import implementer

from zhengwu.search.request import asked_metadata_fields
from zhengwu.search.request import is_rest_search

# What a result needs beside the catalog's metadata columns: its path (getURL),
# its group and its relevance.
RESULT_FIELDS = ("UID", "path_string", "group_key", "portal_type", "score")


def result_fields(catalog, stored, request=None):
    """The fields Solr returns for a result: not the long texts stored for
    highlighting (a guide's parts, ``SearchableText``), whose reading back cost more
    than the search itself, but the catalog's metadata columns Solr stores (what a
    brain holds) and ``RESULT_FIELDS``.

    ``@search`` serialises only its summary fields and the ``metadata_fields`` the
    client names: for it, only those columns (dates are the dearest to read).
    """
    columns = set(catalog.schema()) & set(stored)
    wanted = summary_columns(request)
    if wanted is not None:
        columns &= wanted
    return sorted(columns.union(RESULT_FIELDS))


def summary_columns(request):
    """The metadata columns plone.restapi's summary serialiser reads for the
    ``@search`` of ``request`` (None for every other caller, or ``_all``)."""
    if not is_rest_search(request):
        return None
    asked = asked_metadata_fields(request)
    if "_all" in asked:
        return None
    metadata = merge_serializer_metadata_utilities_data()
    accessors = metadata["field_accessors"]
    names = set(metadata["default_metadata_fields"]).union(asked)
    return {accessors.get(name, name) for name in names}


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

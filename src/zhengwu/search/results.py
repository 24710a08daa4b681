"""Solr's answer shaped like the catalog's results, and the titles it leads with."""

from collective.solr.interfaces import IFlare
from collective.solr.utils import padResults
from Missing import MV
from zope.component import queryMultiAdapter


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

"""What a search request asks for: its words, its page, its own typo correction.

Read from the form of the HTTP request (or the catalog query's keywords) by the
search service, the catalog fallback and the search page.
"""

import re

from plone.restapi.batching import DEFAULT_BATCH_SIZE
from plone.restapi.services.search.get import SearchGet
from zope.publisher.interfaces.http import IHTTPRequest

_WILDCARD = re.compile(r"\*+(?=\s|$)")


def arguments(request, keywords):
    """The query as collective.solr's ``solrSearchResults`` reads it: the form of an
    HTTP request (or a dict) overridden by the keywords."""
    if IHTTPRequest.providedBy(request):
        args = dict(request.form)
    elif isinstance(request, dict):
        args = dict(request)
    else:
        args = {}
    args.update(keywords)
    return args


def query_text(value):
    """The words of a ``SearchableText`` argument (a string or ``{"query": …}``).

    Plone's search page hands ZCTextIndex syntax (``身份證* AND 补领*``, see
    ``plone.base.utils.munge_search_term``): Solr analyses the words itself, and a
    wildcard term would skip that analysis (no traditional → simplified, no
    segmentation), so the syntax is taken off again.
    """
    if isinstance(value, dict):
        value = value.get("query", "")
    if isinstance(value, (list, tuple)):
        value = " ".join(str(part) for part in value)
    text = str(value or "")
    text = text.replace(" AND ", " ").replace('"("', "(").replace('")"', ")")
    text = _WILDCARD.sub("", text)
    return " ".join(text.split())


def typed_text(request, text):
    """The visitor's own words when ``text`` comes from the request's form."""
    form = getattr(request, "form", None) or {}
    typed = form.get("SearchableText")
    if isinstance(typed, str) and query_text(typed) == text:
        return typed.strip()
    return text


def rest_window(request):
    """(start, rows) of the page plone.restapi's ``@search`` will serialise, or None.

    Without a batch size collective.solr fetches every match (``max_results``);
    ``@search`` only reads one batch of ``b_size`` (default 25) from ``b_start``.
    """
    if not is_rest_search(request):
        return None
    form = request.form
    try:
        start = max(int(form.get("b_start", 0)), 0)
        rows = max(int(form.get("b_size", DEFAULT_BATCH_SIZE)), 1)
    except (TypeError, ValueError):
        return None
    return start, rows


def is_rest_search(request):
    """Is ``request`` plone.restapi's ``@search``?"""
    return request is not None and isinstance(request.get("PUBLISHED"), SearchGet)


def asked_metadata_fields(request):
    """The ``metadata_fields`` a REST client names (a list, maybe empty)."""
    form = getattr(request, "form", None) or {}
    fields = form.get("metadata_fields") or []
    return [fields] if isinstance(fields, str) else list(fields)


def correction_declined(request):
    """Did the visitor ask for their own words (``no_correct=1``, the "search for
    the original instead" link of the did-you-mean banner)?"""
    form = getattr(request, "form", None) or {}
    return form.get("no_correct") in ("1", "true", "on")


def wants_related(request, args):
    """Does the search show the items grouped under each result: the search page
    (it asks for snippets) or a REST client asking for ``zhengwu_related``?"""
    if str(args.get("hl", "")).lower() == "true":
        return True
    fields = asked_metadata_fields(request)
    return "zhengwu_related" in fields or "_all" in fields

"""Check every request's batch and query parameters before anything is queried.

An ``IPubAfterTraversal`` subscriber for the Zhengwu browser layer, so stock
endpoints and views (plone.restapi's ``@search``, Plone's listings) are bounded
too. Over REST an out-of-bounds value answers a JSON 400 with a message; a page
answers 400 for an absurd batch and cuts an over-long search text, as the search
page always did.
"""

import json

from plone.rest.interfaces import IAPIRequest

from zhengwu.bounds import limits
from zhengwu.interfaces import IZhengwuLayer

# A search's text: over REST too long a text is refused (400), a page cuts it.
TEXT_PARAMETERS = ("SearchableText",)
# The search box's text: its services cut it (``@suggest`` keeps 50), and so does
# this check, before it reaches Solr.
CUT_PARAMETERS = ("q",)
# Plone's own sort_limit becomes Solr's rows: as bounded as a batch's end.
MAX_SORT_LIMIT = limits.MAX_B_START + limits.MAX_B_SIZE


def _json_object(request):
    """The request's JSON body when it is an object, else {} (services say why)."""
    content_type = request.getHeader("Content-Type") or ""
    if "json" not in content_type:
        return {}
    try:
        data = json.loads(request.get("BODY") or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def check_batch(values):
    """Refuse out-of-bounds ``b_start``, ``b_size`` and ``sort_limit`` of a form."""
    limits.batch_start(values)
    limits.batch_size(values, limits.MAX_B_SIZE)
    limits.whole_number(values.get("sort_limit"), "sort_limit", None, 1, MAX_SORT_LIMIT)


def _too_large(value, highest):
    try:
        return int(value) > highest
    except (TypeError, ValueError):
        return False


def check_page_batch(form):
    """Refuse absurd batches of a page; the pages themselves read a broken or
    negative ``b_start`` as the first page (or say it is broken)."""
    maxima = {
        "b_start": limits.MAX_B_START,
        "b_size": limits.MAX_B_SIZE,
        "sort_limit": MAX_SORT_LIMIT,
    }
    if any(_too_large(form.get(name), top) for name, top in maxima.items()):
        check_batch(form)


def _shorten_texts(request, names):
    for name in names:
        value = request.form.get(name)
        if isinstance(value, str) and len(value) > limits.MAX_QUERY_LENGTH:
            request.form[name] = value[: limits.MAX_QUERY_LENGTH]
            if name in request.other:
                request.other[name] = request.form[name]


def check_request(event):
    """IPubAfterTraversal: bound what the visitor asked for."""
    request = event.request
    if not IZhengwuLayer.providedBy(request):
        return
    if IAPIRequest.providedBy(request):
        check_batch(request.form)
        check_batch(_json_object(request))
        for name in TEXT_PARAMETERS:
            limits.query_text(request.form.get(name), name)
        _shorten_texts(request, CUT_PARAMETERS)
    else:
        check_page_batch(request.form)
        _shorten_texts(request, TEXT_PARAMETERS + CUT_PARAMETERS)

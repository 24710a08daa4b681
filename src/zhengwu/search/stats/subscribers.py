"""After each request: count a page open (and note it in the visit, when search
results referred it), fold the counts when it is time.

Run by ``zhengwu.after_request`` once the request's own transaction committed, so
a fold is a transaction of its own and never makes the visitor's request fail.
"""

from Acquisition import aq_inner

from zhengwu.search.stats import record_open
from zhengwu.search.stats.fold import fold_due
from zhengwu.search.stats.fold import fold_now
from zhengwu.search.stats.visits import note_open

# The pages whose opens make them popular in search (content citizens read).
COUNTED_TYPES = frozenset(
    (
        "Guide",
        "Strategy",
        "EncyclopediaEntry",
        "PolicyInterpretation",
        "DisclosureRecord",
        "News Item",
        "Document",
        "Question",
    )
)
# Set by @@search-stats-fold: fold after this request whatever the interval.
FOLD_REQUESTED = "zhengwu.search.stats.fold"


def opened_page(request):
    """The content item whose default view this request showed, or None."""
    if request.get("REQUEST_METHOD") != "GET" or request.response.getStatus() != 200:
        return None
    view = request.get("PUBLISHED")
    context = aq_inner(getattr(view, "context", None))
    if getattr(context, "portal_type", None) not in COUNTED_TYPES:
        return None
    layout = getattr(context, "getLayout", lambda: None)()
    if getattr(view, "__name__", None) not in ("view", layout):
        return None
    return context


def count_and_fold(site, request):
    """After a request: count the opened page; fold the site's counts when due."""
    page = opened_page(request)
    if page is not None:
        record_open(site, page.UID())
        note_open(site, request, page)
    if request.get(FOLD_REQUESTED) or fold_due(site):
        fold_now(site)

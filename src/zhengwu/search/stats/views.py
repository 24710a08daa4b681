"""Hot searches for citizens, the search report for editors (with the mined
synonyms to accept or dismiss), a fold on demand."""

import urllib.parse
from datetime import datetime

import transaction
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import BadRequest

from zhengwu import _
from zhengwu.search.curation.changes import SOLR_LATER
from zhengwu.search.curation.storage import CurationError
from zhengwu.search.stats import mined
from zhengwu.search.stats.hiding import set_hidden
from zhengwu.search.stats.reports import hot_report
from zhengwu.search.stats.reports import hot_searches
from zhengwu.search.stats.reports import top_queries
from zhengwu.search.stats.reports import zero_result_report
from zhengwu.search.stats.subscribers import FOLD_REQUESTED

MAX_LIMIT = 50


def int_param(request, name, default, highest):
    """A positive integer form parameter, at most ``highest``; bad input → default."""
    try:
        value = int(request.form.get(name, default))
    except (TypeError, ValueError):
        return default
    return min(max(value, 1), highest)


def search_url(navroot, query):
    return f"{navroot.absolute_url()}/@@search?" + urllib.parse.urlencode(
        {"SearchableText": query}
    )


def hot_items(context, request):
    """The hot list of the context's navigation root, as REST-style dicts."""
    navroot = api.portal.get_navigation_root(context)
    site = api.portal.get()
    language = navroot.Language() if navroot is not site else None
    limit = int_param(request, "limit", 10, MAX_LIMIT)
    return [
        {"query": query, "count": count, "@id": search_url(navroot, query)}
        for query, count in hot_searches(site, limit=limit, language=language)
    ]


def curation_links(site, query):
    base = f"{site.absolute_url()}/@@search-curation?"
    return {
        "synonym_url": base + urllib.parse.urlencode({"synonym": query}),
        "best_bet_url": base + urllib.parse.urlencode({"best_bet": query}),
    }


def guide_link(site, uid):
    """``{"@id", "title"}`` of the guide with ``uid`` the editor may see, or None."""
    brains = api.portal.get_tool("portal_catalog")(UID=uid) if uid else ()
    if not brains:
        return None
    return {"@id": brains[0].getURL(), "title": brains[0].Title}


def proposal_items(site, days, limit):
    """The mined synonyms of the report, as REST-style dicts."""
    return [
        {
            "terms": list(proposal.terms),
            "searched": proposal.searched,
            "found": proposal.found,
            "visitors": proposal.visitors,
            "guide": guide_link(site, proposal.guide),
            "joins": list(proposal.joins),
        }
        for proposal in mined.proposals(site, days, limit)
    ]


def report_data(site, request):
    """The editors' report: zero-result queries with curation links, top queries,
    the hot list and the proposed synonyms."""
    days = int_param(request, "days", 30, 366)
    limit = int_param(request, "limit", 100, 1000)
    return {
        "days": days,
        "zero_results": [
            {
                "query": query,
                "count": count,
                "last_seen": datetime.fromtimestamp(last).isoformat(timespec="seconds"),
                **curation_links(site, query),
            }
            for query, count, last in zero_result_report(site, days, limit)
        ],
        "top": [
            {"query": query, "count": searches, "found_nothing": empty}
            for query, searches, empty in top_queries(site, days, limit)
        ],
        "hot": [
            {"query": query, "visitors": visitors, "state": state}
            for query, visitors, state in hot_report(site, days, limit)
        ],
        "proposed_synonyms": proposal_items(site, days, limit),
    }


class HotSearchesView(BrowserView):
    """@@hot-searches: an HTML fragment of links to the search page, for homepages."""

    def items(self):
        return hot_items(self.context, self.request)


class SearchReportView(BrowserView):
    """@@search-report: what people searched and what found nothing."""

    def report(self):
        return report_data(api.portal.get(), self.request)

    def fold_url(self):
        return f"{self.context.absolute_url()}/@@search-stats-fold"

    def hide_url(self):
        return f"{self.context.absolute_url()}/@@search-stats-hide"

    def accept_url(self):
        return f"{self.context.absolute_url()}/@@search-stats-accept-synonym"

    def dismiss_url(self):
        return f"{self.context.absolute_url()}/@@search-stats-dismiss-synonym"


class FoldView(BrowserView):
    """@@search-stats-fold (POST): fold this process's counts after this request."""

    def __call__(self):
        if self.request.method != "POST":
            raise BadRequest("POST only")
        CheckAuthenticator(self.request)
        self.request.set(FOLD_REQUESTED, True)
        api.portal.show_message(
            _("The latest searches are now in the report."), request=self.request
        )
        self.request.response.redirect(f"{self.context.absolute_url()}/@@search-report")


class HideView(BrowserView):
    """@@search-stats-hide (POST query=, hidden=1|0): hide a hot-search entry."""

    def __call__(self):
        if self.request.method != "POST":
            raise BadRequest("POST only")
        CheckAuthenticator(self.request)
        hidden = self.request.form.get("hidden", "1") != "0"
        set_hidden(api.portal.get(), self.request.form.get("query"), hidden)
        message = (
            _("The query no longer shows in hot searches.")
            if hidden
            else _("The query may show in hot searches again.")
        )
        api.portal.show_message(message, request=self.request)
        self.request.response.redirect(f"{self.context.absolute_url()}/@@search-report")


class SynonymProposalView(BrowserView):
    """POST ``terms`` (twice): act on a proposed synonym, back to the report.

    An unknown or no longer proposed pair changes nothing and says so.
    """

    def __call__(self):
        if self.request.method != "POST":
            raise BadRequest("POST only")
        CheckAuthenticator(self.request)
        terms = self.request.form.get("terms")
        terms = terms if isinstance(terms, list) else []
        messages = IStatusMessage(self.request)
        try:
            self.act(api.portal.get(), terms, messages)
        except CurationError as error:
            transaction.doom()
            messages.add(error.message, type="error")
        self.request.response.redirect(f"{self.context.absolute_url()}/@@search-report")


class AcceptSynonymView(SynonymProposalView):
    """@@search-stats-accept-synonym: add the pair to the synonym groups."""

    def act(self, site, terms, messages):
        change = mined.accept(site, terms)
        messages.add(change.message, type="info")
        if not change.synced:
            messages.add(SOLR_LATER, type="warning")


class DismissSynonymView(SynonymProposalView):
    """@@search-stats-dismiss-synonym: never propose the pair again."""

    def act(self, site, terms, messages):
        messages.add(mined.dismiss(site, terms), type="info")

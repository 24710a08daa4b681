"""What the 政务知道 pages say about a post: its state, department and author."""

from plone import api
from zope.component import queryUtility
from zope.schema.interfaces import IVocabularyFactory

from zhengwu import _
from zhengwu.masking import is_mobile_phone

PUBLIC_QUESTION_STATES = ("open", "answered", "closed")
# The badge of each state: its text and the CSS modifier that colours it.
STATE_BADGES = {
    "pending_moderation": (_("Awaiting moderation"), "pending"),
    "open": (_("Awaiting answer"), "open"),
    "answered": (_("Answered"), "answered"),
    "closed": (_("Resolved"), "closed"),
    "rejected": (_("Not approved"), "rejected"),
    "published": (_("Published"), "published"),
    "draft": (_("Being written"), "pending"),
}
IN_REVIEW = (_("Under review"), "pending")
CITIZEN = _("Citizen")


def state_badge(state):
    """{"title", "css"} of the badge for a review state."""
    title, css = STATE_BADGES.get(state, IN_REVIEW)
    return {"title": title, "css": f"zw-state zw-state-{css}", "state": state}


def department_titles(context):
    """Department id → its title in the language of ``context``."""
    factory = queryUtility(IVocabularyFactory, name="zhengwu.Departments")
    if factory is None:
        return {}
    return {term.value: term.title for term in factory(context)}


class DisplayNames:
    """A member's display name (their full name), never their id, e-mail or phone.

    The user id of a citizen may be their e-mail address or phone number: a member
    without a full name is called "Citizen".
    """

    def __init__(self):
        self._names = {}

    def __call__(self, userid):
        if userid not in self._names:
            member = api.user.get(userid=userid) if userid else None
            fullname = (member.getProperty("fullname", "") if member else "") or ""
            fullname = fullname.strip()
            if "@" in fullname or is_mobile_phone(fullname.replace(" ", "")):
                fullname = ""  # personal data typed as a name: not shown
            self._names[userid] = fullname or CITIZEN
        return self._names[userid]


def current_userid():
    """The logged-in member's id, or None for an anonymous visitor."""
    if api.user.is_anonymous():
        return None
    return api.user.get_current().getId()


def last_comment(obj):
    """The comment of the last workflow transition of ``obj`` (a moderator's reason)."""
    workflow = api.portal.get_tool("portal_workflow")
    for workflow_id in workflow.getChainFor(obj):
        status = workflow.getStatusOf(workflow_id, obj)
        if status:
            return (status.get("comments") or "").strip()
    return ""


def catalog_search(**query):
    """Plone's own, security-filtered catalog search for a listing.

    collective.solr answers the catalog's searches from Solr, which knows neither
    the ``votes`` index nor the listing's ordering by it: a listing is the
    catalog's job (as the search page and the disclosure catalogue do).
    """
    catalog = api.portal.get_tool("portal_catalog")
    search = getattr(catalog, "_cs_old_searchResults", catalog.searchResults)
    return search(query)

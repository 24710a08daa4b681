"""The moderation queue (审核队列): posts awaiting moderation, reported posts, the log.

Questions, citizens' answers and strategies wait in ``pending_moderation`` (oldest
first) with the sensitive words that held them; reported posts (举报) wait with their
reasons until a moderator acts on them. The queue is the whole site's: a district
has one team of moderators.
"""

from plone import api
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory

from zhengwu.formatting import format_datetime
from zhengwu.participation import moderation
from zhengwu.participation.staff.history import entered_state_at
from zhengwu.workflows.tasks import local_date

MODERATED_TYPES = ("Question", "Answer", "Strategy")
PENDING = "pending_moderation"
TRANSITIONS = ("approve", "reject", "hide")
LOG_LIMIT = 20
EXCERPT = 200


def department_titles(context):
    """{department id: title} of the site's departments (``zhengwu.Departments``)."""
    vocabulary = getUtility(IVocabularyFactory, "zhengwu.Departments")(context)
    return {term.value: term.title for term in vocabulary}


def display_name(userid):
    member = api.user.get(userid=userid) if userid else None
    if member is None:
        return userid or ""
    return member.getProperty("fullname", "") or userid


def allowed_actions(post):
    """The moderation actions the current user may take on ``post`` now."""
    wftool = api.portal.get_tool("portal_workflow")
    actions = [
        transition["id"]
        for transition in wftool.getTransitionsFor(post)
        if transition["id"] in TRANSITIONS
    ]
    moderator = api.user.has_permission("zhengwu: Moderate posts", obj=post)
    if post.portal_type == "Question" and moderator:
        actions.append("reroute")
    if moderator and api.content.get_uuid(post) in moderation.open_reports():
        actions.append("dismiss")
    return actions


def _excerpt(post):
    text = getattr(post, "details", None) or getattr(post, "text", None) or ""
    if not isinstance(text, str):  # a strategy's rich text: its summary instead
        text = post.Description()
    return text if len(text) <= EXCERPT else text[:EXCERPT] + "…"


def post_item(post, titles):
    """A post of the queue as plain data."""
    author = post.Creator()
    item = {
        "@id": post.absolute_url(),
        "@type": post.portal_type,
        "UID": api.content.get_uuid(post),
        "title": post.Title(),
        "excerpt": _excerpt(post),
        "review_state": api.content.get_state(post, default=None),
        "author": author,
        "author_name": display_name(author),
        "since": local_date(entered_state_at(post)).isoformat(),
        "waiting_since": entered_state_at(post).ISO8601(),
        "held_words": list(getattr(post, "held_words", None) or ()),
        "actions": allowed_actions(post),
    }
    if post.portal_type == "Question":
        department = getattr(post, "department", None)
        suggested = getattr(post, "suggested_department", None)
        item.update(
            department=department,
            department_title=titles.get(department, department),
            suggested_department=suggested,
            suggested_department_title=titles.get(suggested, suggested),
            routing_terms=list(getattr(post, "routing_terms", None) or ()),
        )
    return item


def pending_posts(context):
    """Posts awaiting moderation, oldest first."""
    catalog = api.portal.get_tool("portal_catalog")
    titles = department_titles(context)
    items = [
        post_item(brain._unrestrictedGetObject(), titles)
        for brain in catalog.unrestrictedSearchResults(
            portal_type=MODERATED_TYPES, review_state=PENDING
        )
    ]
    return sorted(items, key=lambda item: item["waiting_since"])


def post_by_uid(uid):
    """The post with ``uid`` (whoever may see it), or None."""
    if not uid:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(UID=uid)
    return brains[0]._unrestrictedGetObject() if brains else None


def _reporters(reports):
    members = {report["by"] for report in reports if report.get("by")}
    return len(members) + sum(1 for report in reports if not report.get("by"))


def reported_posts(context):
    """Reported posts with their reasons, the most reported first."""
    titles = department_titles(context)
    items = []
    for uid, reports in moderation.open_reports(api.portal.get()).items():
        post = post_by_uid(uid)
        if post is None:
            continue
        item = post_item(post, titles)
        item["reports"] = [
            {"reason": report.get("reason", ""), "when": report.get("when")}
            for report in reports
        ]
        item["reasons"] = list(dict.fromkeys(r.get("reason", "") for r in reports))
        item["reporters"] = _reporters(reports)
        items.append(item)
    return sorted(items, key=lambda item: (-item["reporters"], item["title"]))


def log_entries(limit=LOG_LIMIT, language="zh"):
    """The newest moderation log entries, with the actor's display name and the
    time as ``language`` writes it."""
    return [
        {
            **entry.as_dict(),
            "actor_name": display_name(entry.actor),
            "when_local": format_datetime(entry.when, language),
        }
        for entry in moderation.entries(limit)
    ]


def moderation_queue(context):
    return {
        "pending": pending_posts(context),
        "reported": reported_posts(context),
        "log": log_entries(language=context.Language() or "zh"),
    }

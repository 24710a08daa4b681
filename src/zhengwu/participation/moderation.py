"""Moderation of citizens' posts: held posts, reports, the moderation log.

The log (审核日志) is append-only and kept in the site's annotations, keyed by
time; each entry names the actor, the action, the post and the reason. Reports
(举报) of a post wait in the site's open reports until a moderator acts on the
post; the moderation queue lists posts awaiting moderation and reported posts.
"""

import random
import time

from BTrees.LOBTree import LOBTree
from BTrees.OOBTree import OOBTree
from persistent import Persistent
from persistent.list import PersistentList
from plone import api

from zhengwu.annotations import annotation_store
from zhengwu.safety.moderation_log import ModerationEntry

KEY = "zhengwu.participation.moderation"
SYSTEM = "zhengwu"
# Transitions of the participation workflows and what the log calls them.
LOGGED_TRANSITIONS = {
    "approve": "approved",
    "reject": "rejected",
    "hide": "hidden",
    "close": "closed",
    "reopen": "reopened",
}


class ModerationStore(Persistent):
    def __init__(self):
        self.log = LOBTree()  # microseconds (+ a random tail) → ModerationEntry
        self.reports = OOBTree()  # post UID → PersistentList of report dicts


def store_of(site=None, create=False):
    """The site's ModerationStore (made on demand when ``create``), or None."""
    return annotation_store(site or api.portal.get(), KEY, ModerationStore, create)


def log(obj, action, reason="", actor=None):
    """Append an entry about ``obj`` to the moderation log."""
    if actor is None:
        actor = SYSTEM if api.user.is_anonymous() else api.user.get_current().getId()
    entry = ModerationEntry.now(
        actor, action, api.content.get_uuid(obj), obj.Title(), reason
    )
    # Two entries in the same microsecond in two threads must not collide.
    key = int(time.time() * 1_000_000) * 1000 + random.randrange(1000)  # noqa: S311
    store_of(create=True).log[key] = entry
    return entry


def entries(limit=100):
    """The newest ``limit`` log entries, newest first."""
    store = store_of()
    if store is None:
        return []
    return [store.log[key] for key in list(store.log.keys())[::-1][:limit]]


def hold_if_sensitive(post, words):
    """Keep a post with sensitive words for a moderator; True when held."""
    post.held_words = tuple(words)
    if words:
        log(post, "held", "、".join(words), actor=SYSTEM)
    return bool(words)


def report(post, reason):
    """The current user reports ``post``; it waits in the open reports."""
    userid = api.user.get_current().getId() if not api.user.is_anonymous() else None
    uid = api.content.get_uuid(post)
    reports = store_of(create=True).reports
    if uid not in reports:
        reports[uid] = PersistentList()
    reports[uid].append({"by": userid, "reason": reason, "when": time.time()})
    log(post, "reported", reason, actor=userid or "anonymous")


def open_reports(site=None):
    """{post UID: [reports]} of posts no moderator has acted on since."""
    store = store_of(site)
    return {} if store is None else {uid: list(r) for uid, r in store.reports.items()}


def resolve_reports(post):
    store = store_of()
    uid = api.content.get_uuid(post)
    if store is not None and uid in store.reports:
        del store.reports[uid]


def dismiss_reports(post, comment=""):
    """The moderator finds the post's reports unfounded: they are closed, logged."""
    resolve_reports(post)
    log(post, "dismissed", comment)


def transition_logged(post, event):
    """IAfterTransitionEvent of a citizen's post: log it, close its reports."""
    if event.transition is None:
        return
    action = LOGGED_TRANSITIONS.get(event.transition.getId())
    if action is None:
        return
    comment = (event.kwargs or {}).get("comment") or ""
    log(post, action, comment)
    resolve_reports(post)

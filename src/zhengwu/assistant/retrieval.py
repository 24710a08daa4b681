"""Finding the guide a question is about, with the site's own search.

The question goes through the catalog like any search box query, so Zhengwu's
search (``search/service.py``: ranking, synonyms, pinyin, typo correction, the
Chinese fallback of the English site) answers it. The first guide among the first
results is the answer's guide; the 政务知道 questions, strategies and policy
interpretations tied to it are its further sources.
"""

import itertools
import re

from AccessControl import getSecurityManager
from Products.CMFCore.utils import getToolByName
from zc.relation.interfaces import ICatalog
from zope.component import queryUtility
from zope.intid.interfaces import IIntIds

from zhengwu.assistant.rules import search_text

DEPTH = 5  # results looked through for the guide
ABOUT_TYPES = ("Question", "Strategy", "PolicyInterpretation")
MAX_FURTHER = 3
MAX_ABOUT = 200  # items about one guide looked at
HAN = re.compile(r"[\u3400-\u9fff]")
WORD = re.compile(r"[a-z]{3,}")
# English words too common to tie a question to a guide.
COMMON = frozenset(
    (
        "the", "and", "for", "how", "can", "does", "need", "what", "where",
        "when", "with", "from", "this", "that", "your", "you", "get", "apply",
        "application", "shenzhen", "nanshan", "yantian", "have", "much", "long",
    )
)  # fmt: skip


def root_path(root):
    return "/".join(root.getPhysicalPath())


def find_guide(root, text):
    """The guide (an object the visitor may view) the search finds first for
    ``text`` under ``root``, or None."""
    catalog = getToolByName(root, "portal_catalog")
    brains = catalog.searchResults(
        SearchableText=search_text(text), path=root_path(root), sort_limit=DEPTH
    )
    for brain in list(brains)[:DEPTH]:
        if brain.portal_type == "Guide":
            try:
                return brain.getObject()
            except (AttributeError, KeyError):
                continue
    return None


def guide_by_uid(root, uid):
    """The guide with ``uid`` the visitor may see, or None."""
    if not uid:
        return None
    catalog = getToolByName(root, "portal_catalog")
    for brain in catalog.unrestrictedSearchResults(UID=uid, portal_type="Guide"):
        obj = brain._unrestrictedGetObject()
        if getSecurityManager().checkPermission("View", obj):
            return obj
    return None


def about(guide):
    """The questions, strategies and interpretations tied to ``guide`` that the
    visitor may see (at most ``MAX_ABOUT``)."""
    catalog, intids = queryUtility(ICatalog), queryUtility(IIntIds)
    if catalog is None or intids is None:
        return []
    uid = intids.queryId(guide)
    if uid is None:
        return []
    checker = getSecurityManager()
    found = []
    for relation in itertools.islice(catalog.findRelations({"to_id": uid}), MAX_ABOUT):
        try:
            obj = relation.from_object
        except (AttributeError, KeyError):
            continue
        if getattr(obj, "portal_type", None) not in ABOUT_TYPES:
            continue
        if checker.checkPermission("View", obj):
            found.append(obj)
    return found


def further_sources(items, first=None):
    """``first`` (the question whose official answer was quoted), then the other
    items about the guide in type and title order: at most ``MAX_FURTHER``."""
    ordered = sorted(
        (obj for obj in items if obj is not first),
        key=lambda obj: (ABOUT_TYPES.index(obj.portal_type), obj.Title()),
    )
    return ([first] if first is not None else []) + ordered[: MAX_FURTHER - bool(first)]


def official_text(question):
    """The text of the question's first official answer the visitor may see."""
    checker = getSecurityManager()
    for answer in question.objectValues():
        if answer.portal_type == "OfficialAnswer" and checker.checkPermission(
            "View", answer
        ):
            return getattr(answer, "text", None) or None
    return None


def _names(guide):
    return [guide.Title(), *(getattr(guide, "also_known_as", None) or ())]


def mentions(guide, text):
    """Does ``text`` name ``guide`` (two characters of a name in a row, or a
    telling English word of one)? A follow-up that does not stays on its guide."""
    lowered = (text or "").lower()
    for name in _names(guide):
        name = (name or "").lower()
        han = "".join(HAN.findall(name))
        pairs = {han[i : i + 2] for i in range(len(han) - 1)}
        if sum(1 for pair in pairs if pair in lowered) >= 2:
            return True
        words = set(WORD.findall(name)) - COMMON
        if words & set(WORD.findall(lowered)):
            return True
    return False


def is_under(obj, root):
    path = root_path(root)
    return "/".join(obj.getPhysicalPath()).startswith(path + "/")

"""Hot questions answered first (热点问题主动回应).

Hot questions are ranked from the last days' page opens (counted in each process
and folded into the ZODB by the search statistics: no write per page view), the
votes they got and the searches whose words they share; hot topics are the most
searched queries of those days. An editor answers a topic first by pinning a
question with a published official answer to the query: it comes first for that
search (a best bet, as the search curation's) and is marked ``proactive``, which
the homepages show among the hot topics.
"""

from plone import api

from zhengwu import _
from zhengwu.search.curation import storage
from zhengwu.search.stats.reports import hot_searches
from zhengwu.search.stats.usage import opens_by_uid

DAYS = 7
PUBLIC = ("open", "answered", "closed")
VOTE_WEIGHT = 3
SEARCH_WEIGHT = 1
CANDIDATES = 200


def _questions(root, **query):
    catalog = api.portal.get_tool("portal_catalog")
    return catalog(
        portal_type="Question",
        review_state=list(PUBLIC),
        path="/".join(root.getPhysicalPath()),
        **query,
    )


MATCH_SHARE = 2 / 3


def _pairs(text):
    text = text.replace(" ", "")
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _searched(title, topics):
    """Searches of the topics that share most of their character pairs with the
    title (a search for 公积金提取 counts for 公积金怎么提取)."""
    found = 0
    for query, count in topics:
        pairs = _pairs(query)
        if pairs and len(pairs & _pairs(title)) >= MATCH_SHARE * len(pairs):
            found += count
    return found


def hot_questions(root, days=DAYS, limit=10):
    """[(brain, score, {"opens", "votes", "searches"})] of the root's hottest
    public questions, hottest first."""
    site = api.portal.get()
    opens = opens_by_uid(site, days)
    topics = hot_searches(site, limit=50, days=days)
    ranked = []
    for brain in _questions(root, sort_on="created", sort_order="descending")[
        :CANDIDATES
    ]:
        parts = {
            "opens": opens.get(brain.UID, 0),
            "votes": brain.votes or 0,
            "searches": _searched(brain.Title, topics),
        }
        score = parts["opens"] + VOTE_WEIGHT * parts["votes"]
        score += SEARCH_WEIGHT * parts["searches"]
        if score:
            ranked.append((brain, score, parts))
    ranked.sort(key=lambda item: (-item[1], item[0].getId))
    return ranked[:limit]


def hot_topics(site, days=DAYS, limit=10):
    """[(query, searches, answered_first)] of the most searched queries."""
    return [
        (query, count, storage.best_bet(site, query) is not None)
        for query, count in hot_searches(site, limit=limit, days=days)
    ]


class NotAnswerable(ValueError):
    """The question has no published official answer to put first."""


def officially_answered(question):
    """True when the question holds a published official answer."""
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(question.getPhysicalPath())
    return bool(
        catalog.unrestrictedSearchResults(
            portal_type="OfficialAnswer",
            review_state="published",
            path={"query": path, "depth": 1},
        )
    )


def answer_first(site, query, question):
    """Pin ``question`` (officially answered) first for ``query``; mark it."""
    if not officially_answered(question):
        raise NotAnswerable(question.getId())
    creator = api.user.get_current().getId()
    storage.set_best_bet(site, query, [api.content.get_uuid(question)], creator)
    question.proactive = True
    question.reindexObject()


def answer_topic_first(query, uid):
    """Pin the question ``uid`` to ``query``; the reason it cannot be, or None."""
    query = (query or "").strip()
    question = api.content.get(UID=uid) if uid else None
    if not query:
        return _("Enter the search the answer is for.")
    if question is None or question.portal_type != "Question":
        return _("Choose a question.")
    try:
        answer_first(api.portal.get(), query, question)
    except NotAnswerable:
        return _("Only a question with a published official answer can come first.")
    return None


def hot_state(root):
    """The hot questions (with what made them hot) and the hot topics of ``root``."""
    site = api.portal.get()
    return {
        "@id": f"{root.absolute_url()}/@hot-questions",
        "questions": [
            {
                "@id": brain.getURL(),
                "UID": brain.UID,
                "title": brain.Title,
                "review_state": brain.review_state,
                "department": brain.department,
                "score": score,
                **parts,
            }
            for brain, score, parts in hot_questions(root)
        ],
        "topics": [
            {"query": query, "searches": count, "answered_first": answered}
            for query, count, answered in hot_topics(site)
        ],
    }


def proactive_answers(root, limit=5):
    """The root's questions answered first, newest first (for the homepages)."""
    return list(
        _questions(root, proactive=True, sort_on="modified", sort_order="descending")[
            :limit
        ]
    )

"""Questions and guides like a text: the ask form's hint that it may be answered.

The site search (Solr, pinyin, typos) over the published questions and guides of
the board's language root.
"""

from plone import api

SIMILAR_LIMIT = 5
SIMILAR_STATES = ("open", "answered", "closed", "published")


def similar_to(board, text, limit=SIMILAR_LIMIT):
    """Published questions and guides of the board's language root like ``text``."""
    text = (text or "").strip()
    if len(text) < 2:
        return []
    root = board.aq_parent
    brains = api.content.find(
        context=root,
        SearchableText=text,
        portal_type=["Question", "Guide"],
        review_state=list(SIMILAR_STATES),
        sort_limit=limit,
    )[:limit]
    return [
        {
            "@id": brain.getURL(),
            "UID": brain.UID,
            "@type": brain.portal_type,
            "title": brain.Title,
            "review_state": brain.review_state,
        }
        for brain in brains
    ]

"""Which published bookable a guide's 预约 button opens; a root's reservations today.

Both read the catalog (and the relation catalog for a guide), never walk folders:
the guide page and the tourist homepage are benchmarked.
"""

from plone import api

from zhengwu.bookings import service

TODAY_LIMIT = 6


def _published_bookables(**query):
    catalog = api.portal.get_tool("portal_catalog")
    return catalog(portal_type="Bookable", review_state="published", **query)


def bookable_of_guide(guide):
    """The URL of the published bookable whose ``guide`` is ``guide``, or None."""
    sources = [
        relation.from_object
        for relation in api.relation.get(target=guide, relationship="guide")
        if relation.from_object is not None
    ]
    uids = [
        api.content.get_uuid(obj)
        for obj in sources
        if getattr(obj, "portal_type", None) == "Bookable"
    ]
    if not uids:
        return None
    brains = _published_bookables(UID=uids, sort_on="sortable_title")
    return brains[0].getURL() if len(brains) else None


def reservations_today(root, moment=None):
    """The root's published reservation bookables open today with their places
    left: ``[{"title", "url", "remaining"}]``; empty when none is open today."""
    brains = _published_bookables(
        path="/".join(root.getPhysicalPath()), sort_on="sortable_title"
    )
    rows = []
    for brain in brains[: TODAY_LIMIT * 3]:
        bookable = brain.getObject()
        if getattr(bookable, "kind", None) != "reservation":
            continue
        remaining = service.remaining_today(bookable, moment)
        if remaining is None:
            continue
        rows.append(
            {"title": brain.Title, "url": brain.getURL(), "remaining": remaining}
        )
    return rows[:TODAY_LIMIT]

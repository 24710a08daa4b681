"""``@@bookings`` on a language root (在线预约): every published bookable service,
grouped by kind, with today's places left of the reservations.

Read from the catalog with the visitor's permissions; the places left come from
each bookable's store (``service.remaining_today``), nothing is written.
"""

from plone import api
from Products.Five.browser import BrowserView

from zhengwu.bookings import service
from zhengwu.content.bookable import KINDS
from zhengwu.theming.portlets import without_portlets

LIMIT = 200


class BookingsIndexView(BrowserView):
    def __call__(self):
        without_portlets(self.request)
        return self.index()

    def groups(self):
        """``[{"kind", "title", "services": [{"title", "description", "url",
        "department", "remaining"}]}]`` in the order of the kinds; empty kinds left
        out."""
        brains = api.content.find(
            context=self.context,
            portal_type="Bookable",
            review_state="published",
            sort_on="sortable_title",
            sort_limit=LIMIT,
        )[:LIMIT]
        by_kind = {kind: [] for kind, _title in KINDS}
        for brain in brains:
            bookable = brain.getObject()
            kind = getattr(bookable, "kind", None)
            if kind not in by_kind:
                continue
            department = bookable.aq_parent
            by_kind[kind].append(
                {
                    "title": brain.Title,
                    "description": brain.Description,
                    "url": brain.getURL(),
                    "department": department.Title(),
                    "remaining": service.remaining_today(bookable)
                    if kind == "reservation"
                    else None,
                }
            )
        return [
            {"kind": kind, "title": title, "services": by_kind[kind]}
            for kind, title in KINDS
            if by_kind[kind]
        ]

"""The public page of a department (部门): duties, contacts and its content."""

from plone import api
from Products.Five.browser import BrowserView

from zhengwu import _

LIST_LIMIT = 20
LISTS = (
    ("guides", _("Service guides"), "Guide", "sortable_title", "ascending"),
    ("news", _("News"), "News Item", "effective", "descending"),
    (
        "records",
        _("Government information disclosure"),
        "DisclosureRecord",
        "effective",
        "descending",
    ),
)


class DepartmentView(BrowserView):
    """Who the department is and how to reach it, then its guides, news, records."""

    def phones(self):
        return [phone for phone in self.context.phones or () if phone]

    def _query(self, portal_type, sort_on, sort_order):
        query = {
            "path": "/".join(self.context.getPhysicalPath()),
            "portal_type": portal_type,
            "sort_on": sort_on,
            "sort_order": sort_order,
            "sort_limit": LIST_LIMIT,
        }
        if api.user.is_anonymous():
            query["review_state"] = "published"
        catalog = api.portal.get_tool("portal_catalog")
        return catalog(**query)[:LIST_LIMIT]

    def listings(self):
        """The department's guides, news and disclosure records, as catalog brains."""
        return [
            {"name": name, "heading": heading, "brains": self._query(*query)}
            for name, heading, *query in LISTS
        ]

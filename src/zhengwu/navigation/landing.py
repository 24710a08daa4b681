"""The ``column-view`` landing page of a column: its subcolumns, what they list."""

from plone import api
from Products.Five.browser import BrowserView

from zhengwu.formatting import format_date
from zhengwu.navigation.listing import PAGE_SIZE
from zhengwu.navigation.listing import PREVIEW_SIZE
from zhengwu.navigation.listing import listed
from zhengwu.navigation.listing import listing_of
from zhengwu.sites.roots import language_root_of

VARIABLE = "${navigation_root_url}"


def link_url(brain, root, request):
    """Where a Link of a column leads (a visitor goes straight there, not through
    the Link): its remote URL, whose ${navigation_root_url} is the language root
    and which the catalog keeps as a site path (/nanshan/zh-cn/@@powers)."""
    url = brain.getRemoteUrl or brain.getURL()
    if VARIABLE in url and root is not None:
        url = url.replace(VARIABLE, root.absolute_url())
    root_path = "/".join(root.getPhysicalPath()) if root is not None else None
    if root_path and (url == root_path or url.startswith(f"{root_path}/")):
        url = root.absolute_url() + url[len(root_path) :]
    elif url.startswith("/"):
        url = request.physicalPathToURL(url)
    return url


class ColumnView(BrowserView):
    """Subcolumns with their newest items, or (a subcolumn) what its rule lists."""

    def __call__(self):
        self.root = language_root_of(self.context)
        return self.index()

    @property
    def language(self):
        return self.context.Language() or "zh-cn"

    def item(self, brain):
        return {
            "title": brain.Title,
            "url": brain.getURL(),
            "description": brain.Description,
            "date": format_date(brain.effective, self.language)
            if brain.portal_type not in ("Department", "Guide")
            else "",
        }

    def _rule_items(self, folder, limit):
        rule = listing_of(folder)
        if not rule or self.root is None:
            return []
        return [self.item(brain) for brain in listed(self.root, rule, limit)]

    def subcolumns(self):
        """The column's own content in order: links, subcolumns with a preview."""
        brains = api.content.find(
            context=self.context, depth=1, sort_on="getObjPositionInParent"
        )
        subcolumns = []
        for brain in brains:
            entry = self.item(brain)
            entry["date"] = ""
            entry["preview"] = []
            if brain.portal_type == "Link":
                entry["url"] = link_url(brain, self.root, self.request)
            elif brain.portal_type == "Folder":
                entry["preview"] = self._rule_items(brain.getObject(), PREVIEW_SIZE)
            subcolumns.append(entry)
        return subcolumns

    def listed(self):
        """What the folder's own rule finds (a subcolumn such as 新闻动态)."""
        return self._rule_items(self.context, PAGE_SIZE)

    def has_rule(self):
        return bool(listing_of(self.context))

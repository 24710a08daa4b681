"""The homepage's directory of the columns (栏目导航): each column and its
subcolumns, so 政务知道, the powers list, the disclosure catalogue and the
departments are one click from the homepage."""

from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from plone.memoize.view import memoize

from zhengwu.navigation.interfaces import IColumn
from zhengwu.navigation.landing import link_url
from zhengwu.sites.roots import language_root_of


def columns_of(root):
    """The column folders of a language root, in menu order, shown in navigation."""
    return api.content.find(
        path={"query": "/".join(root.getPhysicalPath()), "depth": 1},
        object_provides=IColumn.__identifier__,
        exclude_from_nav=False,
        sort_on="getObjPositionInParent",
    )


class ColumnLinks(ViewletBase):
    """The columns and their subcolumns as link lists (nothing without columns)."""

    def update(self):
        super().update()
        self.root = language_root_of(self.context)

    @memoize
    def columns(self):
        if self.root is None:
            return []
        result = []
        for column in columns_of(self.root):
            subs = api.content.find(
                path={"query": column.getPath(), "depth": 1},
                exclude_from_nav=False,
                sort_on="getObjPositionInParent",
            )
            result.append(
                {
                    "title": column.Title,
                    "url": column.getURL(),
                    "subcolumns": [
                        {
                            "title": sub.Title,
                            "url": link_url(sub, self.root, self.request)
                            if sub.portal_type == "Link"
                            else sub.getURL(),
                        }
                        for sub in subs
                    ],
                }
            )
        return result

    def render(self):
        return self.index() if self.columns() else ""

"""``show_inactive`` in a REST query counts only for who may see inactive content.

Plone's catalog (and collective.solr's patch of it) lets anybody's
``show_inactive=True`` lift the ``effectiveRange`` filter, so ``@search`` would
list expired and not yet effective items to visitors. The query adapter of
plone.restapi drops the key unless the user has "Access inactive portal content".
"""

from plone.restapi.search.query import ZCatalogCompatibleQueryAdapter
from Products.CMFCore.permissions import AccessInactivePortalContent
from Products.CMFCore.utils import _checkPermission
from zope.component import adapter
from zope.interface import Interface

from zhengwu.interfaces import IZhengwuLayer


@adapter(Interface, IZhengwuLayer)
class ActiveOnlyQuery(ZCatalogCompatibleQueryAdapter):
    """plone.restapi's query adapter, without ``show_inactive`` for visitors."""

    def __call__(self, query):
        if not _checkPermission(AccessInactivePortalContent, self.context):
            query.pop("show_inactive", None)
        return super().__call__(query)

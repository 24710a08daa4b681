"""Care applications and their files never go to Solr: they hold personal data.

collective.solr asks ``ICheckIndexable`` before it sends an object; the catalog
(permission-filtered, in the ZODB) still lists them for the department's staff.
"""

from collective.solr.interfaces import ICheckIndexable
from zope.interface import implementer


@implementer(ICheckIndexable)
class NeverInSolr:
    """Registered for ICareApplication and ICareAttachment (configure.zcml)."""

    def __init__(self, context):
        self.context = context

    def __call__(self):
        return False

"""Powers-list items stay out of Solr, the site-wide search.

The list has thousands of items (8,091 in Nanshan), most of them penalties whose
names repeat the words of the services citizens look for ("对…居民身份证…的处罚"):
in the site search they would bury the 59 service guides. They are found through
the list's own search (@@powers, @powers: catalog indexes), and adding them to
Solr would also double the cost of an import.
"""

from collective.solr.interfaces import ICheckIndexable
from zope.interface import implementer


@implementer(ICheckIndexable)
class NotInSolr:
    def __init__(self, context):
        self.context = context

    def __call__(self):
        return False

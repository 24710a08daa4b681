"""The old home of ``SiteSolrConnectionManager``, kept for existing sites' pickles.

Sites made before the Solr plumbing moved to ``zhengwu.search.solr`` hold their
Solr connection manager, a local utility, in the ZODB under this class path;
unpickling it imports this module. Import from ``zhengwu.search.solr.connection``
instead.
"""

from zhengwu.search.solr.connection import SiteSolrConnectionManager

__all__ = ["SiteSolrConnectionManager"]

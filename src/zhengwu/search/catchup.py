"""The old home of ``CatchUpQueue``, kept for existing sites' pickles.

Sites made before the Solr plumbing moved to ``zhengwu.search.solr`` hold their
catch-up queue in the ZODB under this class path; unpickling it imports this
module. Import from ``zhengwu.search.solr.catchup`` instead.
"""

from zhengwu.search.solr.catchup import CatchUpQueue

__all__ = ["CatchUpQueue"]

"""Objects that existing sites stored under the class paths of before the Solr
plumbing moved to ``zhengwu.search.solr`` still load as the moved classes."""

import pytest
from ZODB import DB
from ZODB.broken import Broken
from ZODB.broken import find_global
from ZODB.Connection import TransactionMetaData
from ZODB.MappingStorage import MappingStorage
from ZODB.utils import z64

from zhengwu.search.solr.catchup import INDEX
from zhengwu.search.solr.catchup import CatchUpQueue
from zhengwu.search.solr.connection import SiteSolrConnectionManager

# (old module, class): the catch-up queue lives in the site's annotations, the
# connection manager is a local utility of the site (setuphandlers.py).
STORED = [
    ("zhengwu.search.catchup", CatchUpQueue),
    ("zhengwu.search.connection", SiteSolrConnectionManager),
]


@pytest.mark.parametrize(("module", "cls"), STORED)
def test_the_old_class_path_resolves_to_the_moved_class(module, cls):
    # ZODB resolves the class paths of its records with find_global; an
    # unimportable one gives a Broken object instead of an error.
    found = find_global(module, cls.__name__)
    assert found is cls
    assert not issubclass(found, Broken)


def _store_under(storage, oid, old, new):
    """Rewrite a record as it was written before the move."""
    data, serial = storage.load(oid)
    assert new in data
    meta = TransactionMetaData()
    storage.tpc_begin(meta)
    storage.store(oid, serial, data.replace(new, old), "", meta)
    storage.tpc_vote(meta)
    storage.tpc_finish(meta)


def test_a_catch_up_queue_stored_under_its_old_class_path_still_loads():
    storage = MappingStorage()
    with DB(storage).transaction() as connection:
        queue = connection.root()["queue"] = CatchUpQueue()
        queue.record("uid-1", INDEX)
    new = b"zhengwu.search.solr.catchup\nCatchUpQueue"
    old = b"zhengwu.search.catchup\nCatchUpQueue"
    for oid in (z64, queue._p_oid):  # the root refers to the queue with its class
        _store_under(storage, oid, old, new)
    # A new database: nothing cached from before the rewrite.
    database = DB(storage)
    try:
        with database.transaction() as connection:
            loaded = connection.root()["queue"]
            assert type(loaded) is CatchUpQueue
            assert loaded.pending() == [("uid-1", INDEX)]
    finally:
        database.close()

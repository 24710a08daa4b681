"""The catch-up queue keeps one operation per UID, the last one recorded."""

import pytest
from collective.solr.exceptions import SolrConnectionException

from zhengwu.search.fallback import server_error
from zhengwu.search.solr.catchup import INDEX
from zhengwu.search.solr.catchup import UNINDEX
from zhengwu.search.solr.catchup import CatchUpQueue


def test_last_operation_for_a_uid_wins():
    queue = CatchUpQueue()
    queue.record("uid-1", INDEX)
    queue.record("uid-1", UNINDEX)
    queue.record("uid-2", UNINDEX)
    queue.record("uid-2", INDEX)
    assert sorted(queue.pending()) == [("uid-1", UNINDEX), ("uid-2", INDEX)]
    assert len(queue) == 2


def test_repeated_edits_of_one_object_make_one_entry():
    queue = CatchUpQueue()
    for _ in range(5):
        queue.record("uid-1", INDEX)
    assert queue.pending() == [("uid-1", INDEX)]


def test_sent_entry_is_dropped():
    queue = CatchUpQueue()
    queue.record("uid-1", INDEX)
    queue.done("uid-1", INDEX)
    assert not queue
    assert queue.pending() == []


def test_entry_replaced_while_sending_is_kept_for_the_next_replay():
    queue = CatchUpQueue()
    queue.record("uid-1", INDEX)
    snapshot = queue.pending()
    queue.record("uid-1", UNINDEX)  # deleted while the index was being sent
    for uid, operation in snapshot:
        queue.done(uid, operation)
    assert queue.pending() == [("uid-1", UNINDEX)]


def test_unknown_operation_is_refused():
    queue = CatchUpQueue()
    with pytest.raises(ValueError):
        queue.record("uid-1", "optimize")
    assert not queue


def test_operation_without_uid_is_refused():
    queue = CatchUpQueue()
    with pytest.raises(ValueError):
        queue.record("", INDEX)
    with pytest.raises(ValueError):
        queue.record(None, UNINDEX)
    assert not queue


def test_only_http_5xx_from_solr_counts_as_a_server_error():
    assert server_error(SolrConnectionException(503, "Service Unavailable"))
    assert server_error(SolrConnectionException("500", "Server Error"))
    assert not server_error(SolrConnectionException(400, "undefined field"))
    assert not server_error(SolrConnectionException("000", None))
    assert not server_error(ValueError("no Solr at all"))

"""Two Zope processes folding at the same moment lose no count."""

import threading
import time
from datetime import date

import transaction
from plone import api

from zhengwu.search.stats import hot_searches
from zhengwu.search.stats import zero_result_queries
from zhengwu.search.stats.buffer import Snapshot
from zhengwu.search.stats.fold import write_in_own_transaction
from zhengwu.search.stats.storage import stats_of

ROUNDS = 15


class CommitTogether:
    """A transaction synchronizer: an armed fold waits before committing until the
    other one has written its changes too, so both commit on the same old state."""

    def __init__(self, barrier):
        self.barrier = barrier
        self.armed = False

    def beforeCompletion(self, txn):
        if self.armed:
            self.armed = False
            self.barrier.wait(timeout=30)

    def afterCompletion(self, txn):
        pass

    def newTransaction(self, txn):
        pass


def _fold_rounds(db, worker, barrier, errors):
    """One 'process': its own ZODB connection, a fold per round with the other."""
    connection = db.open()
    together = CommitTogether(barrier)
    transaction.manager.registerSynch(together)
    try:
        site = connection.root()["Application"]["nanshan"]
        today = date.today().toordinal()
        for round_ in range(ROUNDS):
            snapshot = Snapshot()
            snapshot.add_search((today, "zh", "公积金"), 2, 0, time.time(), 0.0)
            snapshot.add_search((today, "zh", "低保"), 1, 1, 0.0, time.time())
            snapshot.add_search((today, "zh", f"q{worker}-{round_}"), 1, 0, 0.0, 0.0)
            # hot list: distinct visitors (issue 13.7), one new per search here
            for number in range(2):
                token = f"{worker}-{round_}-{number}"
                snapshot.visitors.add((today, "zh", "公积金", token))
            snapshot.visitors.add((today, "zh", f"q{worker}-{round_}", "v"))
            snapshot.opens[(today, "uid-shared")] += 1
            barrier.wait(timeout=30)
            together.armed = True
            write_in_own_transaction(site, snapshot)
    except Exception as error:  # reported to the test thread
        errors.append(error)
        barrier.abort()
    finally:
        transaction.abort()
        transaction.manager.unregisterSynch(together)
        connection.close()


def test_two_connections_folding_at_once_lose_no_count(site):
    transaction.commit()
    db = site._p_jar.db()
    barrier = threading.Barrier(2)
    errors = []
    threads = [
        threading.Thread(target=_fold_rounds, args=(db, worker, barrier, errors))
        for worker in (1, 2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors
    site._p_jar.sync()
    folds = 2 * ROUNDS
    # each worker's own query has one visitor: below the default threshold
    api.portal.set_registry_record("zhengwu.search.stats.hot_min_visitors", 1)
    hot = dict(hot_searches(site, limit=100))
    assert hot["公积金"] == 2 * folds
    assert len(hot) == 1 + folds  # every worker's own query of every round
    assert zero_result_queries(site) == [("低保", folds)]
    stats = stats_of(site)
    assert stats.revision.value == folds
    assert stats.popularity["uid-shared"] == folds

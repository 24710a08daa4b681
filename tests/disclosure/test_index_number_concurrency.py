"""Two editors create records of one department at the same moment, on two ZODB
connections of the same database: they never get the same index number."""

import threading

import transaction
from layers import DISTRICT
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from ZODB.POSException import ConflictError
from zope.component.hooks import setSite

from zhengwu.disclosure.counter import take_serial


def create_concurrently(db, barrier, results, title):
    """Create a record on an own connection; both threads allocate before either
    commits, so one commit conflicts and is retried, as Zope retries requests."""
    manager = transaction.TransactionManager()
    connection = db.open(transaction_manager=manager)
    attempts = 0
    try:
        for attempt in manager.attempts(5):
            with attempt:
                attempts += 1
                site = connection.root()["Application"][DISTRICT]
                setSite(site)
                with api.env.adopt_user(username=SITE_OWNER_NAME):
                    record = api.content.create(
                        container=site["zh-cn"]["gaj"],
                        type="DisclosureRecord",
                        title=title,
                        topic_category="财政预算决算",
                        genre="报告",
                    )
                    number = record.index_number
                if attempts == 1:
                    barrier.wait(timeout=60)
        results[title] = (number, attempts)
    except Exception as error:  # reported to the test thread
        results[title] = (error, attempts)
    finally:
        setSite(None)
        connection.close()


def test_two_concurrent_creations_get_distinct_numbers(functional):
    app = functional["app"]
    db = app._p_jar.db()
    transaction.commit()
    barrier = threading.Barrier(2)
    results = {}
    threads = [
        threading.Thread(target=create_concurrently, args=(db, barrier, results, title))
        for title in ("预算报告", "决算报告")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    numbers = [value[0] for value in results.values()]
    assert all(isinstance(number, str) for number in numbers), results
    assert len(set(numbers)) == 2
    # One of the two had to be retried: the counter really conflicted.
    assert sorted(value[1] for value in results.values())[-1] >= 2
    serials = sorted(int(number.rsplit("-", 1)[1]) for number in numbers)
    assert serials[1] == serials[0] + 1


def test_the_counter_conflicts_instead_of_merging_increments(functional):
    """Two connections take a serial from the same counter: the second commit is a
    ConflictError (a BTrees.Length would have merged them into a duplicate)."""
    app = functional["app"]
    site = app[DISTRICT]
    take_serial(site, "11440305MB2C12345X", 2026)
    transaction.commit()
    db = app._p_jar.db()
    managers = [transaction.TransactionManager() for _ in range(2)]
    connections = [db.open(transaction_manager=m) for m in managers]
    try:
        serials = [
            take_serial(c.root()["Application"][DISTRICT], "11440305MB2C12345X", 2026)
            for c in connections
        ]
        assert serials == [2, 2]  # both read the same state...
        managers[0].commit()
        try:
            managers[1].commit()
        except ConflictError:
            managers[1].abort()
        else:
            raise AssertionError("the second increment was merged, not refused")
    finally:
        for connection in connections:
            connection.close()

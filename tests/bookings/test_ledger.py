"""A day's ledger: quotas, per-person limits, companions, waiting list, and that two
requests racing for the last place never both commit (two ZODB connections on one
FileStorage, as two Zope threads or clients have)."""

import datetime

import pytest
import transaction
import ZODB
from ZODB.FileStorage import FileStorage
from ZODB.POSException import ConflictError

from zhengwu.bookings.ledger import BOOKED
from zhengwu.bookings.ledger import CANCELLED
from zhengwu.bookings.ledger import WAITING
from zhengwu.bookings.ledger import DayLedger
from zhengwu.bookings.ledger import DayRules
from zhengwu.bookings.ledger import Refused

DAY = datetime.date(2030, 5, 6)
CONTACT = {"phone": "13800000000"}


def who(*keys):
    return [{"key": key, "name": f"游客{key}", "id_number": "x"} for key in keys]


def test_a_slot_takes_as_many_places_as_it_has():
    ledger = DayLedger(DAY)
    rules = DayRules(slots={"am": 2, "pm": 1}, per_person=0)
    ledger.book(rules, "R1", "am", who("a"), CONTACT)
    ledger.book(rules, "R2", "am", who("b"), CONTACT)
    with pytest.raises(Refused) as refused:
        ledger.book(rules, "R3", "am", who("c"), CONTACT)
    assert refused.value.reason == "full"
    assert ledger.remaining(rules, "am") == 0
    assert ledger.remaining(rules, "pm") == 1
    assert "R3" not in ledger.entries


def test_the_daily_quota_caps_all_slots_together():
    ledger = DayLedger(DAY)
    rules = DayRules(
        slots={"am": 5, "pm": 5}, daily_quota=3, per_person=0, max_companions=3
    )
    ledger.book(rules, "R1", "am", who("a", "b"), CONTACT)
    assert ledger.remaining(rules) == 1
    assert ledger.remaining(rules, "pm") == 1
    with pytest.raises(Refused):
        ledger.book(rules, "R2", "pm", who("c", "d"), {})


def test_one_booking_per_person_and_day_counts_companions_too():
    ledger = DayLedger(DAY)
    rules = DayRules(slots={"day": 100}, per_person=1, max_companions=2)
    ledger.book(rules, "R1", "day", who("a", "b"), CONTACT)
    for people in (who("a"), who("c", "b")):
        with pytest.raises(Refused) as refused:
            ledger.book(rules, "R2", "day", people, CONTACT)
        assert refused.value.reason == "person_limit"


def test_too_many_companions_or_the_same_person_twice_is_refused():
    ledger = DayLedger(DAY)
    rules = DayRules(slots={"day": 100}, max_companions=1)
    for people, reason in (
        (who("a", "b", "c"), "too_many_companions"),
        (who("a", "a"), "same_person_twice"),
        ([], "nobody_to_book"),
    ):
        with pytest.raises(Refused) as refused:
            ledger.book(rules, "R", "day", people, CONTACT)
        assert refused.value.reason == reason
    with pytest.raises(Refused):
        ledger.book(rules, "R", "evening", who("a"), CONTACT)
    assert not ledger.taken and not ledger.persons


def test_a_cancellation_promotes_the_first_waiting_booking_that_fits():
    ledger = DayLedger(DAY)
    rules = DayRules(slots={"am": 2}, per_person=1, max_companions=3, waiting_list=True)
    ledger.book(rules, "R1", "am", who("a", "b"), CONTACT)
    big = ledger.book(rules, "R2", "am", who("c", "d", "e"), CONTACT)
    small = ledger.book(rules, "R3", "am", who("f"), CONTACT)
    assert big.state == small.state == WAITING
    promoted = ledger.cancel(rules, "R1")
    assert [booking.reference for booking in promoted] == ["R3"]
    assert small.state == BOOKED and big.state == WAITING
    assert ledger.entries["R1"].state == CANCELLED
    assert ledger.taken == {"am": 1}
    assert ledger.persons == {"f": 1}
    with pytest.raises(Refused):
        ledger.cancel(rules, "R1")  # once only


@pytest.fixture
def two_connections(tmp_path):
    db = ZODB.DB(FileStorage(str(tmp_path / "Data.fs")))
    managers = (transaction.TransactionManager(), transaction.TransactionManager())
    connections = [db.open(manager) for manager in managers]
    connections[0].root()["day"] = DayLedger(DAY)
    connections[0].root()["other"] = DayLedger(DAY + datetime.timedelta(days=1))
    managers[0].commit()
    for manager in managers:
        manager.begin()
    yield list(zip(connections, managers, strict=True))
    for connection, manager in zip(connections, managers, strict=True):
        manager.abort()
        connection.close()
    db.close()


def test_two_requests_for_the_last_place_never_both_commit(two_connections):
    rules = DayRules(slots={"am": 1}, per_person=0)
    (first, first_tm), (second, second_tm) = two_connections
    first.root()["day"].book(rules, "R1", "am", who("a"), CONTACT)
    second.root()["day"].book(rules, "R2", "am", who("b"), CONTACT)
    first_tm.commit()
    with pytest.raises(ConflictError):
        second_tm.commit()
    second_tm.abort()  # Zope retries the request: it now finds the slot full
    second_tm.begin()
    with pytest.raises(Refused):
        second.root()["day"].book(rules, "R2", "am", who("b"), CONTACT)
    assert second.root()["day"].taken == {"am": 1}


def test_the_same_person_racing_twice_gets_one_booking(two_connections):
    rules = DayRules(slots={"am": 10}, per_person=1)
    (first, first_tm), (second, second_tm) = two_connections
    first.root()["day"].book(rules, "R1", "am", who("a"), CONTACT)
    second.root()["day"].book(rules, "R2", "am", who("a"), CONTACT)
    first_tm.commit()
    with pytest.raises(ConflictError):
        second_tm.commit()
    second_tm.abort()
    second_tm.begin()
    with pytest.raises(Refused):
        second.root()["day"].book(rules, "R2", "am", who("a"), CONTACT)


def test_a_cancellation_racing_a_booking_leaves_the_count_right(two_connections):
    rules = DayRules(slots={"am": 1}, per_person=0)
    (first, first_tm), (second, second_tm) = two_connections
    first.root()["day"].book(rules, "R1", "am", who("a"), CONTACT)
    first_tm.commit()
    second_tm.begin()
    first.root()["day"].cancel(rules, "R1")
    with pytest.raises(Refused):  # still full in the second request's view
        second.root()["day"].book(rules, "R2", "am", who("b"), CONTACT)
    first_tm.commit()
    second_tm.abort()  # the visitor tries again and gets the freed place
    second_tm.begin()
    second.root()["day"].book(rules, "R2", "am", who("b"), CONTACT)
    second_tm.commit()
    first_tm.begin()
    assert first.root()["day"].taken == {"am": 1}


def test_bookings_of_different_days_do_not_conflict(two_connections):
    rules = DayRules(slots={"am": 1}, per_person=0)
    (first, first_tm), (second, second_tm) = two_connections
    first.root()["day"].book(rules, "R1", "am", who("a"), CONTACT)
    second.root()["other"].book(rules, "R2", "am", who("b"), CONTACT)
    first_tm.commit()
    second_tm.commit()


def test_two_bookings_of_a_day_with_room_for_both_are_merged(two_connections):
    rules = DayRules(slots={"am": 3, "pm": 3}, daily_quota=4, max_companions=1)
    (first, first_tm), (second, second_tm) = two_connections
    first.root()["day"].book(rules, "R1", "am", who("a", "b"), CONTACT)
    second.root()["day"].book(rules, "R2", "pm", who("c"), CONTACT)
    first_tm.commit()
    second_tm.commit()  # no ConflictError: both fit, no retry needed
    first_tm.begin()
    day = first.root()["day"]
    assert day.taken == {"am": 2, "pm": 1}
    assert day.persons == {"a": 1, "b": 1, "c": 1}
    assert sorted(day.entries) == ["R1", "R2"]


def test_a_merge_that_would_break_the_daily_quota_conflicts(two_connections):
    rules = DayRules(
        slots={"am": 3, "pm": 3}, daily_quota=3, per_person=0, max_companions=1
    )
    (first, first_tm), (second, second_tm) = two_connections
    first.root()["day"].book(rules, "R1", "am", who("a", "b"), CONTACT)
    second.root()["day"].book(rules, "R2", "pm", who("c", "d"), CONTACT)
    first_tm.commit()
    with pytest.raises(ConflictError):
        second_tm.commit()


def test_a_cancellation_and_a_booking_of_other_slots_are_merged(two_connections):
    rules = DayRules(slots={"am": 1, "pm": 1}, per_person=0)
    (first, first_tm), (second, second_tm) = two_connections
    first.root()["day"].book(rules, "R1", "am", who("a"), CONTACT)
    first_tm.commit()
    second_tm.begin()
    first.root()["day"].cancel(rules, "R1")
    second.root()["day"].book(rules, "R2", "pm", who("b"), CONTACT)
    first_tm.commit()
    second_tm.commit()
    first_tm.begin()
    assert first.root()["day"].taken == {"pm": 1}


def test_waiting_list_changes_are_never_merged(two_connections):
    rules = DayRules(slots={"am": 1, "pm": 5}, per_person=0, waiting_list=True)
    (first, first_tm), (second, second_tm) = two_connections
    first.root()["day"].book(rules, "R1", "am", who("a"), CONTACT)
    first_tm.commit()
    second_tm.begin()
    first.root()["day"].book(rules, "R2", "am", who("b"), CONTACT)  # waits
    second.root()["day"].book(rules, "R3", "pm", who("c"), CONTACT)
    first_tm.commit()
    with pytest.raises(ConflictError):
        second_tm.commit()

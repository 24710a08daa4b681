"""No overbooking on a real ZEO server with two Zope clients (issue 17).

The module starts the real portal once (``cluster_helpers.running_cluster``:
scripts/portal.py start --clients 2 in a temporary var/, only Nanshan, heavy steps
skipped) and stops it at the end, also when a test fails. Requests go straight to
the two Zope clients, split between them, so that two ZEO client storages with
four worker threads each book the same day at the same time.

Every booking or cancellation of a day writes that day's ``DayLedger``; ZODB merges
two writes only when both together keep the limits (``_p_resolveConflict``),
otherwise Zope retries the later one, which then reads the new counts and refuses.
A ConflictError Zope gives up on after its retries would answer 500: it must not
happen here, and the ConflictErrors of the logs are printed at the end.

The days booked are relative to today in China (the cluster runs the real clock):
two days ahead, always inside the bookables' seven-day horizon, open every day.
"""

import datetime
import time
from collections import Counter

import pytest
from booking_helpers import id_number
from cluster_helpers import DEPARTMENT
from cluster_helpers import SITE
from cluster_helpers import add_bookable
from cluster_helpers import add_clerk
from cluster_helpers import add_members
from cluster_helpers import call
from cluster_helpers import china_today
from cluster_helpers import outcome
from cluster_helpers import race
from cluster_helpers import running_cluster

MEMBERS = [f"booker{n:02d}" for n in range(1, 51)]
CLERK = "window-clerk"
PHONE = "13812345678"
HOLDING = ("booked", "checked_in", "no_show")
PER_PERSON_SLOTS = [
    f"{8 + n // 3:02d}:{n % 3 * 20:02d}-{8 + (n + 1) // 3:02d}:{(n + 1) % 3 * 20:02d} 5"
    for n in range(20)
]  # 08:00-08:20 … 14:20-14:40, five places each
SWAP_ROUNDS = 6


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    with running_cluster(tmp_path_factory.mktemp("bookings-cluster") / "var") as c:
        yield c


@pytest.fixture(scope="module")
def day():
    return china_today() + datetime.timedelta(days=2)


@pytest.fixture(scope="module")
def bookables(cluster):
    began = time.monotonic()
    add_members(cluster, MEMBERS)
    add_clerk(cluster, CLERK)
    paths = {
        "last": add_bookable(
            cluster, "last-place", "最后一个名额", slots=["09:00-10:00 1"]
        ),
        "person": add_bookable(
            cluster, "per-person", "每人每天一次", slots=PER_PERSON_SLOTS
        ),
        "swap": add_bookable(
            cluster,
            "swap",
            "取消与预约同时",
            slots=[f"{9 + n:02d}:00-{10 + n:02d}:00 1" for n in range(SWAP_ROUNDS)],
        ),
    }
    print(f"[bookings] 51 members and 3 bookables in {time.monotonic() - began:.0f} s")
    return paths


def booking(day, slot, serial):
    return {
        "date": day.isoformat(),
        "slot": slot,
        "people": [{"name": f"演示预约人{serial}", "id_number": id_number(serial)}],
        "phone": PHONE,
    }


def report(name, responses, timings):
    outcomes = Counter(outcome(response) for response in responses)
    durations = sorted(end - began for began, end in timings)
    print(
        f"\n[bookings] {name}: {len(responses)} requests, outcomes {dict(outcomes)}, "
        f"latency median {durations[len(durations) // 2]:.2f} s / max "
        f"{durations[-1]:.2f} s"
    )
    return outcomes


def clerk_list(cluster, path, day, client=0):
    listed = call("GET", cluster.url(client, f"{path}/@bookings?date={day}"), CLERK)
    assert listed.status_code == 200, listed.text
    return listed.json()["items"]


def slots_of(cluster, path, day, client=0):
    answer = call("GET", cluster.url(client, f"{path}/@slots?date={day}"))
    assert answer.status_code == 200, answer.text
    return {slot["slot"]: slot for slot in answer.json()["slots"]}


def settled(read, expected, wait=10):
    """``read()`` once it equals ``expected`` or ``wait`` s have passed: a client
    sees the other's last commit once its ZEO invalidation has arrived."""
    deadline = time.monotonic() + wait
    value = read()
    while value != expected and time.monotonic() < deadline:
        time.sleep(0.2)
        value = read()
    return value


def place_count(cluster, path, day, slot, client):
    """(places of the bookings holding ``slot``, places taken by ``@slots``)."""
    items = [i for i in clerk_list(cluster, path, day, client) if i["slot"] == slot]
    holding = sum(i["places"] for i in items if i["state"] in HOLDING)
    slot_answer = slots_of(cluster, path, day, client)[slot]
    return holding, slot_answer["places"] - slot_answer["remaining"]


def test_50_members_racing_for_the_last_place_give_one_booking(cluster, bookables, day):
    path = bookables["last"]
    jobs = [
        ("POST", n, f"{path}/@bookings", member, booking(day, "09:00-10:00", n + 1))
        for n, member in enumerate(MEMBERS)
    ]
    responses, timings = race(cluster, jobs)
    outcomes = report("50 members, last place", responses, timings)
    assert outcomes == {"201": 1, "409 full": 49}, outcomes
    winner = next(r.json() for r in responses if r.status_code == 201)
    for response in responses:
        if response.status_code == 409:
            assert response.json()["error"]["message"], response.text
    for client in (0, 1):
        slot = slots_of(cluster, path, day, client)["09:00-10:00"]
        assert (slot["remaining"], slot["available"]) == (0, False), (client, slot)
        items = settled(
            lambda c=client: [
                i["reference"] for i in clerk_list(cluster, path, day, c)
            ],
            [winner["reference"]],
        )
        assert items == [winner["reference"]], client
    # and the place stays taken: one more member is refused as clearly
    late = call(
        "POST",
        cluster.url(1, f"{path}/@bookings"),
        MEMBERS[0],
        booking(day, "09:00-10:00", 99),
    )
    assert outcome(late) == "409 full", late.text


def test_one_id_number_in_20_slots_at_once_books_once(cluster, bookables, day):
    path = bookables["person"]
    slots = [line.split()[0] for line in PER_PERSON_SLOTS]
    jobs = [
        ("POST", n, f"{path}/@bookings", member, booking(day, slot, 7))
        for n, (member, slot) in enumerate(zip(MEMBERS[:20], slots, strict=True))
    ]
    responses, timings = race(cluster, jobs)
    outcomes = report("one ID number, 20 slots", responses, timings)
    assert outcomes == {"201": 1, "409 person_limit": 19}, outcomes
    for client in (0, 1):
        items = settled(lambda c=client: len(clerk_list(cluster, path, day, c)), 1)
        assert items == 1, client
        left = sum(
            s["remaining"] for s in slots_of(cluster, path, day, client).values()
        )
        assert left == 20 * 5 - 1, (client, left)
    # another person still books any slot that day
    other = call(
        "POST",
        cluster.url(0, f"{path}/@bookings"),
        MEMBERS[30],
        booking(day, slots[0], 8),
    )
    assert other.status_code == 201, other.text


def test_a_cancellation_racing_bookings_leaves_the_count_right(cluster, bookables, day):
    path = bookables["swap"]
    seen = Counter()
    for round_ in range(SWAP_ROUNDS):
        slot = f"{9 + round_:02d}:00-{10 + round_:02d}:00"
        holder = MEMBERS[40]
        held = call(
            "POST",
            cluster.url(round_, f"{path}/@bookings"),
            holder,
            booking(day, slot, 200 + round_),
        )
        assert held.status_code == 201, held.text
        reference = held.json()["reference"]
        bookers = MEMBERS[41 + round_ % 3 * 3 : 44 + round_ % 3 * 3]
        jobs = [("DELETE", round_, f"{path}/@bookings/{reference}", holder, None)]
        jobs += [
            (
                "POST",
                round_ + 1 + n,
                f"{path}/@bookings",
                member,
                booking(day, slot, 300 + 10 * round_ + n),
            )
            for n, member in enumerate(bookers)
        ]
        responses, timings = race(cluster, jobs)
        outcomes = report(f"cancel vs book, round {round_ + 1}", responses, timings)
        assert outcome(responses[0]) == "200", responses[0].text  # always cancels
        booked = [r for r in responses[1:] if outcome(r) == "201"]
        refused = [r for r in responses[1:] if outcome(r) == "409 full"]
        assert len(booked) + len(refused) == len(bookers), outcomes
        assert len(booked) <= 1, outcomes  # one place: at most one newcomer
        seen[len(booked)] += 1

        for client in (0, 1):
            holding, taken = settled(
                lambda c=client, s=slot: place_count(cluster, path, day, s, c),
                (len(booked),) * 2,
            )
            # places taken (from @slots) == places of bookings holding them
            assert holding == taken == len(booked), (round_, client, holding, taken)
    print(f"[bookings] cancel vs book: rounds by newcomers booked {dict(seen)}")


def test_the_bookings_answer_through_the_load_balancer_too(cluster, bookables, day):
    answer = call("GET", f"{cluster.front}{bookables['last']}/@slots?date={day}")
    assert answer.status_code == 200, answer.text
    assert answer.json()["remaining"] == 0
    assert DEPARTMENT.startswith(f"/{SITE}/")

"""The bookings' cluster tests and benchmark: members, clerks, bookables, races.

On top of ``tests/cluster_portal.py`` (the real two-client cluster); the
concurrency tests (``test_bookings_concurrency.py``) and the benchmark
(``scripts/bench/bench_bookings.py``) share it.
"""

import contextlib
import datetime
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from zoneinfo import ZoneInfo

import cluster_portal
import requests
from cluster_portal import conflicts_in_logs  # noqa: F401 - used by the bench
from cluster_portal import loopback_call

SITE = "nanshan"
DEPARTMENT = f"/{SITE}/zh-cn/gaj"
ADMIN_PASSWORD = "Admin-Bookings-Load-4h8v"  # noqa: S105 - a throwaway portal
MEMBER_PASSWORD = "Member-Bookings-Load-2m6x"  # noqa: S105
CHINA = ZoneInfo("Asia/Shanghai")


def china_today():
    """Today in China: the portal's booking calendar is in China time."""
    return datetime.datetime.now(CHINA).date()


def call(method, url, user=None, json=None):
    """One request as ``user`` ("admin", a member, or None for a visitor)."""
    auth = None
    if user:
        auth = (user, ADMIN_PASSWORD if user == "admin" else MEMBER_PASSWORD)
    return loopback_call(method, url, auth, json)


@contextlib.contextmanager
def running_cluster(var, label="bookings"):
    """The Nanshan cluster of the bookings' tests, started in ``var``."""
    with cluster_portal.running_cluster(var, ADMIN_PASSWORD, label, SITE) as cluster:
        yield cluster


def add_members(cluster, names):
    """Members with ``MEMBER_PASSWORD`` (as admin over REST, alternating clients)."""
    for n, name in enumerate(names):
        made = call(
            "POST",
            cluster.url(n, f"/{SITE}/@users"),
            "admin",
            {
                "username": name,
                "email": f"{name}@example.org",
                "password": MEMBER_PASSWORD,
            },
        )
        assert made.status_code == 201, made.text


def add_clerk(cluster, name, department="gaj"):
    add_members(cluster, [name])
    joined = call(
        "PATCH",
        cluster.url(0, f"/{SITE}/@groups/{department}-clerks"),
        "admin",
        {"users": {name: True}},
    )
    assert joined.status_code == 204, joined.text


def add_bookable(cluster, id, title, **fields):
    """A published Bookable in the department, made as admin on client 1; waits
    until client 2 sees it. Its path."""
    values = {
        "@type": "Bookable",
        "id": id,
        "title": title,
        "kind": "reservation",
        "opening": "every_day",
        "horizon_days": 7,
        "lead_hours": 0,
        "cancel_hours": 0,
        "per_person": 1,
        "max_companions": 0,
        "no_show_limit": 0,
        "account_required": True,
        **fields,
    }
    made = call("POST", cluster.url(0, DEPARTMENT), "admin", values)
    assert made.status_code == 201, made.text
    path = f"{DEPARTMENT}/{id}"
    for transition in ("submit", "approve_section"):
        done = call("POST", cluster.url(0, f"{path}/@workflow/{transition}"), "admin")
        assert done.status_code == 200, done.text
    assert done.json()["review_state"] == "published", done.json()
    deadline = time.monotonic() + 30
    while call("GET", cluster.url(1, f"{path}/@slots")).status_code != 200:
        assert time.monotonic() < deadline, f"client 2 never saw {path}"
        time.sleep(0.2)
    return path


def race(cluster, jobs):
    """Send ``jobs`` (method, client, path, user, json) at once, one thread each,
    released together by a barrier; the responses in order, with timings."""
    barrier = threading.Barrier(len(jobs))
    timings = [None] * len(jobs)

    def send(index):
        method, client, path, user, body = jobs[index]
        barrier.wait(timeout=60)
        began = time.monotonic()
        try:
            return call(method, cluster.url(client, path), user, body)
        except requests.RequestException as error:
            return error
        finally:
            timings[index] = (began, time.monotonic())

    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        responses = list(pool.map(send, range(len(jobs))))
    return responses, timings


def outcome(response):
    """A response as a short label: "201", "409 full", "ConflictError …"."""
    if isinstance(response, Exception):
        return f"no answer: {response!r}"
    if response.status_code >= 500 and "ConflictError" in response.text:
        return "ConflictError after Zope's retries"
    if response.status_code in (200, 201, 204):
        return str(response.status_code)
    try:
        reason = (response.json().get("error") or {}).get("reason")
    except (ValueError, AttributeError):
        reason = None
    if reason:
        return f"{response.status_code} {reason}"
    return f"{response.status_code} {response.text[:300]}"

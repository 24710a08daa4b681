"""Benchmark: bookings per second at one contended slot against uncontended ones.

    make bench        (or: .venv/bin/python scripts/bench/bench_bookings.py)

One run starts the real portal as `make cluster` does (two Zope clients on one ZEO
server, haproxy, Solr; ``tests/bookings/cluster_helpers.py``) in a temporary var/
on loopback ports, makes two published Bookables (members book, no confirmation
mails to wait for: an account books) and eight members, warms up, then sends
``COUNT`` bookings ``PARALLEL`` at a time, split between the two clients:

- **contended**: every booking for the same slot of the same day, so every one
  writes the same day record (``DayLedger``) and concurrent commits are merged by
  its conflict resolution or retried by Zope;
- **uncontended**: each booking for another day (a different day record).

Each phase is bounded by ``COUNT`` requests and ``LIMIT`` seconds. Figures go to
the "bookings" section of docs/benchmarks.md; the portal is stopped at the end.
"""

import datetime
import os
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
for folder in (HERE, ROOT / "scripts", ROOT / "tests", ROOT / "tests" / "bookings"):
    sys.path.insert(0, str(folder))

from bench_frontpage import machine  # noqa: E402
from booking_helpers import id_number  # noqa: E402
from cluster_helpers import add_bookable  # noqa: E402
from cluster_helpers import add_members  # noqa: E402
from cluster_helpers import call  # noqa: E402
from cluster_helpers import china_today  # noqa: E402
from cluster_helpers import conflicts_in_logs  # noqa: E402
from cluster_helpers import outcome  # noqa: E402
from cluster_helpers import running_cluster  # noqa: E402
from report import write_section  # noqa: E402

COUNT = int(os.environ.get("ZHENGWU_BENCH_BOOKINGS_COUNT", "80"))  # per phase, < 88
PARALLEL = 8  # the two clients' worker threads (4 each)
LIMIT = float(os.environ.get("ZHENGWU_BENCH_BOOKINGS_LIMIT", "120"))  # s per phase
WARMUP = 16
SLOT = "09:00-17:00"
MEMBERS = [f"bench{n}" for n in range(PARALLEL)]


def _body(day, serial):
    return {
        "date": day.isoformat(),
        "slot": SLOT,
        "people": [{"name": f"压测预约人{serial}", "id_number": id_number(serial)}],
        "phone": "13800000000",
    }


def _phase(cluster, path, days, first_serial):
    """Book ``len(days)`` times, ``PARALLEL`` at a time; figures of the phase."""
    lock = threading.Lock()
    queue = list(enumerate(days))
    deadline = time.monotonic() + LIMIT
    results = []

    def worker(number):
        while True:
            with lock:
                if not queue or time.monotonic() > deadline:
                    return
                index, day = queue.pop(0)
            began = time.monotonic()
            response = call(
                "POST",
                cluster.url(number, f"{path}/@bookings"),
                MEMBERS[number],
                _body(day, first_serial + index),
            )
            with lock:
                results.append((outcome(response), time.monotonic() - began))

    before = sum(conflicts_in_logs(cluster.var).values())
    began = time.monotonic()
    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        list(pool.map(worker, range(PARALLEL)))
    elapsed = time.monotonic() - began
    conflicts = conflicts_in_logs(cluster.var)
    latencies = sorted(seconds for _, seconds in results)
    outcomes = Counter(label for label, _ in results)
    return {
        "sent": len(results),
        "outcomes": dict(outcomes),
        "booked": outcomes["201"],
        "seconds": elapsed,
        "per_second": outcomes["201"] / elapsed,
        "p50": latencies[len(latencies) // 2] * 1000,
        "p95": latencies[int(len(latencies) * 0.95) - 1] * 1000,
        "conflicts": sum(conflicts.values()) - before,
        "gave_up": sum(n for kind, n in conflicts.items() if kind.startswith("GAVE")),
    }


def run():
    var = Path(tempfile.mkdtemp(prefix="zhengwu-bench-bookings-")) / "var"
    with running_cluster(var, label="bench bookings") as cluster:
        add_members(cluster, MEMBERS)
        common = {"slots": [f"{SLOT} 1000"], "per_person": 1, "horizon_days": 90}
        one = add_bookable(cluster, "bench-one", "压测：同一时段", **common)
        many = add_bookable(cluster, "bench-many", "压测：每次不同日", **common)
        tomorrow = china_today() + datetime.timedelta(days=1)
        warm = _phase(cluster, one, [tomorrow + datetime.timedelta(days=2)] * WARMUP, 0)
        assert warm["booked"] == WARMUP, warm
        contended = _phase(cluster, one, [tomorrow] * COUNT, 10_000)
        days = [tomorrow + datetime.timedelta(days=n) for n in range(COUNT)]
        uncontended = _phase(cluster, many, days, 20_000)
        taken = call("GET", cluster.url(1, f"{one}/@slots?date={tomorrow}")).json()
        return {
            "contended": contended,
            "uncontended": uncontended,
            "places_taken": 1000 - taken["slots"][0]["remaining"],
            "started_in": cluster.started_in,
        }


def section(result):
    rows = (
        ("one slot of one day (contended)", result["contended"]),
        ("a different day each (uncontended)", result["uncontended"]),
    )
    lines = [
        "## Bookings: one contended slot against uncontended days",
        "",
        f"Measured on {time.strftime('%Y-%m-%d')} by "
        f"`scripts/bench/bench_bookings.py` on {machine()}. One run of the real "
        "cluster (`scripts/portal.py start --clients 2`: ZEO, two Zope clients of "
        f"4 threads, haproxy, Solr; up in {result['started_in']:.0f} s), loopback "
        f"only. Eight members book as members (`POST @bookings`), {PARALLEL} "
        "requests in flight, split between the two clients, after "
        f"{WARMUP} warm-up bookings; each phase at most {COUNT} bookings and "
        f"{LIMIT:.0f} s. Contended: every booking for the same slot of the same day "
        "(1,000 places), so each writes that day's `DayLedger` and concurrent "
        "commits are merged by its conflict resolution or retried by Zope. "
        "Uncontended: each booking for another day of a second bookable.",
        "",
        "| phase | bookings | bookings/s | p50 ms | p95 ms | ConflictErrors "
        "(retried) | given up | outcomes |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for label, row in rows:
        lines.append(
            f"| {label} | {row['booked']} | {row['per_second']:.1f} | "
            f"{row['p50']:.0f} | {row['p95']:.0f} | {row['conflicts']} | "
            f"{row['gave_up']} | {row['outcomes']} |"
        )
    ratio = result["contended"]["per_second"] / result["uncontended"]["per_second"]
    lines += [
        "",
        f"- contended / uncontended: **{ratio:.2f}x** the bookings per second; "
        f"the contended slot shows {result['places_taken']} places taken for "
        f"{result['contended']['booked']} bookings.",
        "",
        f"Load average when the run ended: {os.getloadavg()[0]:.1f}. Command: "
        "`make bench` (or `.venv/bin/python scripts/bench/bench_bookings.py`).",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    figures = run()
    text = section(figures)
    write_section("bookings", text)
    print(text)

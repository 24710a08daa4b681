"""A real portal cluster for bookings under load: start, call, race, count conflicts.

``running_cluster`` starts the portal as `make cluster` does (scripts/portal.py
start --clients 2: Solr, a ZEO server, two Zope clients and haproxy) in a
temporary var/ on free loopback ports, with ``ZHENGWU_SKIP_STEPS=heavy`` and only
the Nanshan site, and stops what it started at the end. The concurrency tests
(``test_bookings_concurrency.py``) and the benchmark
(``scripts/bench/bench_bookings.py``) share it; it follows the votes test
(``tests/participation/test_votes_concurrency.py``).
"""

import contextlib
import datetime
import os
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import processes
import requests

ROOT = Path(__file__).resolve().parents[2]
PORTAL = [sys.executable, str(ROOT / "scripts" / "portal.py")]
SITE = "nanshan"
DEPARTMENT = f"/{SITE}/zh-cn/gaj"
ADMIN_PASSWORD = "Admin-Bookings-Load-4h8v"  # noqa: S105 - a throwaway portal
MEMBER_PASSWORD = "Member-Bookings-Load-2m6x"  # noqa: S105
TIMEOUT = (10, 180)  # connect, read: a request waits for retries and busy threads
LOOPBACK = "127.0.0.1"
CHINA = ZoneInfo("Asia/Shanghai")


@dataclass
class Cluster:
    env: dict
    var: Path
    front: str  # haproxy
    clients: list  # the Zope clients, directly
    started_in: float

    def url(self, client, path):
        return f"{self.clients[client % len(self.clients)]}{path}"


def china_today():
    """Today in China: the portal's booking calendar is in China time."""
    return datetime.datetime.now(CHINA).date()


def call(method, url, user=None, json=None):
    """One request to the loopback address (no proxy from the environment)."""
    assert urlsplit(url).hostname == LOOPBACK, url
    auth = None
    if user:
        auth = (user, ADMIN_PASSWORD if user == "admin" else MEMBER_PASSWORD)
    with requests.Session() as session:
        session.trust_env = False
        return session.request(
            method,
            url,
            auth=auth,
            json=json,
            headers={"Accept": "application/json"},
            timeout=TIMEOUT,
            allow_redirects=False,
        )


def _port_with_free_neighbours(count):
    while True:
        port = processes.free_port()
        if port + count < 65536 and all(
            processes.port_is_free(port + n) for n in range(1, count + 1)
        ):
            return port


def _free_port_but(first, count):
    while True:
        port = processes.free_port()
        if not first <= port < first + count:
            return port


def _pids(var):
    return {
        path.stem: processes.read_pid(path)
        for path in (Path(var) / "run").glob("*.pid")
    }


def conflicts_in_logs(var):
    """ConflictErrors in the Zope event logs, by class of the conflicting object:
    retried by Zope, and given up after the last retry."""
    found = Counter()
    for log in sorted((Path(var) / "log").glob("client*.log")):
        for line in log.read_text(errors="replace").splitlines():
            if "database conflict error" not in line:
                continue
            kind = line.split("class ", 1)[-1].split(",", 1)[0]
            if "Request will be retried" in line:
                found[f"retried {kind} ({log.stem})"] += 1
            elif line.startswith("ZODB.POSException.ConflictError"):
                found[f"GAVE UP {kind} ({log.stem})"] += 1
    return dict(sorted(found.items()))


@contextlib.contextmanager
def running_cluster(var, label="bookings"):
    """Yield a started two-client Cluster in ``var``; stop it afterwards."""
    if shutil.which("haproxy") is None:
        raise RuntimeError(
            "haproxy is needed for `portal.py start --clients 2`: run `make test-deps`."
        )
    began = time.monotonic()
    port = _port_with_free_neighbours(2)
    env = {
        **os.environ,
        "ZHENGWU_VAR": str(var),
        "ZHENGWU_ZOPE_PORT": str(port),
        "ZHENGWU_ZEO_PORT": str(_free_port_but(port, 3)),
        "ZHENGWU_SOLR_PORT": str(_free_port_but(port, 3)),
        "ZHENGWU_SKIP_STEPS": "heavy",
        "ZHENGWU_DISTRICTS": SITE,
        "ZHENGWU_ADMIN_PASSWORD": ADMIN_PASSWORD,
    }
    for name in (
        "COLLECTIVE_SOLR_PORT",
        "COLLECTIVE_SOLR_HOST",
        "ZHENGWU_ZEO_HOST",
        "ZHENGWU_SOLR_HOST",
    ):
        env.pop(name, None)
    pids = {}
    try:
        started = subprocess.run(
            [*PORTAL, "start", "--clients", "2"],
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
        assert started.returncode == 0, started.stderr + started.stdout
        pids = _pids(var)
        assert {"solr", "zeo", "client1", "client2", "haproxy"} <= set(pids), pids
        seconds = time.monotonic() - began
        print(f"\n[{label}] portal up in {seconds:.0f} s on port {port}")
        yield Cluster(
            env=env,
            var=Path(var),
            front=f"http://{LOOPBACK}:{port}",
            clients=[f"http://{LOOPBACK}:{port + n}" for n in (1, 2)],
            started_in=seconds,
        )
    finally:
        pids = {**pids, **_pids(var)}
        stopped = subprocess.run(
            [*PORTAL, "stop"],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        left = {name: pid for name, pid in pids.items() if processes.pid_alive(pid)}
        for pid in left.values():  # only what this cluster started
            processes.terminate(pid, timeout=30)
        if Path(var).exists():
            print(f"[{label}] ConflictErrors in the logs: {conflicts_in_logs(var)}")
        print(
            f"[{label}] {stopped.stdout.strip()} Whole run: "
            f"{time.monotonic() - began:.0f} s."
        )
        assert not left, f"still running after `portal.py stop`: {left}"


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

"""A real portal cluster for tests under load: start it, call it, count conflicts.

``running_cluster`` starts the portal as `make cluster` does (scripts/portal.py
start --clients 2: Solr, a ZEO server, two Zope clients and haproxy) in a
temporary var/ on free loopback ports, with ``ZHENGWU_SKIP_STEPS=heavy`` and one
site, and stops what it started at the end, also when a test fails. The requests
can go straight to the two Zope clients (``ZHENGWU_ZOPE_PORT`` + 1 and + 2;
haproxy listens on the port itself), so that two ZEO client storages commit at
the same time. Used by the votes and the bookings concurrency tests and the
bookings benchmark.
"""

import contextlib
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import processes
import requests

ROOT = Path(__file__).resolve().parents[1]
PORTAL = [sys.executable, str(ROOT / "scripts" / "portal.py")]
TIMEOUT = (10, 180)  # connect, read: a request waits for retries and busy threads
LOOPBACK = "127.0.0.1"


@dataclass
class Cluster:
    env: dict
    var: Path
    front: str  # haproxy
    clients: list  # the Zope clients, directly
    started_in: float

    def url(self, client, path):
        return f"{self.clients[client % len(self.clients)]}{path}"


def loopback_call(method, url, auth=None, json=None):
    """One request to the loopback address (no proxy from the environment)."""
    assert urlsplit(url).hostname == LOOPBACK, url
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


def port_with_free_neighbours(count):
    while True:
        port = processes.free_port()
        if port + count < 65536 and all(
            processes.port_is_free(port + n) for n in range(1, count + 1)
        ):
            return port


def free_port_but(first, count):
    while True:
        port = processes.free_port()
        if not first <= port < first + count:
            return port


def pids_in(var):
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
def running_cluster(var, admin_password, label, site="nanshan"):
    """Yield a started two-client Cluster of ``site`` in ``var``; stop it after."""
    if shutil.which("haproxy") is None:
        raise RuntimeError(
            "haproxy is needed for `portal.py start --clients 2`: run `make test-deps`."
        )
    began = time.monotonic()
    port = port_with_free_neighbours(2)
    env = {
        **os.environ,
        "ZHENGWU_VAR": str(var),
        "ZHENGWU_ZOPE_PORT": str(port),
        "ZHENGWU_ZEO_PORT": str(free_port_but(port, 3)),
        "ZHENGWU_SOLR_PORT": str(free_port_but(port, 3)),
        "ZHENGWU_SKIP_STEPS": "heavy",
        "ZHENGWU_DISTRICTS": site,
        "ZHENGWU_ADMIN_PASSWORD": admin_password,
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
        pids = pids_in(var)
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
        pids = {**pids, **pids_in(var)}
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

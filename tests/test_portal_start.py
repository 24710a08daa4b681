"""`make start` / `make stop` for real: Solr, a ZEO server and a Zope client.

These run scripts/portal.py as a newcomer's `make start` does, in a temporary var/
and on free ports, so they never touch a portal running from the checkout.
"""

import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import processes
import pytest
import requests
from portal_runs import PORTAL
from portal_runs import health
from portal_runs import run_portal


@pytest.mark.parametrize("variable", ["ZHENGWU_ZOPE_PORT", "ZHENGWU_ZEO_PORT"])
def test_start_on_a_busy_port_ends_with_one_clear_sentence(portal_env, variable):
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        portal_env[variable] = str(squatter.getsockname()[1])
        if variable == "ZHENGWU_ZEO_PORT":  # ZEO listens on TCP only when asked to
            portal_env["ZHENGWU_ZEO_HOST"] = "127.0.0.1"
        result = run_portal("start", portal_env, timeout=60)
    assert result.returncode == 1
    port = portal_env[variable]
    assert result.stderr.strip().splitlines() == [
        f"Error: Port {port} ({'Zope' if 'ZOPE' in variable else 'ZEO'}) is already "
        f"in use: stop what uses it or set {variable} to a free port."
    ]
    assert "Traceback" not in result.stdout + result.stderr
    assert not (Path(portal_env["ZHENGWU_VAR"]) / "run" / "zeo.pid").exists()


def test_start_with_a_port_that_is_not_a_number_is_refused(portal_env):
    portal_env["ZHENGWU_SOLR_PORT"] = "http"
    result = run_portal("start", portal_env, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Error: ZHENGWU_SOLR_PORT=http is not a port number: set 1-65535."
    )


def test_start_without_java_says_how_to_install_it(portal_env):
    portal_env["PATH"] = str(Path(sys.executable).parent)
    portal_env.pop("JAVA_HOME", None)
    result = run_portal("start", portal_env, timeout=60)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Java" in lines[0] and "install" in lines[0]


def _pids(var):
    return {
        path.stem: processes.read_pid(path)
        for path in (Path(var) / "run").glob("*.pid")
    }


def test_start_creates_both_sites_on_zeo_and_restarts_fast_on_the_same_data(
    portal_env,
):
    var = Path(portal_env["ZHENGWU_VAR"])
    # an older start left var/ and a log readable by everyone on the host
    (var / "log").mkdir(parents=True)
    var.chmod(0o755)
    (var / "log" / "client1.log").write_text("an older log\n")
    (var / "log" / "client1.log").chmod(0o644)
    first = run_portal("start", portal_env)
    assert first.returncode == 0, first.stderr + first.stdout
    password_file = var / "admin-password"
    password = password_file.read_text().strip()
    assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
    assert len(password) >= 12 and password != "admin"  # noqa: S105
    assert f"login: admin / {password}" in first.stdout
    for site in ("nanshan", "yantian"):
        report = health(portal_env, site)
        assert report["status"] == "ok"
        assert report["zodb"]["storage"] == "ClientStorage"
        assert report["solr"]["core"] == site
        assert report["solr"]["documents"] >= 30
    assert (var / "log" / "zeo.log").exists() and (var / "log" / "client1.log").exists()
    _assert_back_ends_are_the_owners(portal_env, var)

    # The admin login works against the Zope root; admin/admin does not.
    root = f"http://127.0.0.1:{portal_env['ZHENGWU_ZOPE_PORT']}"
    assert requests.get(f"{root}/manage_main", auth=("admin", password)).ok
    refused = requests.get(f"{root}/manage_main", auth=("admin", "admin"))
    assert refused.status_code == 401
    # Visitors on the loopback address get the themed site, in Chinese.
    front = requests.get(f"{root}/nanshan", timeout=30)
    assert front.url.endswith("/nanshan/zh-cn")
    assert "++theme++zhengwu" in front.text

    pids = _pids(var)
    assert set(pids) == {"solr", "zeo", "client1"}
    stopped = run_portal("stop", portal_env, timeout=180)
    assert stopped.returncode == 0
    assert "killed" not in stopped.stdout
    assert not any(processes.pid_alive(pid) for pid in pids.values())
    assert "closing storage" in (var / "log" / "zeo.log").read_text().lower()

    began = time.monotonic()
    second = run_portal("start", portal_env)
    elapsed = time.monotonic() - began
    assert second.returncode == 0, second.stderr + second.stdout
    assert "Creating sites" not in second.stdout
    assert elapsed < 30, f"restart took {elapsed:.0f} s"
    assert health(portal_env, "yantian")["status"] == "ok"
    assert password_file.read_text().strip() == password

    # The ZEO server goes away: the health check says so with 503, it does not hang.
    processes.terminate(_pids(var)["zeo"])
    url = f"http://127.0.0.1:{portal_env['ZHENGWU_ZOPE_PORT']}/nanshan/@health"
    gone = requests.get(url, headers={"Accept": "application/json"}, timeout=30)
    assert gone.status_code == 503
    assert gone.json()["status"] == "down"
    assert gone.json()["zodb"]["status"] == "down"


def _assert_back_ends_are_the_owners(env, var):
    """var/, the ZODB, logs and secrets are owner-only; ZEO listens on a socket in
    var/run; Solr asks for the generated login (issue 13.3)."""
    open_to_others = [
        str(path) for path in [var, *var.rglob("*")] if path.lstat().st_mode & 0o077
    ]
    assert open_to_others == []
    assert (var / "filestorage" / "Data.fs").exists()
    sock = var / "run" / "zeo.sock"
    assert stat.S_ISSOCK(sock.stat().st_mode)
    assert processes.port_is_free(int(env["ZHENGWU_ZEO_PORT"]))  # no TCP listener
    solr_url = f"http://127.0.0.1:{env['ZHENGWU_SOLR_PORT']}/solr/nanshan/select"
    assert requests.get(solr_url, params={"q": "*:*"}, timeout=30).status_code == 401
    login, password = (var / "solr-credentials").read_text().strip().split(":")
    found = requests.get(solr_url, params={"q": "*:*"}, auth=(login, password))
    assert found.json()["response"]["numFound"] >= 30
    status = run_portal("status", env, timeout=60)
    assert status.returncode == 0, status.stderr
    assert "zeo " in status.stdout and "nanshan  ok" in status.stdout


def _port_with_free_neighbours(count):
    """A free port whose next ``count`` ports are free too (the cluster's clients)."""
    while True:
        port = processes.free_port()
        if port + count < 65536 and all(
            processes.port_is_free(port + n) for n in range(1, count + 1)
        ):
            return port


def test_cluster_spreads_requests_and_survives_a_lost_client(portal_env):
    var = Path(portal_env["ZHENGWU_VAR"])
    portal_env["ZHENGWU_ZOPE_PORT"] = str(_port_with_free_neighbours(2))
    started = subprocess.run(
        [*PORTAL, "start", "--clients", "2"],
        env=portal_env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert started.returncode == 0, started.stderr + started.stdout
    pids = _pids(var)
    assert {"haproxy", "client1", "client2", "zeo", "solr"} <= set(pids)
    front = f"http://127.0.0.1:{portal_env['ZHENGWU_ZOPE_PORT']}/nanshan/zh-cn"
    for _ in range(12):
        assert requests.get(front, timeout=30).status_code == 200
    served = {
        name: (var / "log" / f"{name}-access.log").read_text().count("/nanshan/zh-cn")
        for name in ("client1", "client2")
    }
    assert all(served.values()), served
    # One client goes away: visitors are still served by the other.
    processes.terminate(pids["client1"])
    for _ in range(6):
        assert requests.get(front, timeout=30).status_code == 200
    assert health(portal_env, "yantian")["status"] == "ok"
    stopped = run_portal("stop", portal_env, timeout=180)
    assert stopped.returncode == 0
    assert not any(processes.pid_alive(pid) for pid in pids.values())

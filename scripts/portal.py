"""Start, stop and inspect the whole portal: Solr, ZEO, Zope clients, load balancer.

    python scripts/portal.py start [--clients N]   # `make start`, `make cluster`
    python scripts/portal.py stop                  # `make stop`
    python scripts/portal.py status

Settings come from ZHENGWU_* environment variables (docs/operations.md). Everything the
portal writes lives under ZHENGWU_VAR (default: var/ in the checkout).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import processes  # noqa: E402
from portal_settings import ROOT  # noqa: E402
from portal_settings import Settings  # noqa: E402
from portal_settings import admin_password  # noqa: E402
from portal_settings import solr_credentials  # noqa: E402
from portal_settings import write_configuration  # noqa: E402
from processes import StartError  # noqa: E402

import solr  # noqa: E402

BIN = Path(sys.executable).parent


# -- starting ------------------------------------------------------------------------


def running_services(settings):
    names = ["solr", "zeo", "haproxy"] + [f"client{n}" for n in range(1, 10)]
    found = {}
    for name in names:
        pid = processes.read_pid(settings.pid_file(name))
        if pid and processes.pid_alive(pid):
            found[name] = pid
    return found


def check_ports(settings):
    wanted = [("Zope", "ZHENGWU_ZOPE_PORT", settings.zope_port)]
    if settings.clients > 1:
        wanted += [
            ("Zope client", "ZHENGWU_ZOPE_PORT", p) for p in settings.client_ports()
        ]
    if settings.local_zeo and settings.zeo_host is not None:  # TCP asked for
        wanted.append(("ZEO", "ZHENGWU_ZEO_PORT", settings.zeo_port))
    if settings.local_solr:
        wanted.append(("Solr", "ZHENGWU_SOLR_PORT", settings.solr_port))
    taken = {}
    for what, variable, port in wanted:
        if port in taken and taken[port] != what:
            raise StartError(
                f"Port {port} is wanted by both {taken[port]} and {what}: set "
                f"{variable} to another port."
            )
        taken[port] = what
    for what, variable, port in wanted:
        if not processes.port_is_free(port):
            raise StartError(
                f"Port {port} ({what}) is already in use: stop what uses it or set "
                f"{variable} to a free port."
            )


def start_solr(settings):
    solr.ensure_built()
    home = settings.var / "solr"
    cores = [load_profile(name).solr_core for name in settings.districts]
    solr.prepare_home(home, cores, solr_credentials(settings))
    process = solr.start(home, settings.solr_port, settings.log("solr.log"))
    settings.pid_file("solr").write_text(f"{process.pid}\n")
    return cores


def start_zeo(settings):
    log = settings.log("zeo.out")
    process = processes.spawn(
        [str(BIN / "runzeo"), "-C", str(settings.var / "etc" / "zeo.conf")],
        log,
        settings.pid_file("zeo"),
    )
    if settings.zeo_host is None:
        processes.wait_for_socket(settings.zeo_socket, 30, process, "ZEO server", log)
    else:
        processes.wait_for_port(settings.zeo_port, 30, process, "ZEO server", log)


def start_clients(settings):
    """Start the Zope clients and wait until each answers HTTP.

    The first starts alone: on a new database exactly one client must create the
    Zope root, or the clients' first transactions conflict.
    """

    def spawn(number):
        name = f"client{number}"
        return processes.spawn(
            [str(BIN / "runwsgi"), str(settings.var / "instance" / name / "zope.ini")],
            settings.log(f"{name}.out"),
            settings.pid_file(name),
        )

    _wait_for_zope(settings, 1, spawn(1))
    others = {number: spawn(number) for number in range(2, settings.clients + 1)}
    for number, process in others.items():
        _wait_for_zope(settings, number, process)


def start_balancer(settings):
    haproxy = shutil.which("haproxy")
    if haproxy is None:
        raise StartError(
            "haproxy is needed for the cluster: install it with "
            "`apt-get install -y haproxy` (make cluster does this)."
        )
    processes.spawn(
        [haproxy, "-db", "-f", str(settings.var / "etc" / "haproxy.cfg")],
        settings.log("haproxy.log"),
        settings.pid_file("haproxy"),
    )


def load_profile(name):
    sys.path.insert(0, str(ROOT / "src"))
    from zhengwu.sites.profile import load_district_profile
    from zhengwu.sites.profile import profiles_directory

    return load_district_profile(profiles_directory() / name)


def create_sites(settings, password, client_dir):
    """Run scripts/create_sites.py in a ZEO client of its own; the servers run on."""
    env = {
        **os.environ,
        "ZHENGWU_ADMIN_PASSWORD": password,
        "ZHENGWU_DISTRICTS": " ".join(settings.districts),
    }
    log = settings.log("create-sites.log")
    with open(log, "ab") as out:
        result = subprocess.run(  # noqa: S603
            [
                str(BIN / "zconsole"),
                "run",
                str(client_dir / "zope.conf"),
                str(ROOT / "scripts" / "create_sites.py"),
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            check=False,
        )
    if result.returncode:
        raise StartError(f"Creating the sites failed: read {log}.")


def health(url):
    """The @health report of a site, or None when it does not answer with one."""
    request = urllib.request.Request(url, headers={"Accept": "application/json"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return json.load(response)
    except (OSError, ValueError):
        return None


def wait_for_sites(settings, timeout=180):
    base = f"http://127.0.0.1:{settings.zope_port}"
    deadline = time.monotonic() + timeout
    pending = list(settings.districts)
    while pending and time.monotonic() < deadline:
        report = health(f"{base}/{pending[0]}/@health")
        if report and report["solr"]["status"] == "up":
            pending.pop(0)
        else:
            time.sleep(0.5)
    if pending:
        raise StartError(
            f"Site {pending[0]} did not report healthy within {timeout} s: read "
            f"{settings.log('client1.log')}."
        )


def start(settings):
    already = running_services(settings)
    if already:
        raise StartError(
            f"The portal is already running ({', '.join(already)}): use it, or run "
            "`make stop` first."
        )
    check_ports(settings)
    try:
        began = time.monotonic()
        write_configuration(settings)
        cores = start_solr(settings) if settings.local_solr else []
        password, password_changed = admin_password(settings)
        if settings.local_zeo:
            start_zeo(settings)
        start_clients(settings)
        if settings.clients > 1:
            start_balancer(settings)
        if cores:
            credentials = solr_credentials(settings)
            solr.wait_until_ready(settings.solr_port, cores[0], credentials)
        ensure_sites(settings, password, password_changed)
        wait_for_sites(settings)
        print_summary(settings, password, time.monotonic() - began)
    except BaseException:
        stop(settings)  # what this start began; the data stays
        raise


def ensure_sites(settings, password, password_changed):
    """Create the district sites that do not exist yet, run the upgrade steps of
    those whose data is older than the code; set a changed admin password."""
    root = f"http://127.0.0.1:{settings.client_ports()[0]}"
    missing, outdated = [], []
    for name in settings.districts:
        url = f"{root}/{name}/@health"
        if processes.http_status(url) == 404:
            missing.append(name)
        elif ((health(url) or {}).get("profile") or {}).get("upgrade_needed"):
            outdated.append(name)
    if outdated:
        print(f"Upgrading sites {' '.join(outdated)} ...")
    if missing or password_changed:
        print(f"Creating sites {' '.join(missing)} and the admin login ...".strip())
    if missing or outdated or password_changed:
        create_sites(settings, password, settings.var / "instance" / "client1")


def _wait_for_zope(settings, number, process, timeout=120):
    url = f"http://127.0.0.1:{settings.client_ports()[number - 1]}/"
    log = settings.log(f"client{number}.out")  # where a crash at start-up goes
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise StartError(
                f"Zope client {number} stopped while starting: read {log}."
            )
        if processes.http_status(url) is not None:
            return
        time.sleep(0.3)
    raise StartError(
        f"Zope client {number} did not answer within {timeout} s: read {log}."
    )


def print_summary(settings, password, seconds):
    base = f"http://127.0.0.1:{settings.zope_port}"
    print(f"\nZhengwu is running (ready in {seconds:.0f} s).\n")
    for name in settings.districts:
        print(f"  {name:10} {base}/{name}   (English: {base}/{name}/en)")
    print(f"  health     {base}/{settings.districts[0]}/@health")
    print(f"  Zope root  {base}/manage")
    print(f"\n  login: admin / {password}")
    print(
        f"  (kept in {settings.var / 'admin-password'}; logs in {settings.var / 'log'})"
    )
    print("  stop with: make stop\n")


# -- stopping ------------------------------------------------------------------------


def stop(settings):
    """Stop in dependency order: balancer, clients, ZEO (closes Data.fs), Solr."""
    order = ["haproxy"] + [f"client{n}" for n in range(1, 10)] + ["zeo", "solr"]
    stopped = []
    for name in order:
        pid_file = settings.pid_file(name)
        pid = processes.read_pid(pid_file)
        if pid is None:
            continue
        if processes.pid_alive(pid):
            clean = processes.terminate(pid, timeout=60 if name == "zeo" else 30)
            stopped.append(name if clean else f"{name} (killed)")
        pid_file.unlink(missing_ok=True)
    print(
        "Stopped: " + (", ".join(stopped) if stopped else "nothing was running") + "."
    )


def status(settings):
    found = running_services(settings)
    if not found:
        print("Zhengwu is not running.")
        return 1
    for name, pid in found.items():
        print(f"{name:8} pid {pid}")
    for name in settings.districts:
        report = health(f"http://127.0.0.1:{settings.zope_port}/{name}/@health")
        print(f"{name:8} {report['status'] if report else 'not answering'}")
    return 0


def main(argv=None):
    # Everything the portal's processes write (Data.fs, logs, the index, generated
    # configuration with the Solr login) is for the portal's user only.
    os.umask(0o077)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("start", "stop", "status"))
    parser.add_argument("--clients", type=int, default=1, help="Zope clients (cluster)")
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_environment(clients=args.clients)
        if args.command == "start":
            start(settings)
        elif args.command == "stop":
            stop(settings)
        else:
            return status(settings)
    except (StartError, solr.SolrError) as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

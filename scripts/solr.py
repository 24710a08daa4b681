"""Build, run and stop the portal's Solr (Solr 9.10.1 embedded in a tiny launcher).

Used by the portal's start script and by the test fixtures
(``sys.path.insert(0, "scripts"); import solr``), and from the command line::

    python scripts/solr.py build|start|stop|status

The Maven project and the configset live in ``solr/``; see docs/solr.md.
Standard library only: this runs before the portal's environment exists.
"""

import fcntl
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import processes  # noqa: E402
from solr_auth import Credentials  # noqa: E402
from solr_auth import security_config  # noqa: E402
from solr_auth import stored_credentials  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SOLR_DIR = REPO / "solr"
TARGET = SOLR_DIR / "target"
LAUNCHER_JAR = TARGET / "zhengwu-solr.jar"
CONFIGSET = SOLR_DIR / "configsets" / "zhengwu" / "conf"
LOG4J_CONFIG = SOLR_DIR / "log4j2.xml"
BUILD_LOG = REPO / "var" / "log" / "solr-build.log"
BUILD_LOCK = REPO / "var" / "run" / "solr-build.lock"

DEFAULT_PORT = 8983
DEFAULT_CORES = ("nanshan", "yantian")  # one core per district site
DEFAULT_HEAP = "512m"

# Files in <core>/conf that editors change through Solr's REST API (synonyms,
# stop words): an existing core keeps its own copy.
MANAGED_PREFIXES = ("_schema_analysis_", "_rest_managed")

SOLR_XML = """\
<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by scripts/solr.py: one core per district site lives next to it. -->
<solr>
  <str name="sharedLib">${solr.sharedLib:}</str>
</solr>
"""

# Processes started by this interpreter, by port: wait_until_ready() uses them to
# notice a Solr that died and to name its log.
_started: dict[int, tuple[subprocess.Popen, Path]] = {}


class SolrError(RuntimeError):
    """Solr cannot be built or run; the message is one sentence saying what to do."""


def _java() -> str:
    """Path of a Java 17+ executable, or SolrError."""
    java = shutil.which("java")
    needed = (
        "Java 17 is needed to run Solr: install it with "
        "`apt-get install openjdk-17-jre-headless`."
    )
    if java is None:
        raise SolrError(needed)
    version = subprocess.run(  # noqa: S603 - fixed command line
        [java, "-version"], capture_output=True, text=True, check=False
    ).stderr
    match = re.search(r'version "(\d+)(?:\.(\d+))?', version)
    if match is None:
        raise SolrError(needed)
    major = int(match.group(1))
    if major == 1:  # "1.8.0_392" style
        major = int(match.group(2) or 0)
    if major < 17:
        raise SolrError(needed.replace("is needed", f"is needed (found {major})"))
    return java


def _sources() -> list[Path]:
    return [SOLR_DIR / "pom.xml", *sorted((SOLR_DIR / "src").rglob("*.java"))]


def _is_built() -> bool:
    lib = TARGET / "lib"
    if not LAUNCHER_JAR.exists() or not lib.is_dir() or not any(lib.glob("*.jar")):
        return False
    built = LAUNCHER_JAR.stat().st_mtime
    return all(source.stat().st_mtime <= built for source in _sources())


def ensure_built(force: bool = False) -> None:
    """Build solr/target with Maven when it is missing or older than its sources."""
    _java()
    if not force and _is_built():
        return
    mvn = shutil.which("mvn")
    if mvn is None:
        raise SolrError(
            "Maven is needed to build Solr: install it with `apt-get install maven`."
        )
    BUILD_LOCK.parent.mkdir(parents=True, exist_ok=True)
    BUILD_LOG.parent.mkdir(parents=True, exist_ok=True)
    # Test sessions and the start script may ask at the same time: build once.
    with BUILD_LOCK.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not force and _is_built():
            return
        with BUILD_LOG.open("w") as log:
            result = subprocess.run(  # noqa: S603 - fixed command line
                [mvn, "-B", "-f", str(SOLR_DIR / "pom.xml"), "clean", "package"],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                check=False,
            )
    if result.returncode != 0 or not _is_built():
        raise SolrError(f"Building Solr with Maven failed: read {BUILD_LOG}.")


def _copy_configset(conf: Path) -> None:
    """Refresh conf from the configset, keeping managed resources editors changed."""
    for source in CONFIGSET.rglob("*"):
        if source.is_dir():
            continue
        target = conf / source.relative_to(CONFIGSET)
        if target.name.startswith(MANAGED_PREFIXES) and target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
        target.chmod(0o600)  # copy2 copies the checkout's 0644: var/ is owner-only


def _write_private(path: Path, text: str) -> None:
    path.touch(mode=0o600)
    path.chmod(0o600)
    path.write_text(text, encoding="utf-8")


def prepare_home(home: Path, cores: list[str], credentials: Credentials) -> None:
    """Write solr.xml, security.json (only ``credentials`` get in) and one core per
    name, copying or refreshing the configset."""
    home = Path(home)
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    home.chmod(0o700)  # the index holds drafts and citizens' unmoderated posts
    (home / "solr.xml").write_text(SOLR_XML, encoding="utf-8")
    security = json.dumps(security_config(credentials), indent=2)
    _write_private(home / "security.json", security + "\n")
    for core in cores:
        core_dir = home / core
        (core_dir / "conf").mkdir(parents=True, exist_ok=True)
        _copy_configset(core_dir / "conf")
        properties = core_dir / "core.properties"
        if not properties.exists():
            properties.write_text(f"name={core}\n", encoding="utf-8")


def start(home: Path, port: int, log_path: Path) -> subprocess.Popen:
    """Start Solr in the background (its own session), logging to log_path."""
    java = _java()
    if not _is_built():
        raise SolrError("Solr is not built: run `python scripts/solr.py build`.")
    if not processes.port_is_free(port):
        raise SolrError(
            f"Port {port} is already in use: stop what uses it or set "
            "ZHENGWU_SOLR_PORT to a free port."
        )
    log_path = Path(log_path)
    heap = os.environ.get("ZHENGWU_SOLR_HEAP", DEFAULT_HEAP)
    classpath = os.pathsep.join([str(LAUNCHER_JAR), str(TARGET / "lib" / "*")])
    command = [
        java,
        f"-Xmx{heap}",
        "-Djava.awt.headless=true",
        "-Dfile.encoding=UTF-8",
        "-Duser.timezone=UTC",
        f"-Dlog4j2.configurationFile={LOG4J_CONFIG}",
        f"-Dsolr.log.dir={log_path.parent.resolve()}",
        # our shutdown hook stops Solr; keep logging alive until it has
        "-Dlog4j2.shutdownHookEnabled=false",
        "-cp",
        classpath,
        "zhengwu.solr.Launcher",
        str(Path(home).resolve()),
        str(port),
    ]
    process = processes.spawn(command, log_path, cwd=home)
    _started[port] = (process, log_path)
    return process


def _base(port: int) -> str:
    return f"http://127.0.0.1:{port}/solr"


def _open(port, path, credentials, data=None, content_type=None, timeout=5.0):
    headers = credentials.headers()
    if content_type:
        headers["Content-Type"] = content_type
    request = urllib.request.Request(  # noqa: S310 - http on 127.0.0.1
        f"{_base(port)}{path}", data=data, headers=headers
    )
    return urllib.request.urlopen(request, timeout=timeout)  # noqa: S310


def get_json(port: int, path: str, credentials: Credentials, timeout=5.0) -> dict:
    """GET ``/solr<path>`` on the local Solr, logged in; the answer as JSON."""
    with _open(port, path, credentials, timeout=timeout) as response:
        return json.load(response)


def post_json(port: int, path: str, data, credentials: Credentials, timeout=60.0):
    """POST ``data`` as JSON to ``/solr<path>`` on the local Solr, logged in."""
    body = json.dumps(data).encode()
    with _open(port, path, credentials, body, "application/json", timeout) as answer:
        return json.load(answer)


def _core_failure(port: int, core: str, credentials: Credentials) -> str | None:
    """Solr's reason for not loading core, if it gave up on it."""
    try:
        status = get_json(port, f"/admin/cores?action=STATUS&core={core}", credentials)
    except (OSError, ValueError):
        return None
    failure = status.get("initFailures", {}).get(core)
    return str(failure) if failure else None


def wait_until_ready(
    port: int, core: str, credentials: Credentials, timeout: float = 60
) -> None:
    """Poll /solr/<core>/admin/ping (logged in) until Solr answers, or SolrError."""
    process, log_path = _started.get(port, (None, None))
    log = str(log_path) if log_path else "the Solr log"
    deadline = time.monotonic() + timeout
    while True:
        if process is not None and process.poll() is not None:
            raise SolrError(
                f"Solr exited with code {process.returncode} while starting: "
                f"read {log}."
            )
        try:
            ping = get_json(port, f"/{core}/admin/ping?wt=json", credentials, 2)
            if ping.get("status") == "OK":
                return
        except urllib.error.HTTPError as error:
            if error.code in (401, 403):
                raise SolrError(
                    f"Solr on port {port} refused the login {credentials.login!r}: "
                    f"set ZHENGWU_SOLR_LOGIN and ZHENGWU_SOLR_PASSWORD to its "
                    f"credentials."
                ) from None
            if _core_failure(port, core, credentials):
                raise SolrError(
                    f"Solr could not load the core {core!r}: read {log}."
                ) from None
        except (OSError, ValueError):
            pass  # not listening yet
        if time.monotonic() > deadline:
            raise SolrError(
                f"Solr did not answer on port {port} within {timeout:g} s: read {log}."
            )
        time.sleep(0.25)


def stop(pid: int, timeout: float = 20) -> None:
    """Stop Solr: SIGTERM (a clean shutdown), SIGKILL if it is still there later."""
    processes.terminate(pid, timeout=timeout)
    for port, (process, _) in list(_started.items()):
        if process.pid == pid:
            process.wait()  # reap our child
            del _started[port]


def document_count(port: int, core: str, credentials: Credentials) -> int:
    """Number of documents in the core (committed ones)."""
    try:
        found = get_json(port, f"/{core}/select?q=*:*&rows=0&wt=json", credentials)
        return int(found["response"]["numFound"])
    except (OSError, ValueError, KeyError) as error:
        raise SolrError(
            f"Could not count the documents of core {core!r} on port {port} "
            f"({error}): check that Solr runs with `python scripts/solr.py status`."
        ) from error


# Command line ---------------------------------------------------------------


def var_folder() -> Path:
    """Where the portal keeps its data: ZHENGWU_VAR, by default var/ in the checkout."""
    return Path(os.environ.get("ZHENGWU_VAR", str(REPO / "var"))).resolve()


def _settings() -> tuple[Path, int, list[str], Path, Path]:
    """The same places and variables as scripts/portal.py, so both see one Solr."""
    var = var_folder()
    port = int(os.environ.get("ZHENGWU_SOLR_PORT", DEFAULT_PORT))
    cores = os.environ.get("ZHENGWU_DISTRICTS", " ".join(DEFAULT_CORES)).split()
    return var, port, cores, var / "log" / "solr.log", var / "run" / "solr.pid"


def _read_pid(pid_file: Path) -> int | None:
    pid = processes.read_pid(pid_file)
    return pid if pid and processes.pid_alive(pid) else None


def main(argv: list[str]) -> int:
    commands = ("build", "start", "stop", "status")
    if len(argv) != 1 or argv[0] not in commands:
        print(f"usage: python scripts/solr.py {'|'.join(commands)}", file=sys.stderr)
        return 2
    command = argv[0]
    var, port, cores, log_path, pid_file = _settings()
    home = var / "solr"
    pid = _read_pid(pid_file)
    if command == "build":
        started = time.monotonic()
        ensure_built()
        print(f"Solr is built ({TARGET}, {time.monotonic() - started:.1f} s).")
    elif command == "start":
        if pid is not None:
            print(f"Solr already runs (pid {pid}) on port {port}.")
            return 0
        ensure_built()
        processes.make_private(var)
        prepare_home(home, cores, stored_credentials(var))
        started = time.monotonic()
        process = start(home, port, log_path)
        pid_file.parent.mkdir(parents=True, exist_ok=True)
        pid_file.write_text(f"{process.pid}\n")
        try:
            for core in cores:
                wait_until_ready(port, core, stored_credentials(var))
        except SolrError:
            stop(process.pid)
            pid_file.unlink(missing_ok=True)
            raise
        took = time.monotonic() - started
        print(f"Solr runs on {_base(port)} (pid {process.pid}, ready in {took:.1f} s).")
    elif command == "stop":
        if pid is not None:
            stop(pid)
            print(f"Solr stopped (pid {pid}).")
        pid_file.unlink(missing_ok=True)
    else:
        if pid is None:
            print("Solr is not running.")
            return 1
        credentials = stored_credentials(var)
        for core in cores:
            print(f"{core}: {document_count(port, core, credentials)} documents")
        print(f"Solr runs on {_base(port)} (pid {pid}).")
    return 0


if __name__ == "__main__":
    os.umask(0o077)  # Solr's index and logs: for the portal's user only
    try:
        sys.exit(main(sys.argv[1:]))
    except SolrError as error:
        print(error, file=sys.stderr)
        sys.exit(1)

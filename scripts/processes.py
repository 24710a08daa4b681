"""Small process helpers shared by the portal's start script and the test fixtures."""

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path


class StartError(RuntimeError):
    """Starting the portal failed; the message is one sentence saying what to do."""


def make_private(folder):
    """Create ``folder`` readable by its owner only, and take group and others'
    access away from what an older start left in it readable to them."""
    folder = Path(folder)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    for path in [folder, *folder.rglob("*")]:
        if path.is_symlink():
            continue
        mode = path.stat().st_mode
        if mode & 0o077:
            path.chmod(mode & 0o700)


def port_is_free(port, host="127.0.0.1"):
    """True when nothing listens on ``host:port`` and we may bind it."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def free_port():
    """A port on 127.0.0.1 that is free right now (for tests)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child still answers kill(0); treat it as gone.
    try:
        waited, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return waited == 0


def read_pid(path):
    try:
        return int(Path(path).read_text().strip())
    except (FileNotFoundError, ValueError):
        return None


def spawn(command, log_path, pid_path=None, env=None, cwd=None):
    """Start ``command`` in the background in its own session, output to a log."""
    log_path = Path(log_path)
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "ab") as log:
        process = subprocess.Popen(  # noqa: S603
            command,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
            cwd=cwd,
            start_new_session=True,
        )
    if pid_path:
        Path(pid_path).parent.mkdir(parents=True, exist_ok=True)
        Path(pid_path).write_text(f"{process.pid}\n")
    return process


def terminate(pid, timeout=30.0):
    """SIGTERM ``pid`` and wait for it to exit; SIGKILL only as the last resort.

    Returns True when the process ended on SIGTERM.
    """
    if pid is None or not pid_alive(pid):
        return True
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not pid_alive(pid):
            return True
        time.sleep(0.1)
    os.kill(pid, signal.SIGKILL)
    return False


def _connect_unix(path):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        probe.settimeout(1)
        probe.connect(str(path))


def _wait_for(connect, timeout, process, what, log):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise StartError(f"The {what} stopped while starting: read {log}.")
        try:
            connect()
            return
        except OSError:
            time.sleep(0.2)
    raise StartError(f"The {what} did not start within {timeout:.0f} s: read {log}.")


def wait_for_port(port, timeout, process=None, what="server", log=None):
    """Wait until something accepts connections on 127.0.0.1:``port``."""

    def connect():
        socket.create_connection(("127.0.0.1", port), timeout=1).close()

    _wait_for(connect, timeout, process, what, log)


def wait_for_socket(path, timeout, process=None, what="server", log=None):
    """Wait until something accepts connections on the Unix socket ``path``."""
    _wait_for(lambda: _connect_unix(path), timeout, process, what, log)


def http_status(url, timeout=5.0, accept="application/json"):
    """The HTTP status of GET ``url``, or None when nothing answers.

    JSON is asked for by default: plone.restapi answers only such requests.
    """
    request = urllib.request.Request(url, headers={"Accept": accept})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, OSError):
        return None

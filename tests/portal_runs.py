"""Run scripts/portal.py as `make start` does: in a temporary var/, on free ports.

A portal started this way never touches one running from the checkout. The
``portal_env`` fixture (conftest.py) gives such an environment and stops what the
test started.
"""

import os
import subprocess
import sys
from pathlib import Path

import processes
import requests

ROOT = Path(__file__).resolve().parent.parent
PORTAL = [sys.executable, str(ROOT / "scripts" / "portal.py")]


def portal_environment(var):
    """The environment of a portal of its own in ``var``: free ports, no demo
    data, none of the developer's back-end settings."""
    env = {
        **os.environ,
        "ZHENGWU_VAR": str(var),
        "ZHENGWU_ZOPE_PORT": str(processes.free_port()),
        "ZHENGWU_ZEO_PORT": str(processes.free_port()),
        "ZHENGWU_SOLR_PORT": str(processes.free_port()),
    }
    # The demo corpus and the 8,091 powers items have tests of their own.
    env["ZHENGWU_SKIP_STEPS"] = "heavy"
    env.pop("ZHENGWU_ADMIN_PASSWORD", None)
    for name in ("HOST", "PORT", "LOGIN", "PASSWORD"):
        env.pop(f"COLLECTIVE_SOLR_{name}", None)
    for name in ("ZEO_HOST", "SOLR_HOST", "SOLR_LOGIN", "SOLR_PASSWORD"):
        env.pop(f"ZHENGWU_{name}", None)
    return env


def run_portal(command, env, timeout=600, cwd=None):
    """Run ``portal.py <command>`` (from ``cwd``, the current directory if None)."""
    return subprocess.run(
        [*PORTAL, command],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
        check=False,
    )


def health(env, site):
    """The @health report of ``site`` on the portal's Zope port."""
    url = f"http://127.0.0.1:{env['ZHENGWU_ZOPE_PORT']}/{site}/@health"
    return requests.get(url, headers={"Accept": "application/json"}, timeout=30).json()

"""The portal `make eval` measures, and the three searches it compares on it.

A portal of its own (scripts/portal.py in a temporary var/ on free ports, with every
setup step and demo item, as `make start` builds it) or one already running from a
var/ folder. Each search answers the first ``DEPTH`` results of a query as ``Hit``s:

- **Zhengwu**: plone.restapi's ``@search`` as an anonymous visitor;
- **plain edismax**: the site's Solr core queried directly, no product logic;
- **stock catalog**: ``@search`` with ``search_backend=catalog``.
"""

import json
import os
import shutil
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple
from unittest import mock

import processes
from portal_settings import ROOT
from portal_settings import Settings
from portal_settings import solr_credentials
from solr_auth import Credentials

import solr

DEPTH = 10  # results read per query (a find counts up to this rank)
ROOTS = {"zh": "zh-cn", "en": "en"}  # language of a query → root folder of a site
# The whole demo with 8,091 powers items takes minutes to load.
START_TIMEOUT = 3600
# Plain edismax: the words of Plone's own text indexes and the title's pinyin fields
# (the core's analysis does the rest), one match is enough.
PLAIN_FIELDS = "Title Description SearchableText title_pinyin title_initials"


class Hit(NamedTuple):
    """One result: content type, id (the last segment of its URL) and title."""

    type: str
    id: str
    title: str


class EvalError(RuntimeError):
    """The portal to measure cannot be started or reached."""


def search_path(district, language, text, backend=None):
    """The URL path (and query string) of an anonymous ``@search`` for ``text``."""
    params = {"SearchableText": text, "b_size": DEPTH}
    if backend:
        params["search_backend"] = backend
    query = urllib.parse.urlencode(params)
    return f"/{district}/{ROOTS[language]}/@search?{query}"


def search_hits(answer):
    """The ``Hit``s of an ``@search`` JSON answer."""
    return [
        Hit(item.get("@type", ""), item["@id"].rsplit("/", 1)[-1], item.get("title"))
        for item in answer.get("items", [])[:DEPTH]
    ]


@dataclass
class Portal:
    """A running portal: its settings, its Solr login and each district's core."""

    settings: Settings
    credentials: Credentials
    cores: dict

    @property
    def base(self):
        return f"http://127.0.0.1:{self.settings.zope_port}"

    def search(self, district, language, text, backend=None):
        """``@search`` as an anonymous visitor; ``backend="catalog"``: the catalog."""
        url = self.base + search_path(district, language, text, backend)
        request = urllib.request.Request(url, headers={"Accept": "application/json"})  # noqa: S310
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            return search_hits(json.load(response))

    def plain(self, district, language, text):
        """edismax over Plone's text fields (mm=1), filtered as for a visitor."""
        params = {
            "q": text,
            "defType": "edismax",
            "qf": PLAIN_FIELDS,
            "mm": "1",
            "fq": [
                "allowedRolesAndUsers:Anonymous",
                f'path_parents:"/{district}/{ROOTS[language]}"',
                "effective:[* TO NOW]",
                "expires:[NOW TO *]",
            ],
            "rows": DEPTH,
            "fl": "portal_type,getId,Title",
            "wt": "json",
        }
        found = self.select(district, params)
        return [
            Hit(doc.get("portal_type", ""), doc.get("getId", ""), doc.get("Title"))
            for doc in found["response"]["docs"]
        ]

    def select(self, district, params):
        """The JSON answer of ``/select`` on the district's core, logged in."""
        query = urllib.parse.urlencode(params, doseq=True)
        core = self.cores[district]
        return solr.get_json(
            self.settings.solr_port, f"/{core}/select?{query}", self.credentials, 60
        )

    def document_counts(self):
        """{core: number of documents}."""
        port = self.settings.solr_port
        return {
            core: solr.document_count(port, core, self.credentials)
            for core in self.cores.values()
        }

    def guide_ids(self, district, language):
        """The ids of the guides under a language root of a district (from Solr)."""
        params = {
            "q": "portal_type:Guide",
            "fq": f'path_parents:"/{district}/{ROOTS[language]}"',
            "fl": "getId",
            "rows": 10000,
            "wt": "json",
        }
        docs = self.select(district, params)["response"]["docs"]
        return [doc["getId"] for doc in docs]


def connect(env):
    """The ``Portal`` that ``env`` (ZHENGWU_* variables) describes; it must run."""
    with mock.patch.dict(os.environ, env, clear=True):
        settings = Settings.from_environment()
        if not settings.local_solr:
            raise EvalError("make eval reads a local Solr only (ZHENGWU_SOLR_HOST).")
        credentials = solr_credentials(settings)
    sys.path.insert(0, str(ROOT / "src"))
    from zhengwu.sites.profile import load_district_profile
    from zhengwu.sites.profile import profiles_directory

    cores = {
        name: load_district_profile(profiles_directory() / name).solr_core
        for name in settings.districts
    }
    portal = Portal(settings, credentials, cores)
    for name in settings.districts:
        if processes.http_status(f"{portal.base}/{name}/@health") in (None, 404):
            raise EvalError(
                f"No site answers at {portal.base}/{name}: start the portal with "
                "`make start` (ports come from the same ZHENGWU_* variables), or "
                "run without --var."
            )
    return portal


def running_portal(var):
    """The portal running from ``var`` (started with the current ZHENGWU_* env)."""
    return connect({**os.environ, "ZHENGWU_VAR": str(Path(var).resolve())})


@contextmanager
def own_portal():
    """Start a portal of its own (the whole demo), yield it, stop it afterwards.

    Its var/ is removed when all went well; kept, for its logs, when not.
    """
    sys.path.insert(0, str(ROOT / "tests"))
    from portal_runs import portal_environment
    from portal_runs import run_portal

    var = Path(tempfile.mkdtemp(prefix="zw-eval-")) / "var"
    env = portal_environment(var)
    env.pop("ZHENGWU_SKIP_STEPS")  # every setup step and demo item, as make start
    print(
        f"Starting a portal of its own in {var} (the whole demo: minutes) ...",
        flush=True,
    )
    done = False
    try:
        started = run_portal("start", env, timeout=START_TIMEOUT)
        if started.returncode:
            raise EvalError(
                f"The portal did not start:\n{started.stdout}\n{started.stderr}\n"
                f"(logs in {var / 'log'})"
            )
        yield connect(env)
        done = True
    finally:
        stopped = run_portal("stop", env)
        print(stopped.stdout.strip() or stopped.stderr.strip())
        if done:
            shutil.rmtree(var.parent, ignore_errors=True)
        else:
            print(f"The portal's var/ is kept for its logs: {var}")

"""Helpers of the tests of the locked back ends: Solr login, owner-only var/ (13.3)."""

import stat
import urllib.error
import urllib.request

from portal_settings import Settings


def mode(path):
    """The permission bits of ``path``."""
    return stat.S_IMODE(path.lstat().st_mode)


def owner_only(path):
    """Neither group nor others may read, write or enter ``path``."""
    return mode(path) & 0o077 == 0


def status_of(request):
    """The HTTP status of a request (or URL) and the headers of its answer."""
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def settings_in(var, monkeypatch, **environment):
    """The portal's settings for a temporary ``var`` and ``ZHENGWU_*`` variables."""
    for name in ("ZEO_HOST", "SOLR_HOST", "SOLR_LOGIN", "SOLR_PASSWORD"):
        monkeypatch.delenv(f"ZHENGWU_{name}", raising=False)
    monkeypatch.setenv("ZHENGWU_VAR", str(var))
    for name, value in environment.items():
        monkeypatch.setenv(f"ZHENGWU_{name.upper()}", value)
    return Settings.from_environment()

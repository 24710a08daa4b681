"""The portal's settings and the configuration files generated from them.

Settings come from ZHENGWU_* environment variables (docs/operations.md); the files are
written under ZHENGWU_VAR from the templates in instance/.
"""

import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

import solr_auth
from processes import StartError
from processes import make_private

ROOT = Path(__file__).resolve().parent.parent
LOCAL_HOSTS = ("127.0.0.1", "localhost")
# sun_path of a Unix socket holds 108 bytes, the last one a NUL
SOCKET_PATH_MAX = 107


@dataclass
class Settings:
    var: Path
    zope_port: int
    zeo_host: str | None  # None: the local ZEO server on a Unix socket in var/run
    zeo_port: int
    solr_host: str
    solr_port: int
    districts: list
    clients: int = 1

    @classmethod
    def from_environment(cls, clients=1):
        env = os.environ.get

        def port(name, default):
            value = env(name, str(default))
            if not value.isdigit() or not 0 < int(value) < 65536:
                raise StartError(f"{name}={value} is not a port number: set 1-65535.")
            return int(value)

        return cls(
            var=Path(env("ZHENGWU_VAR", str(ROOT / "var"))).resolve(),
            zope_port=port("ZHENGWU_ZOPE_PORT", 8080),
            zeo_host=env("ZHENGWU_ZEO_HOST") or None,
            zeo_port=port("ZHENGWU_ZEO_PORT", 8100),
            solr_host=env("ZHENGWU_SOLR_HOST", "127.0.0.1"),
            solr_port=port("ZHENGWU_SOLR_PORT", 8983),
            districts=env("ZHENGWU_DISTRICTS", "nanshan yantian").split(),
            clients=clients,
        )

    @property
    def local_solr(self):
        return self.solr_host in LOCAL_HOSTS

    @property
    def local_zeo(self):
        return self.zeo_host is None or self.zeo_host in LOCAL_HOSTS

    @property
    def zeo_socket(self):
        """The local ZEO server's Unix socket (only its owner may connect)."""
        return self.var / "run" / "zeo.sock"

    @property
    def zeo_address(self):
        """``host:port`` when ZHENGWU_ZEO_HOST is set, else the socket's path."""
        if self.zeo_host is None:
            return str(self.zeo_socket)
        return f"{self.zeo_host}:{self.zeo_port}"

    def client_ports(self):
        """Zope clients listen on the public port, or behind the balancer above it."""
        if self.clients == 1:
            return [self.zope_port]
        return [self.zope_port + n for n in range(1, self.clients + 1)]

    def pid_file(self, name):
        return self.var / "run" / f"{name}.pid"

    def log(self, name):
        return self.var / "log" / name


# -- configuration files -------------------------------------------------------------


def render(template, target, values):
    """Fill the at-sign marks (e.g. the port) of an instance/ template into var/."""
    text = (ROOT / "instance" / template).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key}@", str(value))
    leftover = re.search(r"@[a-z_]+@", text)
    if leftover:
        raise StartError(f"{template} uses {leftover.group()}, which has no value.")
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    target.touch(mode=0o600)  # zope.conf holds the Solr login
    target.chmod(0o600)
    target.write_text(text, encoding="utf-8")
    return target


# Only haproxy of `make cluster` (on 127.0.0.1) may say who the client is; waitress
# then takes the right-most X-Forwarded-For hop, the one haproxy appended.
BEHIND_BALANCER = """\
# Behind the load balancer of `make cluster` the client trusts its X-Forwarded-For.
trusted_proxy = 127.0.0.1
trusted_proxy_count = 1
trusted_proxy_headers = x-forwarded-for
clear_untrusted_proxy_headers = true"""
# A client that is itself the public port trusts no one: a local visitor's
# X-Forwarded-For would otherwise choose the address the rate limits count.
DIRECT = "# The public port: no proxy in front, X-Forwarded-For is not believed."


def proxy_trust(settings):
    """The waitress lines on proxies: trusted only behind the cluster's balancer."""
    return BEHIND_BALANCER if settings.clients > 1 else DIRECT


def _zconfig_value(name, value):
    if not value or re.search(r"\s", value):
        raise StartError(f"{name} must not be empty or contain spaces.")
    return value.replace("$", "$$")  # a dollar sign starts a ZConfig substitution


def solr_login_lines(credentials):
    """The <environment> lines that give collective.solr its Solr login."""
    if credentials is None:
        return "# no Solr login (ZHENGWU_SOLR_PASSWORD is not set)"
    if ":" in credentials.login:
        raise StartError("ZHENGWU_SOLR_LOGIN must not contain a colon.")
    login = _zconfig_value("ZHENGWU_SOLR_LOGIN", credentials.login)
    password = _zconfig_value("ZHENGWU_SOLR_PASSWORD", credentials.password)
    return f"COLLECTIVE_SOLR_LOGIN {login}\n  COLLECTIVE_SOLR_PASSWORD {password}"


def solr_credentials(settings):
    """The portal's Solr login: generated once for a local Solr (kept in
    var/solr-credentials); from ZHENGWU_SOLR_LOGIN/PASSWORD for an external one."""
    if settings.local_solr:
        return solr_auth.stored_credentials(settings.var)
    password = os.environ.get("ZHENGWU_SOLR_PASSWORD")
    if not password:
        return None
    login = os.environ.get("ZHENGWU_SOLR_LOGIN") or solr_auth.DEFAULT_LOGIN
    return solr_auth.Credentials(login, password)


def write_configuration(settings):
    """Write var/ (owner-only) and the configuration generated from instance/."""
    var = settings.var
    make_private(var)  # Data.fs, logs, the generated secrets: the owner's only
    credentials = solr_credentials(settings)
    for folder in (
        "log",
        "run",
        "filestorage",
        "blobstorage",
        "cache/chameleon",
        "etc",
    ):
        (var / folder).mkdir(mode=0o700, parents=True, exist_ok=True)
    if settings.zeo_host is None and len(bytes(settings.zeo_socket)) > SOCKET_PATH_MAX:
        raise StartError(
            f"The ZEO socket path {settings.zeo_socket} is too long for a Unix "
            "socket: set ZHENGWU_VAR to a shorter path."
        )
    common = {
        "var": var,
        "zeo_address": settings.zeo_address,
        "solr_host": settings.solr_host,
        "solr_port": settings.solr_port,
        "solr_login": solr_login_lines(credentials),
    }
    render("zeo.conf.in", var / "etc" / "zeo.conf", common)
    for number, port in enumerate(settings.client_ports(), start=1):
        home = var / "instance" / f"client{number}"
        values = {
            **common,
            "instance_home": home,
            "client": f"client{number}",
            "http_host": "127.0.0.1",
            "http_port": port,
            "proxy_trust": proxy_trust(settings),
        }
        render("zope.conf.in", home / "zope.conf", values)
        render("zope.ini.in", home / "zope.ini", values)
    if settings.clients > 1:
        servers = "\n".join(
            f"    server client{n} 127.0.0.1:{port} check inter 2s cookie client{n}"
            for n, port in enumerate(settings.client_ports(), start=1)
        )
        render(
            "haproxy.cfg.in",
            var / "etc" / "haproxy.cfg",
            {**common, "http_port": settings.zope_port, "servers": servers},
        )


# -- the admin login -----------------------------------------------------------------


def admin_password(settings):
    """From ZHENGWU_ADMIN_PASSWORD, else generated once and kept in var/ (mode 0600)."""
    stored = settings.var / "admin-password"
    password = os.environ.get("ZHENGWU_ADMIN_PASSWORD")
    if not password and stored.exists():
        return stored.read_text().strip(), False
    password = password or secrets.token_urlsafe(12)
    changed = not stored.exists() or stored.read_text().strip() != password
    stored.parent.mkdir(parents=True, exist_ok=True)
    stored.touch(mode=0o600)
    stored.chmod(0o600)
    stored.write_text(password + "\n")
    return password, changed

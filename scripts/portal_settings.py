"""The portal's settings and the configuration files generated from them.

Settings come from ZHENGWU_* environment variables (docs/operations.md); the files are
written under ZHENGWU_VAR from the templates in instance/.
"""

import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from processes import StartError

ROOT = Path(__file__).resolve().parent.parent
LOCAL_HOSTS = ("127.0.0.1", "localhost")


@dataclass
class Settings:
    var: Path
    zope_port: int
    zeo_host: str
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
            zeo_host=env("ZHENGWU_ZEO_HOST", "127.0.0.1"),
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
        return self.zeo_host in LOCAL_HOSTS

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
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def write_configuration(settings):
    var = settings.var
    for folder in (
        "log",
        "run",
        "filestorage",
        "blobstorage",
        "cache/chameleon",
        "etc",
    ):
        (var / folder).mkdir(parents=True, exist_ok=True)
    common = {
        "var": var,
        "zeo_address": f"{settings.zeo_host}:{settings.zeo_port}",
        "solr_host": settings.solr_host,
        "solr_port": settings.solr_port,
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

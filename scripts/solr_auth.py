"""The portal's Solr login: generated credentials and Solr's security.json.

Solr's BasicAuthPlugin asks every request for the login, its
RuleBasedAuthorizationPlugin says what the login may do (docs/solr.md). Standard
library only, like scripts/solr.py.
"""

import base64
import hashlib
import os
import secrets
from pathlib import Path
from typing import NamedTuple

DEFAULT_LOGIN = "zhengwu"  # the portal's Solr user (scripts use it too)
CREDENTIALS_FILE = "solr-credentials"  # in ZHENGWU_VAR, "login:password", mode 0600


class Credentials(NamedTuple):
    """The login Solr's BasicAuthPlugin asks of every request."""

    login: str
    password: str

    def headers(self) -> dict:
        """The ``Authorization`` header of a request sent with these credentials."""
        token = base64.b64encode(f"{self.login}:{self.password}".encode()).decode()
        return {"Authorization": f"Basic {token}"}


def generate_credentials(login: str = DEFAULT_LOGIN) -> Credentials:
    """A new login with a random password (for a new portal, or a test Solr)."""
    return Credentials(login, secrets.token_urlsafe(24))


def stored_credentials(var: Path) -> Credentials:
    """From ZHENGWU_SOLR_LOGIN / ZHENGWU_SOLR_PASSWORD, else generated once and kept
    in ``var/solr-credentials`` (mode 0600), like the admin password."""
    login = os.environ.get("ZHENGWU_SOLR_LOGIN") or DEFAULT_LOGIN
    password = os.environ.get("ZHENGWU_SOLR_PASSWORD")
    if password:
        return Credentials(login, password)
    stored = Path(var) / CREDENTIALS_FILE
    if stored.exists():
        found_login, _, found = stored.read_text().strip().partition(":")
        if found_login == login and found:
            return Credentials(login, found)
    credentials = generate_credentials(login)
    stored.parent.mkdir(parents=True, exist_ok=True)
    stored.touch(mode=0o600)
    stored.chmod(0o600)
    stored.write_text(f"{credentials.login}:{credentials.password}\n")
    return credentials


def password_hash(password: str, salt: bytes | None = None) -> str:
    """The entry of Solr's Sha256AuthenticationProvider for ``password``:
    base64(sha256(sha256(salt + password))), a space, base64(salt)."""
    salt = salt if salt is not None else secrets.token_bytes(32)
    digest = hashlib.sha256(salt + password.encode()).digest()
    digest = hashlib.sha256(digest).digest()
    return f"{base64.b64encode(digest).decode()} {base64.b64encode(salt).decode()}"


def security_config(credentials: Credentials) -> dict:
    """Solr's security.json: every request logs in; the portal's user may do all
    but change the security settings, which only this file sets."""
    return {
        "authentication": {
            "class": "solr.BasicAuthPlugin",
            "blockUnknown": True,
            "realm": "Zhengwu Solr",
            "forwardCredentials": False,
            "credentials": {credentials.login: password_hash(credentials.password)},
        },
        "authorization": {
            "class": "solr.RuleBasedAuthorizationPlugin",
            # The first matching permission decides; no user has the role "nobody".
            "permissions": [
                {"name": "security-edit", "role": "nobody"},
                {"name": "all", "role": "portal"},
            ],
            "user-role": {credentials.login: ["portal"]},
        },
    }

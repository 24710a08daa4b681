"""The conversation's context token: what a follow-up needs, signed, kept by the client.

The server keeps no conversation: the token carries the guide found, the situation
options chosen so far and the question asked about them, signed with the site's
keyring secret (an HMAC), so a client can send it back but not forge it. It holds
no personal data and lasts a session (``MAX_AGE``).
"""

import base64
import hashlib
import hmac
import json
import time
from dataclasses import dataclass
from dataclasses import field

from plone.keyring.interfaces import IKeyManager
from zope.component import queryUtility

MAX_AGE = 2 * 3600  # seconds
MAX_TOKEN = 2000  # characters
MAX_CHOSEN = 8


class BadContext(ValueError):
    """A context token that is not one the site signed."""


@dataclass
class Context:
    guide: str | None = None  # UID of the guide the conversation is about
    chosen: dict = field(default_factory=dict)  # dimension title → option
    topics: list = field(default_factory=list)  # what the last question asked
    issued: int = 0


def _secret():
    manager = queryUtility(IKeyManager)
    secret = manager.secret() if manager is not None else None
    if not secret:
        raise BadContext("The site has no keyring.")
    return secret.encode("utf-8") if isinstance(secret, str) else secret


def _signature(payload):
    digest = hmac.new(_secret(), payload, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:18]).decode("ascii")


def dump(context, now=None):
    """The signed token of ``context``."""
    data = {
        "g": context.guide,
        "o": dict(list(context.chosen.items())[:MAX_CHOSEN]),
        "t": list(context.topics),
        "i": int(now if now is not None else time.time()),
    }
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    payload = base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")
    return f"{payload}.{_signature(payload.encode('ascii'))}"


def load(token, now=None):
    """The Context of ``token``; an empty one when it expired. BadContext when the
    token is malformed or its signature is wrong."""
    if not token:
        return Context()
    if not isinstance(token, str) or len(token) > MAX_TOKEN or "." not in token:
        raise BadContext("Malformed context.")
    payload, signature = token.rsplit(".", 1)
    try:
        expected = _signature(payload.encode("ascii"))
        valid = hmac.compare_digest(expected, signature)
    except (UnicodeEncodeError, TypeError) as error:
        raise BadContext("Malformed context.") from error
    if not valid:
        raise BadContext("The context was not signed by this site.")
    try:
        raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
        data = json.loads(raw)
        issued = int(data["i"])
        chosen = {str(k): str(v) for k, v in dict(data.get("o") or {}).items()}
        topics = [str(t) for t in data.get("t") or ()]
        guide = data.get("g")
    except (ValueError, KeyError, TypeError) as error:
        raise BadContext("Malformed context.") from error
    if (now if now is not None else time.time()) - issued > MAX_AGE:
        return Context()
    return Context(str(guide) if guide else None, chosen, topics, issued)

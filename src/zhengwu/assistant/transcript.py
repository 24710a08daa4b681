"""The conversation so far of the assistant's full page (no JavaScript), signed.

The page has no session: the last turns (question, behaviour, answer) travel in a
hidden field next to the context token, signed with the same keyring secret, so a
page can show them again but nobody can make the site show an answer it never
gave. Only the last ``MAX_TURNS`` are kept, each answer cut to ``MAX_ANSWER``.
"""

import base64
import hmac
import json

from zhengwu.assistant.context import BadContext
from zhengwu.assistant.context import _signature

MAX_TURNS = 4
MAX_QUESTION = 200
MAX_ANSWER = 400
MAX_TOKEN = 8000  # characters


def dump(turns):
    """The signed token of ``turns`` (dicts with q, behaviour, answer)."""
    kept = [
        {
            "q": str(t["q"])[:MAX_QUESTION],
            "b": str(t["behaviour"]),
            "a": str(t["answer"])[:MAX_ANSWER],
        }
        for t in turns[-MAX_TURNS:]
    ]
    raw = json.dumps(kept, ensure_ascii=False, separators=(",", ":")).encode()
    payload = base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")
    return f"{payload}.{_signature(payload.encode('ascii'))}"


def load(token):
    """The turns of ``token`` ([] for none); BadContext when it was not signed here."""
    if not token:
        return []
    if not isinstance(token, str) or len(token) > MAX_TOKEN or "." not in token:
        raise BadContext("Malformed transcript.")
    payload, signature = token.rsplit(".", 1)
    try:
        valid = hmac.compare_digest(_signature(payload.encode("ascii")), signature)
    except (UnicodeEncodeError, TypeError) as error:
        raise BadContext("Malformed transcript.") from error
    if not valid:
        raise BadContext("The transcript was not signed by this site.")
    try:
        raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
        return [
            {"q": str(t["q"]), "behaviour": str(t["b"]), "answer": str(t["a"])}
            for t in json.loads(raw)
        ][-MAX_TURNS:]
    except (ValueError, KeyError, TypeError) as error:
        raise BadContext("Malformed transcript.") from error

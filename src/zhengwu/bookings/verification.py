"""Verification codes (验证码) for bookings without an account: sent, checked once.

A visitor proves a phone number (or an e-mail address) by the 6-digit code sent to
it. The site keeps no code and no number: a code is stored as an HMAC with the
site's booking secret (``store.booking_secret``, made with ``secrets``), under an
HMAC of the channel and address, in an OOBTree in the site's annotations, with
its expiry, its wrong attempts and the times codes were sent (the throttle).
Entries an hour past their last code are pruned on each write. The code leaves
through the ``ICodeSender`` utility named after the channel (``senders.py``);
one that cannot be handed over is not stored. The clock is ``rules.now``.
"""

import hashlib
import hmac
import logging
import math
import secrets
from typing import NamedTuple

import transaction
from Acquisition import aq_chain
from Acquisition import aq_inner
from BTrees.OOBTree import OOBTree
from BTrees.OOBTree import OOTreeSet
from persistent import Persistent
from plone import api
from plone.schema.email import _isemail
from Products.CMFCore.interfaces import ISiteRoot
from zope.component import queryUtility

from zhengwu.annotations import annotation_store
from zhengwu.bookings import rules
from zhengwu.bookings.interfaces import ICodeSender
from zhengwu.bookings.ledger import Refused
from zhengwu.bookings.store import booking_secret
from zhengwu.masking import is_mobile_phone
from zhengwu.masking import mask_email
from zhengwu.masking import mask_phone

logger = logging.getLogger("zhengwu.bookings")
STORE_KEY = "zhengwu.bookings.codes"
PER_HOUR_RECORD = "zhengwu.bookings.codes_per_hour"
CHANNELS = ("sms", "email")
DIGITS = 6
VALID_SECONDS = 600
RESEND_SECONDS = 60
HOUR = 3600
MAX_ATTEMPTS = 5
DEFAULT_PER_HOUR = 5
PRUNE_AT_MOST = 100  # entries forgotten per write, so a write stays short
MAX_EMAIL = 254


class CodeNotSent(Exception):
    """The sender could not hand the code over (no gateway, mail server down)."""


class CodeRecord(NamedTuple):
    """What is kept of an address's codes; stored as a plain tuple."""

    digest: str | None  # HMAC of the current code; None once used
    expires: float
    attempts: int  # wrong codes tried against the current code
    sent: tuple  # times codes were sent within the last hour, oldest first


class CodeStore(Persistent):
    """The codes of a site: address key → record, and when to forget each."""

    def __init__(self):
        self.records = OOBTree()  # address key -> tuple(CodeRecord)
        self.forget = OOTreeSet()  # (forget at, address key)


def clock():
    """Seconds since the epoch, from the bookings' clock (tests patch it)."""
    return rules.now().timestamp()


def site_of(context):
    """The Plone site ``context`` is in (codes are kept per site)."""
    for item in aq_chain(aq_inner(context)):
        if ISiteRoot.providedBy(item):
            return item
    return api.portal.get()


def normal_address(channel, address):
    """The address as codes are keyed by; Refused for a bad one."""
    text = address if isinstance(address, str) else ""
    if channel == "sms":
        number = "".join(text.split())
        if not is_mobile_phone(number):
            raise Refused("bad_phone")
        return number
    if channel == "email":
        mail = text.strip()
        if len(mail) > MAX_EMAIL or not _isemail(mail):
            raise Refused("bad_email")
        local, domain = mail.rsplit("@", 1)
        return f"{local}@{domain.lower()}"
    raise Refused("bad_channel")


def masked(channel, address):
    return mask_phone(address) if channel == "sms" else mask_email(address)


def _hmac(secret, text):
    return hmac.new(secret, text.encode("utf-8"), hashlib.sha256).hexdigest()


def address_key(secret, channel, address):
    """The key of an address's codes: no number or e-mail in clear."""
    return _hmac(secret, f"code-to:{channel}:{address}")


def code_digest(secret, key, code):
    return _hmac(secret, f"code:{key}:{code}")


def code_store(site, create=False):
    return annotation_store(site, STORE_KEY, CodeStore, create=create)


def _read(store, key):
    stored = store.records.get(key) if store is not None else None
    return CodeRecord(*stored) if stored is not None else None


def _write(store, key, record, old=None):
    """Keep ``record`` (which replaces ``old``) and when to forget it."""
    store.records[key] = tuple(record)
    before = (old.sent[-1] + HOUR, key) if old is not None and old.sent else None
    after = (record.sent[-1] + HOUR, key)
    if before != after:
        if before is not None and before in store.forget:
            store.forget.remove(before)
        store.forget.insert(after)


def prune(store, now):
    """Forget (at most PRUNE_AT_MOST) records an hour past their last code."""
    due = list(store.forget.keys(max=(now,), excludemax=True))[:PRUNE_AT_MOST]
    for entry in due:
        store.forget.remove(entry)
        store.records.pop(entry[1], None)


def per_hour():
    value = api.portal.get_registry_record(PER_HOUR_RECORD, default=DEFAULT_PER_HOUR)
    return max(int(value or DEFAULT_PER_HOUR), 1)


def _throttle(record, now):
    """The sends of the last hour; Refused("code_too_soon") when one more is too
    many (``retry_after``: whole seconds until the next is allowed)."""
    sent = tuple(t for t in (record.sent if record else ()) if t > now - HOUR)
    wait = 0
    if sent:
        wait = sent[-1] + RESEND_SECONDS - now
    if len(sent) >= per_hour():
        wait = max(wait, sent[0] + HOUR - now)
    if wait > 0:
        raise Refused("code_too_soon", retry_after=max(math.ceil(wait), 1))
    return sent


def send_code(site, channel, address, request):
    """Make, send and keep a new code for ``address``; ``{"sent_to", "expires_in"}``.

    Refused for a bad address or too many codes; CodeNotSent when the sender
    fails (then nothing is stored)."""
    if channel not in CHANNELS:
        raise Refused("bad_channel")
    address = normal_address(channel, address)
    site = site_of(site)
    now = clock()
    secret = booking_secret(site)
    key = address_key(secret, channel, address)
    store = code_store(site)
    record = _read(store, key)
    sent = _throttle(record, now)
    sender = queryUtility(ICodeSender, name=channel)
    if sender is None:
        raise CodeNotSent(f"no ICodeSender named {channel!r}")
    code = f"{secrets.randbelow(10**DIGITS):0{DIGITS}d}"
    try:
        sender.send(address, code, VALID_SECONDS // 60, request)
    except Exception as error:
        raise CodeNotSent(str(error) or type(error).__name__) from error
    store = code_store(site, create=True)
    prune(store, now)
    record = _read(store, key)  # pruning may have forgotten it
    fresh = CodeRecord(
        code_digest(secret, key, code), now + VALID_SECONDS, 0, (*sent, now)
    )
    _write(store, key, fresh, old=record)
    return {"sent_to": masked(channel, address), "expires_in": VALID_SECONDS}


def check_code(site, channel, address, code, consume=True):
    """True when ``code`` is the current code of ``address``; it is then used up
    (``consume``). Refused: code_invalid, code_expired, code_attempts."""
    address = normal_address(channel, address)
    site = site_of(site)
    now = clock()
    store = code_store(site)
    secret = booking_secret(site)
    key = address_key(secret, channel, address)
    record = _read(store, key)
    if record is None or record.digest is None:
        raise Refused("code_invalid")
    if record.attempts >= MAX_ATTEMPTS:
        raise Refused("code_attempts")
    if now >= record.expires:
        raise Refused("code_expired")
    given = "".join(code.split()) if isinstance(code, str) else ""
    if not (len(given) == DIGITS and given.isdigit()):
        raise Refused("code_invalid")  # not a code at all: no attempt counted
    if not hmac.compare_digest(record.digest, code_digest(secret, key, given)):
        attempts = record.attempts + 1
        _write(store, key, record._replace(attempts=attempts), old=record)
        if attempts >= MAX_ATTEMPTS:
            raise Refused("code_attempts")
        raise Refused("code_invalid")
    if consume:
        _write(store, key, record._replace(digest=None), old=record)
    return True


def check_and_count(site, channel, address, code):
    """``check_code`` for a request that answers an error when the code is wrong:
    the wrong try is counted even so. Zope would abort the request's transaction
    (and the error answer is doomed), so it is committed here — call this before
    the request writes anything else."""
    try:
        return check_code(site, channel, address, code)
    except Refused as refusal:
        if refusal.reason in ("code_invalid", "code_expired", "code_attempts"):
            transaction.commit()
        raise

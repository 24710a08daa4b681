"""Masking of personal numbers wherever they are listed (PIPL).

A mobile number keeps its first three and last four digits (``138****5678``), a
resident ID number its first four and last four (``4403**********1234``), an
e-mail address its first letter and its domain (``z********@example.com``); whoever
handles the data sees it in full on the member's own forms instead.
"""

import re

MOBILE_PHONE = re.compile(r"1\d{10}")


def is_mobile_phone(value):
    """True when ``value`` is a mainland mobile number: 11 digits starting with 1."""
    return isinstance(value, str) and MOBILE_PHONE.fullmatch(value) is not None


def _mask(value, keep_start, keep_end):
    text = "".join(str(value or "").split())
    if not text:
        return ""
    if len(text) <= keep_start + keep_end:
        return "*" * len(text)
    hidden = len(text) - keep_start - keep_end
    return text[:keep_start] + "*" * hidden + text[len(text) - keep_end :]


def mask_phone(value):
    """``13812345678`` → ``138****5678``; a short or odd value is all stars."""
    return _mask(value, 3, 4)


def mask_email(value):
    """``zhang.san@example.com`` → ``z********@example.com``; the domain stays."""
    text = str(value or "").strip()
    local, at, domain = text.rpartition("@")
    if not at:
        return _mask(text, 0, 0)
    return local[:1] + "*" * max(len(local) - 1, 1) + "@" + domain


def mask_id_number(value):
    """``440305199001011234`` → ``4403**********1234`` (18 or 15 characters)."""
    return _mask(value, 4, 4)

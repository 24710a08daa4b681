"""A letter's tracking number (受理编号) and query code (查询码).

The tracking number names the channel, the day and six random characters
(``X-20261208-K7M3QX``); it may be printed and read aloud. The query code is the
letter's password for a writer without an account: shown once, never stored —
the letter keeps only a salted, slow PBKDF2 digest under the site's secret, and a
typed code is compared in constant time.
"""

import hashlib
import hmac
import secrets

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
RANDOM_LENGTH = 6
CODE_LENGTH = 8
ITERATIONS = 60_000
SCHEME = "pbkdf2_sha256"
MAX_TRIES = 20


def _random(length):
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def new_tracking_number(channel, day, taken=lambda number: False):
    """A tracking number of ``channel`` received on ``day`` that ``taken`` does
    not know yet."""
    for _attempt in range(MAX_TRIES):
        number = f"{channel.prefix}-{day:%Y%m%d}-{_random(RANDOM_LENGTH)}"
        if not taken(number):
            return number
    raise RuntimeError("No free tracking number: too many letters in one day.")


def normal_tracking_number(value):
    """A typed tracking number in its stored form, or None when it cannot be one."""
    text = "".join(str(value or "").split()).upper().replace("-", "")
    prefix, day, rest = text[:1], text[1:9], text[9:]
    if not ("A" <= prefix <= "Z" and day.isdigit() and len(day) == 8):
        return None
    if len(rest) != RANDOM_LENGTH or any(c not in ALPHABET for c in rest):
        return None
    return f"{prefix}-{day}-{rest}"


def new_query_code():
    """A fresh query code: eight characters that are easy to copy by hand."""
    return _random(CODE_LENGTH)


def normal_query_code(value):
    """A typed query code in its compared form (upper case, no spaces or dashes)."""
    return "".join(str(value or "").split()).upper().replace("-", "")


def _digest(number, code, secret, iterations):
    salt = secret + b"letter:" + number.encode("ascii")
    return hashlib.pbkdf2_hmac("sha256", code.encode("utf-8"), salt, iterations)


def code_digest(number, code, secret):
    """What a letter keeps of its query code."""
    digest = _digest(number, normal_query_code(code), secret, ITERATIONS)
    return f"{SCHEME}${ITERATIONS}${digest.hex()}"


def code_matches(number, code, stored, secret):
    """True when ``code`` is the query code of letter ``number``."""
    code = normal_query_code(code)
    try:
        scheme, iterations, expected = str(stored or "").split("$")
        iterations = int(iterations)
    except ValueError:
        return False
    if scheme != SCHEME or not code or len(code) > 4 * CODE_LENGTH:
        return False
    actual = _digest(number, code, secret, iterations).hex()
    return hmac.compare_digest(actual, expected)

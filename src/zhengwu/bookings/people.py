"""Who books (预约人): resident ID numbers checked, and the keys persons are counted by.

ID numbers are checked with python-stdnum (``stdnum.cn.ric``: 18 characters, a real
birth date, the GB 11643 check digit). A person is counted by ``person_key``: an
HMAC of the number with the site's booking secret, so the per-person indexes of a
day hold no ID number and the key cannot be reversed without the secret.
"""

import hashlib
import hmac

from stdnum.cn import ric
from stdnum.exceptions import ValidationError

from zhengwu.bookings.ledger import Refused


def checked_id_number(value):
    """The ID number in its standard form (upper-case X); Refused when invalid."""
    text = "".join(str(value or "").split()).upper()
    try:
        return ric.validate(text)
    except ValidationError:
        raise Refused("bad_id_number") from None


def person_key(id_number, secret):
    """The key a person is counted by: HMAC-SHA256 of the ID number, hex."""
    digest = hmac.new(secret, id_number.encode("ascii"), hashlib.sha256)
    return digest.hexdigest()


def person(id_number, name, secret):
    """A person as a booking holds them: key, name, checked ID number."""
    number = checked_id_number(id_number)
    name = " ".join(str(name or "").split())
    if not name or len(name) > 50:
        raise Refused("bad_name")
    return {"key": person_key(number, secret), "name": name, "id_number": number}

"""Who books (预约人): resident ID numbers checked, and the keys persons are counted by.

ID numbers are checked with python-stdnum's ``stdnum.cn.ric`` parts: 18 characters,
a real birth date, the GB 11643 check digit. Not its ``validate``: that also
requires the county code to have existed in the birth year, and a number keeps the
code of the office that first issued it, so every 440305 (Nanshan, created 1990)
number of a person born before 1990 — most applicants for elderly care — would be
refused. The province part (the first two digits) is checked instead.

A person is counted by ``person_key``: an HMAC of the number with the site's
booking secret, so the per-person indexes of a day hold no ID number and the key
cannot be reversed without the secret.
"""

import datetime
import hashlib
import hmac

from stdnum.cn import ric
from stdnum.exceptions import ValidationError

from zhengwu.bookings.ledger import Refused

# GB/T 2260 provinces: 11–15 north, 21–23 north-east, 31–37 east, 41–46 south
# central, 50–54 south-west, 61–65 north-west, 71 Taiwan, 81–82 Hong Kong and Macao
PROVINCES = frozenset(
    [*range(11, 16), *range(21, 24), *range(31, 38), *range(41, 47)]
    + [*range(50, 55), *range(61, 66), 71, 81, 82]
)
EARLIEST_BIRTH = datetime.date(1890, 1, 1)


def checked_id_number(value):
    """The ID number in its standard form (upper-case X); Refused when invalid."""
    text = "".join(str(value or "").split()).upper()
    if len(text) != 18 or not text[:17].isdigit():
        raise Refused("bad_id_number")
    if int(text[:2]) not in PROVINCES or text[-1] != ric.calc_check_digit(text):
        raise Refused("bad_id_number")
    try:
        born = ric.get_birth_date(text)
    except ValidationError:
        raise Refused("bad_id_number") from None
    if not EARLIEST_BIRTH <= born <= datetime.date.today():
        raise Refused("bad_id_number")
    return text


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

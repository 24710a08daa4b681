"""Demo dates relative to the day the demo is loaded, not to the calendar.

The demo files carry calendar dates as of the day ``as_of`` in
``profiles/common/content/demo.toml``. Every date is moved by the same whole number
of weeks (the site's *demo shift*), so that ``as_of`` falls in the week the demo is
loaded: ages in working days stay what the files say (up to moved holidays) and the
newest items are days old. The shift is stored in the site the first time, so loading
again later adds nothing twice.
"""

import dataclasses
import datetime
from pathlib import Path

from zope.annotation.interfaces import IAnnotations

from zhengwu.sites.profile import COMMON
from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import read_profile_toml
from zhengwu.workflows.tasks import TIMEZONE

DEMO_FILE = "demo.toml"
SHIFT_KEY = "zhengwu.importers.demo_shift_days"


def read_as_of(profiles):
    """The day the demo files are written as of; ProfileError if missing."""
    path = Path(profiles) / COMMON / "content" / DEMO_FILE
    as_of = read_profile_toml(path).get("as_of")
    if type(as_of) is not datetime.date:
        raise ProfileError(f"{path}: 'as_of' must be a date (YYYY-MM-DD).")
    return as_of


def shift_between(as_of, today):
    """The whole weeks that bring ``as_of`` into the week of ``today``."""
    return datetime.timedelta(weeks=(today - as_of).days // 7)


def demo_shift(site, as_of, today=None):
    """The site's demo shift: the stored one, or the one for ``today`` (China's
    date by default), which is stored."""
    annotations = IAnnotations(site)
    days = annotations.get(SHIFT_KEY)
    if days is None:
        today = today or datetime.datetime.now(TIMEZONE).date()
        days = shift_between(as_of, today).days
        annotations[SHIFT_KEY] = days
    return datetime.timedelta(days=days)


def shifted(value, shift):
    """``value`` with every date in it moved by ``shift`` (dicts, lists,
    dataclasses)."""
    if isinstance(value, datetime.date):  # datetimes too
        return value + shift
    if isinstance(value, dict):
        return {key: shifted(item, shift) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(shifted(item, shift) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            field.name: shifted(getattr(value, field.name), shift)
            for field in dataclasses.fields(value)
            if field.init
        }
        return dataclasses.replace(value, **changes)
    return value

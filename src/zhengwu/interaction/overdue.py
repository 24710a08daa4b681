"""The letters past their deadline (超期来信), per department.

A letter being handled (received, accepted, or with its reply waiting for the
leader) is late once more working days have passed than its channel allows
(``deadlines.overdue``). Read with the portal's rights: the self-inspection and
the departments' lists filter by department themselves.
"""

from zhengwu.interaction.deadlines import overdue
from zhengwu.interaction.settings import site_channels

OPEN_STATES = ("received", "accepted", "pending_reply")


def open_letters(site, department=None):
    """The letters being handled, woken up; those of ``department`` only if given."""
    query = {"portal_type": "Letter", "review_state": list(OPEN_STATES)}
    for brain in site.portal_catalog.unrestrictedSearchResults(**query):
        letter = brain._unrestrictedGetObject()
        if department is None or letter.department == department:
            yield letter


def overdue_letters(site, calendar, today, department=None):
    """[(letter, Overdue)] of the site's letters late on ``today``, oldest first."""
    channels = site_channels(site)
    late = []
    for letter in open_letters(site, department):
        channel = channels.get(letter.channel)
        if channel is None or letter.received is None:
            continue
        found = overdue(channel, calendar, today, letter.received, letter.accepted)
        if found is not None:
            late.append((letter, found))
    return sorted(late, key=lambda pair: (pair[1].since, pair[0].getId()))

"""A site's letters as ``LetterRecord``s for the statistics: no personal data.

Read with the portal's rights (the statistics are public numbers); only the
department, channel, state, dates and rating leave the letter.
"""

from plone import api

from zhengwu.interaction.statistics import LetterRecord


def records_of(site):
    """Every letter of ``site`` as a LetterRecord."""
    records = []
    catalog = site.portal_catalog
    for brain in catalog.unrestrictedSearchResults(portal_type="Letter"):
        letter = brain._unrestrictedGetObject()
        if letter.received is None:
            continue
        records.append(
            LetterRecord(
                department=letter.department or "",
                channel=letter.channel,
                state=api.content.get_state(letter, default=""),
                received=letter.received,
                accepted=letter.accepted,
                answered=letter.answered,
                rating=letter.rating,
            )
        )
    return records

"""The publishing date of an item is the day it is first published.

Plone's own publishing form and plone.restapi's ``@workflow`` set an unset
effective date on every transition; ``portal_workflow.doActionFor`` (scripts, the
demo import, the department chains driven from code) does not, and an undated
published item sorts last in "newest first" listings and shows no date.
"""

from DateTime import DateTime

PUBLISHED = "published"


def date_first_publication(obj, event):
    """After a transition into ``published``, give an undated item today's date."""
    if event.new_state is None or event.new_state.getId() != PUBLISHED:
        return
    if getattr(obj, "EffectiveDate", None) is None or obj.EffectiveDate() != "None":
        return
    obj.setEffectiveDate(DateTime())
    # Date and year (Solr fields, catalog index) follow the effective date.
    obj.reindexObject(idxs=["effective", "effectiveRange", "Date", "year"])

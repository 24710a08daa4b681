"""The contract of a self-inspection check: a named utility any part may register."""

from zope.interface import Attribute
from zope.interface import Interface


class IInspectionCheck(Interface):
    """One rule of the survey (e.g. ``homepage-stale``), registered as a named
    utility under its rule id. Another part of the portal (letters of 互动交流)
    registers its own check the same way; every run asks every check."""

    rule = Attribute("The rule id, the utility's name (ASCII, e.g. question-overdue).")
    title = Attribute("The rule's title, a zhengwu msgid.")
    order = Attribute("Where the rule appears among the others (small first).")

    def __call__(site, context):
        """The findings on ``site`` (an iterable of ``Finding``); ``context`` is the
        run's ``InspectionContext`` (today, calendar, settings)."""

    def message(detail):
        """What is wrong, a zhengwu msgid with ``detail`` as its mapping."""

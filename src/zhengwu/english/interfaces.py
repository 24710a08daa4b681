"""Marker interfaces of the English site."""

from zope.interface import Interface


class IEnglishSection(Interface):
    """A section folder of the English site, shown by the ``english-section`` view
    (its own content, then what its listing rule finds)."""

"""Marker interfaces of the Chinese site's columns."""

from zope.interface import Interface


class IColumn(Interface):
    """A column (栏目) or subcolumn folder of a language root, shown by the
    ``column-view`` landing page (its subcolumns, then what its rule lists)."""

"""Marker interfaces of the Zhengwu add-on."""

from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IZhengwuLayer(IDefaultBrowserLayer):
    """Browser layer: Zhengwu's views apply only in sites where it is installed."""

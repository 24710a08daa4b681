"""Marker interfaces of the Zhengwu add-on."""

from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IZhengwuLayer(IDefaultBrowserLayer):
    """Browser layer: views and resources of Zhengwu apply only where it is installed."""

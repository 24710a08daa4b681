"""Install handlers of the Zhengwu profiles."""

from plone.base.interfaces import INonInstallable
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    """Keep the uninstall profile out of the add-ons control panel."""

    def getNonInstallableProfiles(self):
        return ["zhengwu:uninstall"]

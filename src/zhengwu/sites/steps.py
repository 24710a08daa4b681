"""The shape of a district setup step that one file of the district's profile drives.

Such a step (approval chains from ``workflows.toml``, the question board from
``participation.toml`` …) does nothing when its district has no such file, and says
so in the log; otherwise ``apply`` reads the file and acts on the site. Steps that
need no file implement ``IDistrictSetupStep`` directly.
"""

import logging

from zope.interface import implementer

from zhengwu.interfaces import IDistrictSetupStep


@implementer(IDistrictSetupStep)
class ProfileFileStep:
    """Base class: set ``order``, ``filename``, ``without`` and write ``apply``."""

    order = 100
    heavy = False
    # The profile file, relative to the district's folder.
    filename = None
    # What the site goes without when the file is missing, for the log line.
    without = "step skipped"
    # A file every real district has (its absence is a warning, not news).
    expected = False

    def __call__(self, site, profile):
        path = profile.directory / self.filename
        if not path.exists():
            logging.getLogger(type(self).__module__).log(
                logging.WARNING if self.expected else logging.INFO,
                "Site %s: no %s, %s",
                profile.id,
                path,
                self.without,
            )
            return None
        return self.apply(site, profile, path)

    def apply(self, site, profile, path):
        """Read ``path`` (the profile file) and set the site up from it."""
        raise NotImplementedError

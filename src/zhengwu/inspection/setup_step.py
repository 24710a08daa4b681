"""District setup step ``zhengwu.inspection`` (order 990, light): a first
self-inspection run once everything else (the demo content too) is in place, so
the dashboard is never empty and the schedule has a run to count from."""

import logging

from zope.interface import implementer

from zhengwu.inspection.run import run_inspection
from zhengwu.interfaces import IDistrictSetupStep

logger = logging.getLogger("zhengwu.inspection")


@implementer(IDistrictSetupStep)
class InspectionStep:
    order = 990
    heavy = False

    def __call__(self, site, profile):
        # No mails: a new site's findings are news to no one yet.
        run = run_inspection(site, trigger="startup", mail=False)
        logger.info(
            "Site %s: first self-inspection, %d findings", profile.id, run["total"]
        )

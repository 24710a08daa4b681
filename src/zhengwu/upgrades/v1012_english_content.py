"""1011 → 1012 (2026-12-07): one language per page (issue 16).

Plone's own strings, workflow titles and dates come from catalogues and a widget,
which need no upgrade. A district site whose demo corpus was loaded before 1008
shows "Pages of this section are being prepared" in most English subsections: it
gets the English demo pages, news and interpretations
(``profiles/<district>/content/english.toml``), dated with the site's own demo
shift; what exists is kept. A site without the demo corpus gets nothing.
"""

import logging

from Acquisition import aq_inner
from Acquisition import aq_parent
from zope.annotation.interfaces import IAnnotations
from zope.component.hooks import setSite

from zhengwu.importers.demo_dates import SHIFT_KEY
from zhengwu.importers.demo_dates import demo_shift
from zhengwu.importers.demo_dates import shifted
from zhengwu.importers.demo_english import load_english
from zhengwu.importers.demo_english import read_english
from zhengwu.upgrades.v1003_citizens_site import district_profile_of

logger = logging.getLogger(__name__)


def upgrade(setup_tool):
    site = aq_parent(aq_inner(setup_tool))
    profile = district_profile_of(site)
    if profile is None or SHIFT_KEY not in IAnnotations(site):
        logger.info("%s: no demo corpus, no English demo content", site.getId())
        return
    setSite(site)
    english = read_english(profile.directory.parent, profile.id)
    english = shifted(english, demo_shift(site, None))
    created = load_english(site, site[profile.default_language], english)
    logger.info("%s: %d English demo items created", site.getId(), len(created))

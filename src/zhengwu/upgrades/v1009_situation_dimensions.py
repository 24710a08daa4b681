"""1008 → 1009 (issue 16, 2026-12-07): a guide's situations become dimensions.

A guide's ``situations`` was a flat list of names (ticked together); it is now one
line per dimension, ``户籍：本市户籍 / 非本市户籍``, one option chosen per dimension.
Each flat guide is converted: an option the shared demo guides put in a dimension
(``profiles/common/content/guides``) joins that dimension, the others make one
dimension "情形" (English guides: "Situation"). No option is lost; an old name that
holds a separator (``/``, ``、``, a comma) gets ``-`` instead, in the materials too.
The guide's citizen fingerprint is renewed (nothing a citizen brings changed, so
strategies written against it do not turn stale) and it is indexed again.
"""

import logging

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from zope.annotation.interfaces import IAnnotations

from zhengwu.content.guide_rows import situation_names
from zhengwu.content.situations import NAME_SEPARATOR
from zhengwu.content.situations import clean_option
from zhengwu.content.situations import dimension_lines
from zhengwu.content.situations import dimensions_from_flat
from zhengwu.content.situations import read_dimensions
from zhengwu.content_events.guide_revision import FINGERPRINT_KEY
from zhengwu.content_events.guide_revision import citizen_fingerprint
from zhengwu.sites.profile import COMMON
from zhengwu.sites.profile import profiles_directory
from zhengwu.sites.profile import read_profile_toml
from zhengwu.vocabularies.language import language_of

logger = logging.getLogger(__name__)
LANGUAGES = ("zh", "en")


def known_dimensions(directory=None):
    """{option: dimension title} of the shared demo guides, both languages."""
    directory = directory or profiles_directory() / COMMON / "content" / "guides"
    known = {}
    for path in sorted(directory.glob("*.toml")):
        for guide in read_profile_toml(path).get("guide", []):
            for language in LANGUAGES:
                lines = (guide.get(language) or {}).get("situations") or []
                for dimension in read_dimensions(lines):
                    for option in dimension.options:
                        known.setdefault(option, dimension.title)
    return known


def is_flat(lines):
    """True when a line of ``lines`` names no dimension (a guide from before)."""
    return any(line.strip() and not NAME_SEPARATOR.search(line) for line in lines)


def _renamed_cell(text, renames):
    names = [name.strip() for name in situation_names(text)]
    if not any(name in renames for name in names):
        return text
    return "、".join(renames.get(name, name) for name in names if name)


def convert_guide(guide, known):
    """Turn a flat ``situations`` list into dimension lines; True when it did."""
    lines = list(guide.situations or ())
    if not is_flat(lines):
        return False
    dimensions = read_dimensions(
        [line for line in lines if NAME_SEPARATOR.search(line)]
    )
    flat = [line.strip() for line in lines if not NAME_SEPARATOR.search(line)]
    renames = {name: clean_option(name) for name in flat if clean_option(name) != name}
    flat = [renames.get(name, name) for name in flat]
    language = language_of(guide)
    dimensions += dimensions_from_flat(flat, known, language)
    english = not language.lower().startswith("zh")
    guide.situations = [
        line.replace("：", ": ", 1) if english else line
        for line in dimension_lines(dimensions)
    ]
    if renames:
        guide.materials = [
            dict(row, situations=_renamed_cell(row.get("situations"), renames))
            for row in guide.materials or ()
        ]
    annotations = IAnnotations(guide)
    if FINGERPRINT_KEY in annotations:
        annotations[FINGERPRINT_KEY] = citizen_fingerprint(guide)
    return True


def upgrade(setup_tool):
    site = aq_parent(aq_inner(setup_tool))
    known = known_dimensions()
    count = 0
    for brain in site.portal_catalog.unrestrictedSearchResults(portal_type="Guide"):
        guide = brain._unrestrictedGetObject()
        if getattr(aq_base(guide), "situations", None) and convert_guide(guide, known):
            guide.reindexObject()
            count += 1
    logger.info("%s: the situations of %s guides made dimensions", site.getId(), count)

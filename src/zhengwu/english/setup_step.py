"""District setup step ``zhengwu.english-sections``: the English site's sections.

Runs at order 30, before the demo corpus (50): the English departments and guides a
section lists do not exist yet on a new site, so sections keep a *listing rule*
(from the ``lists`` column) and their view finds the items when it renders; what is
published later, by the corpus or by editors, appears without running this again.

Top sections and subsections are all Folders. A subsection is where editors put
English pages and news ("Latest News" holds News Items, "Leaders" a page per
leader), which a Document cannot hold; a Folder also shows its listing rule and its
own content on one page, and editors can still give it a default page.

No section is linked as the translation of a Chinese page: the Chinese site has no
"Government" or "Foreign Affairs Services" folder to match (its departments sit in
the root), and a link to an unrelated page would tell the switcher a translation
exists where none does. The switcher sends visitors of a section to the Chinese
homepage, saying so.

The step creates only what is missing and remembers (on the English root) what it
made: a section an editor renamed, described differently, moved or deleted stays as
the editor left it.
"""

import logging

from persistent.list import PersistentList
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.interface import alsoProvides
from zope.interface import implementer

from zhengwu.english.interfaces import IEnglishSection
from zhengwu.english.listing import LISTING_KEY
from zhengwu.english.sections import FILENAME
from zhengwu.english.sections import load_sections
from zhengwu.interfaces import IDistrictSetupStep
from zhengwu.sites.services import read_services
from zhengwu.vocabularies.data import load_terms
from zhengwu.workflows.advance import advance

logger = logging.getLogger(__name__)

CREATED_KEY = "zhengwu.english.created"
SECTION_VIEW = "english-section"


def english_language(profile):
    """The profile's English language code (``en``), or None."""
    return next((code for code in profile.languages if code.startswith("en")), None)


def known_services(profile):
    """The ids of the shared services catalogue next to the profile, or None."""
    path = profile.common_directory / "content" / "services.tsv"
    return set(read_services(path)) if path.exists() else None


def _ensure_section(container, section, language):
    """Create the published folder of ``section`` in ``container``."""
    folder = api.content.create(
        container=container,
        type="Folder",
        id=section.id,
        title=section.title,
        description=section.description,
        language=language,
    )
    alsoProvides(folder, IEnglishSection)
    IAnnotations(folder)[LISTING_KEY] = section.listing
    folder.setLayout(SECTION_VIEW)
    advance(folder)
    folder.reindexObject()
    return folder


def build_sections(root, sections, language):
    """Create the sections of ``sections`` that ``root`` lacks and that were never
    made before; return the paths created."""
    made = IAnnotations(root).setdefault(CREATED_KEY, PersistentList())
    created = []
    for top in sections:
        for path, container, section in _plan(root, top):
            if path in made or section.id in container.objectIds():
                continue
            _ensure_section(container, section, language)
            made.append(path)
            created.append(path)
    return created


def _plan(root, top):
    yield top.id, root, top
    folder = root.get(top.id)
    if folder is None or not getattr(folder, "isPrincipiaFolderish", False):
        return
    for sub in top.subsections:
        yield f"{top.id}/{sub.id}", folder, sub


@implementer(IDistrictSetupStep)
class EnglishSectionsStep:
    """The English root's sections (order 30, light)."""

    order = 30
    heavy = False

    def __call__(self, site, profile):
        language = english_language(profile)
        path = profile.directory / FILENAME
        if language is None or language not in site.objectIds():
            logger.info("Site %s: no English root, no sections", profile.id)
            return
        if not path.exists():
            logger.info("Site %s: no %s, no English sections", profile.id, FILENAME)
            return
        audiences = {value for value, zh, en in load_terms("audience_tags")}
        sections = load_sections(path, known_services(profile), audiences)
        created = build_sections(site[language], sections, language)
        logger.info("Site %s: %d English sections created", profile.id, len(created))

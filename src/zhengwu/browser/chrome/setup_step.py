"""District setup step ``zhengwu.site-identity`` (order 25, light).

Fills the identity registry records from ``[identity]`` of the district profile
and creates the accessibility statement page of each language root from
``profiles/common/content/accessibility.toml``. It only adds what is missing: a
record an administrator filled in and a page an editor changed stay as they are.
"""

import html
import logging

from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.textfield.value import RichTextValue
from zope.interface import implementer

from zhengwu.browser.chrome.accessibility import STATEMENT_ID
from zhengwu.browser.chrome.identity import PREFIX
from zhengwu.browser.chrome.identity import ISiteIdentitySettings
from zhengwu.interfaces import IDistrictSetupStep
from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import read_profile_toml

logger = logging.getLogger(__name__)
STATEMENT_FILE = "content/accessibility.toml"


def fill_identity_records(identity):
    """Set each empty identity record to the profile's value."""
    registry = api.portal.get_tool("portal_registry")
    for name in ISiteIdentitySettings:
        key = f"{PREFIX}.{name}"
        value = getattr(identity, name)
        if value and not registry.get(key):
            registry[key] = value


def statement_html(sections):
    """The statement's sections as HTML: escaped headings and paragraphs."""
    parts = []
    for section in sections:
        parts.append(f"<h2>{html.escape(section['heading'])}</h2>")
        for paragraph in section["text"].split("\n\n"):
            if paragraph.strip():
                parts.append(f"<p>{html.escape(paragraph.strip())}</p>")
    return "\n".join(parts)


def load_statements(path):
    """language root id → (title, description, HTML) of the statement file."""
    statements = {}
    for language, data in read_profile_toml(path).items():
        where = f"{path}, [{language}]"
        try:
            sections = data["section"]
            body = statement_html(sections)
            statements[language] = (data["title"], data.get("description", ""), body)
        except (KeyError, TypeError, AttributeError) as error:
            reason = f"needs a title and sections ({error})"
            raise ProfileError(f"{where}: {reason}.") from error
    return statements


def ensure_statement(root, title, description, body):
    """The statement page of ``root``, created and published when missing."""
    if STATEMENT_ID in root.objectIds():
        return root[STATEMENT_ID]
    page = api.content.create(
        container=root,
        type="Document",
        id=STATEMENT_ID,
        title=title,
        description=description,
        text=RichTextValue(body, "text/html", "text/x-html-safe"),
        exclude_from_nav=True,
        language=root.getId(),
    )
    if api.content.get_state(page, default=None) not in (None, "published"):
        api.content.transition(page, to_state="published")
    return page


def ensure_statements(site, languages, statements):
    """One statement per language root, linked as translations of each other."""
    pages = {}
    for language in languages:
        if language in statements and language in site.objectIds():
            pages[language] = ensure_statement(site[language], *statements[language])
    if len(pages) < 2:
        return pages
    original = pages[languages[0]]
    manager = ITranslationManager(original)
    for language, page in pages.items():
        if page is not original and not manager.has_translation(language):
            manager.register_translation(language, page)
    return pages


@implementer(IDistrictSetupStep)
class SiteIdentityStep:
    """Identity records and accessibility statements of a district (order 25)."""

    order = 25
    heavy = False

    def __call__(self, site, profile):
        if profile.identity is None:
            logger.info("Site %s: no [identity] in its profile", profile.id)
        else:
            fill_identity_records(profile.identity)
        path = profile.common_directory / STATEMENT_FILE
        if not path.is_file():
            logger.info("Site %s: no %s, no accessibility statement", profile.id, path)
            return
        ensure_statements(site, profile.languages, load_statements(path))

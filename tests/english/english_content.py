"""Content for the English site tests, made as the site owner: departments and
guides in both languages, linked as translations."""

from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.testing import SITE_OWNER_NAME


def create(container, type_, publish=True, **fields):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        obj = api.content.create(container=container, type=type_, **fields)
        if publish:
            api.content.transition(obj, to_state="published")
    return obj


def english_department(site, dept="gaj"):
    """/nanshan/en/<dept>, the published translation of the Chinese department."""
    chinese = site["zh-cn"][dept]
    english = site["en"].get(dept) or create(
        site["en"],
        "Department",
        id=dept,
        title=chinese.name_en,
        kind=chinese.kind,
        language="en",
    )
    link(chinese, english)
    return english


def link(original, translation):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        manager = ITranslationManager(original)
        if not manager.has_translation("en"):
            manager.register_translation("en", translation)

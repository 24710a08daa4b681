"""``zhengwu.Departments``: the Department folders of the current language root."""

from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from zhengwu.sites.roots import language_root_of
from zhengwu.vocabularies.language import is_chinese
from zhengwu.vocabularies.language import language_of

LANGUAGE_ROOT = "LRF"


def default_language_root():
    """The root folder of the site's default language, e.g. ``/nanshan/zh-cn``."""
    site = api.portal.get()
    language = api.portal.get_registry_record("plone.default_language", default="")
    root = site.get(language) if language else None
    return root if getattr(root, "portal_type", None) == LANGUAGE_ROOT else None


def departments_in(root):
    """The Department folders directly inside ``root``, in folder order."""
    if root is None:
        return []
    return [obj for obj in root.objectValues() if obj.portal_type == "Department"]


def site_departments(context):
    """The departments of the language root of ``context``.

    Departments exist once, under the default language; a translation in a root
    without Department folders (the English site) is still owned by one of them.
    """
    departments = departments_in(language_root_of(context))
    return departments or departments_in(default_language_root())


def department_title(department, language):
    if not is_chinese(language) and getattr(department, "name_en", None):
        return department.name_en
    return department.Title()


@provider(IVocabularyFactory)
def departments(context=None):
    """id → title of the site's departments, sub-district offices and bureaus."""
    language = language_of(context)
    return SimpleVocabulary(
        [
            SimpleTerm(d.getId(), d.getId(), department_title(d, language))
            for d in site_departments(context)
        ]
    )

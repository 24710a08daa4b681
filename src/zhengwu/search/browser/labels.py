"""Translated labels for what the search page shows: types, departments, categories."""

from zope.component import queryUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory

# Vocabularies whose values may turn up in the ``category`` field.
CATEGORY_VOCABULARIES = (
    "zhengwu.ServiceKinds",
    "zhengwu.DisclosureTopics",
    "zhengwu.DisclosureGenres",
)


def fti_title(context, request, portal_type):
    """The content type's title from its FTI, in the visitor's language."""
    fti = context.portal_types.getTypeInfo(portal_type) if portal_type else None
    if fti is None:
        return portal_type or ""
    return translate(fti.Title(), context=request)


def vocabulary_titles(name, context):
    """value → title of the named vocabulary for ``context`` ({} when it is missing)."""
    factory = queryUtility(IVocabularyFactory, name=name)
    if factory is None:
        return {}
    return {term.value: term.title or term.value for term in factory(context)}


class Labels:
    """Looks titles up once per page and falls back to the raw value."""

    def __init__(self, context, request):
        self.context = context
        self.request = request
        self._types = {}
        self.departments = vocabulary_titles("zhengwu.Departments", context)
        self.audiences = vocabulary_titles("zhengwu.Audiences", context)
        self.categories = {}
        for name in CATEGORY_VOCABULARIES:
            self.categories.update(vocabulary_titles(name, context))

    def type_title(self, portal_type):
        if portal_type not in self._types:
            self._types[portal_type] = fti_title(
                self.context, self.request, portal_type
            )
        return self._types[portal_type]

    def department_title(self, department):
        return self.departments.get(department, department or "")

    def value_title(self, field, value):
        """The label of one facet value."""
        if field == "portal_type":
            return self.type_title(value)
        if field == "department":
            return self.department_title(value)
        if field == "audience":
            return self.audiences.get(value, value)
        if field == "category":
            return self.categories.get(value, value)
        return str(value)

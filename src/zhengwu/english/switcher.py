"""The language switcher (``#zw-language-switcher``) and the notice on arrival.

For each other language of the site the switcher links to the translation of the
page, when there is one the visitor may see; a draft translation is not offered
to someone who cannot open it. The default page of a folder stands for the folder,
and a language root for the other root. Otherwise the link opens the other
language's homepage, is marked ``data-translated="false"``, says so beside it, and
carries ``?no_translation=1`` so that the homepage tells the visitor why they are
there. Language names are CLDR's own names of each language ("中文", "English").
"""

from AccessControl import getSecurityManager
from Acquisition import aq_inner
from Acquisition import aq_parent
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from plone.app.multilingual.interfaces import ILanguageRootFolder
from plone.app.multilingual.interfaces import ITranslatable
from plone.app.multilingual.interfaces import ITranslationManager
from plone.base.defaultpage import is_default_page
from plone.base.interfaces import IPloneSiteRoot
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n.locales import locales
from zope.i18nmessageid import MessageFactory

from zhengwu.sites.roots import language_root_of

_ = MessageFactory("zhengwu")

NO_TRANSLATION = "no_translation"
NOTES = {
    "zh": _("No Chinese version of this page: opens the Chinese homepage"),
    "en": _("No English version of this page: opens the English homepage"),
}


def primary(code):
    """``zh`` for ``zh-cn``."""
    return code.split("-")[0].split("_")[0].lower()


def html_language(code):
    """The BCP 47 tag of a Plone language code: ``zh-CN`` for ``zh-cn``."""
    base, _sep, region = code.replace("_", "-").partition("-")
    return f"{base.lower()}-{region.upper()}" if region else base.lower()


def language_name(code):
    """The language's name in itself, from CLDR: 中文, English, français."""
    name = primary(code)
    try:
        return locales.getLocale(name).displayNames.languages.get(name) or code
    except Exception:  # zope.i18n raises LoadLocaleError for unknown locales
        return code


def language_roots(site):
    """The site's language roots in the order of its languages: {code: folder}."""
    codes = api.portal.get_registry_record("plone.available_languages", default=[])
    roots = {}
    for code in codes:
        root = site.get(code)
        if root is not None and ILanguageRootFolder.providedBy(root):
            roots[code] = root
    return roots


def _candidates(context):
    """``context``, then its folder when it is that folder's default page."""
    yield context
    parent = aq_parent(aq_inner(context))
    if parent is not None and is_default_page(parent, context):
        yield parent


def translation_of(context, code, roots):
    """The page in language ``code`` that translates ``context`` and that the
    current user may view, or None."""
    checker = getSecurityManager()
    for item in _candidates(context):
        if ILanguageRootFolder.providedBy(item) or IPloneSiteRoot.providedBy(item):
            return roots[code]
        if not ITranslatable.providedBy(item):
            continue
        translation = ITranslationManager(item).get_translation(code)
        if translation is not None and checker.checkPermission("View", translation):
            return translation
    return None


def page_url(page):
    """The address of ``page``: its folder's when it is the folder's default page
    (``/nanshan/en``, not ``/nanshan/en/home``)."""
    parent = aq_parent(aq_inner(page))
    if parent is not None and is_default_page(parent, page):
        return parent.absolute_url()
    return page.absolute_url()


def switcher_links(context, request=None):
    """One dict per other language: url, code, lang, name, translated, note."""
    roots = language_roots(api.portal.get())
    if len(roots) < 2:
        return []
    here = language_root_of(context)
    current = here.getId() if here is not None else next(iter(roots))
    links = []
    for code, root in roots.items():
        if code == current:
            continue
        target = translation_of(context, code, roots)
        translated = target is not None
        url = page_url(target) if translated else root.absolute_url()
        links.append(
            {
                "code": code,
                "lang": html_language(code),
                "name": language_name(code),
                "translated": translated,
                "url": url if translated else f"{url}?{NO_TRANSLATION}=1",
                "note": None
                if translated
                else NOTES.get(
                    primary(code),
                    _(
                        "No ${language} version of this page: opens its homepage",
                        mapping={"language": language_name(code)},
                    ),
                ),
            }
        )
    return links


class LanguageSwitcherViewlet(ViewletBase):
    """``<nav id="zw-language-switcher">`` in the portal header."""

    index = ViewPageTemplateFile("templates/switcher.pt")

    def update(self):
        super().update()
        self.links = switcher_links(aq_inner(self.context), self.request)

    def render(self):
        return self.index() if self.links else ""


class LanguageNoticeViewlet(ViewletBase):
    """Tells a visitor the switcher brought them to a homepage: no translation."""

    index = ViewPageTemplateFile("templates/notice.pt")

    def render(self):
        if self.request.form.get(NO_TRANSLATION) != "1":
            return ""
        if language_root_of(aq_inner(self.context)) is None:
            return ""
        return self.index()

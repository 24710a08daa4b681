"""Our catalogues of Plone's domains come first: zhengwu/locales holds ``plone`` and
``plonelocales`` catalogues that add what plone.app.locales lacks (our workflow
titles, the Chinese date formats) and correct what it gets wrong ("登陆问题?").

zope.i18n asks a domain's catalogues of a language in the order they were
registered and takes the first translation; which package registers first depends
on the ZCML load order, so the ``zhengwu:preferTranslations`` directive moves the
catalogues of one directory to the front, whatever the order was.
"""

import os

from zope.component import queryUtility
from zope.configuration.fields import Path
from zope.i18n.interfaces import ITranslationDomain
from zope.interface import Interface
from zope.schema import TextLine

# Plone's domains whose messages our catalogues add to or correct.
DOMAINS = "plone plonelocales z3c.form"


class IPreferTranslations(Interface):
    directory = Path(title="The locales directory whose catalogues come first")
    domains = TextLine(title="Space-separated domains", default=DOMAINS)


def prefer(directory, domains):
    """Move the catalogues read from ``directory`` to the front of ``domains``."""
    directory = os.path.abspath(directory) + os.sep
    for name in domains:
        domain = queryUtility(ITranslationDomain, name=name)
        catalogues = getattr(domain, "_catalogs", None)
        if not catalogues:
            continue
        for language, names in catalogues.items():
            ours = [n for n in names if str(n).startswith(directory)]
            others = [n for n in names if n not in ours]
            catalogues[language] = ours + others


def prefer_translations(_context, directory, domains=DOMAINS):
    # An action, run after the registerTranslations actions of every package.
    _context.action(
        discriminator=("zhengwu:preferTranslations", directory),
        callable=prefer,
        args=(directory, domains.split()),
        order=10,
    )

"""The toolbar's modification time in the page's language.

Plone's content views show it through Patternslib's ``pat-display-time``, which
keeps only the first two letters of the page's language (``zh``), finds no such
moment.js locale and writes ``12/07/2026 11:41:37 PM`` on Chinese pages. Here the
server writes it as the rest of the page writes times (``2026年12月7日 23:41``,
Beijing time), and the pattern is not asked.
"""

import datetime
import re

from plone.app.layout.viewlets.common import ContentViewsViewlet

from zhengwu.formatting import format_datetime
from zhengwu.vocabularies.language import language_of

DISPLAY_TIME = re.compile(
    r'<time class="pat-display-time"\s+datetime="(?P<value>[^"]+)"'
    r'\s+data-pat-display-time="[^"]*"\s*>[^<]*</time>'
)


def _local_time(match, language):
    value = match.group("value")
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        return match.group(0)
    if moment.tzinfo is None:
        return match.group(0)
    return f'<time datetime="{value}">{format_datetime(moment, language)}</time>'


class LocalizedContentViewsViewlet(ContentViewsViewlet):
    """Plone's content views with the History entry's time written on the server."""

    def render(self):
        html = super().render()
        language = language_of(self.context)
        return DISPLAY_TIME.sub(lambda match: _local_time(match, language), html)

"""Highlighted snippets that are safe to insert as HTML.

Solr marks the matched words with ``<em>`` and (with ``hl.encoder=html``) escapes
the rest. The page does not trust that: every fragment is split on the ``<em>``
markers, each text piece is unescaped and escaped again, so whatever Solr sends the
only tags that reach the visitor are balanced ``<em>``/``</em>``.
"""

import html
import re

MARKER = re.compile(r"(</?em>)", re.IGNORECASE)
SEPARATOR = " … "


def safe_fragment(fragment):
    """One highlight fragment as HTML whose only tags are balanced ``<em>``."""
    out = []
    emphasised = False
    for piece in MARKER.split(fragment or ""):
        lowered = piece.lower()
        if lowered == "<em>":
            if not emphasised:
                out.append("<em>")
                emphasised = True
        elif lowered == "</em>":
            if emphasised:
                out.append("</em>")
                emphasised = False
        elif piece:
            out.append(html.escape(html.unescape(piece), quote=False))
    if emphasised:
        out.append("</em>")
    return "".join(out)


def snippet_html(highlighting, uid, field="SearchableText"):
    """The safe HTML snippet of a result from ``response.highlighting``, or None."""
    if not highlighting or not uid:
        return None
    try:
        fragments = highlighting.get(uid, {}).get(field) or []
    except AttributeError:
        return None
    if isinstance(fragments, str):
        fragments = [fragments]
    safe = [safe_fragment(fragment).strip() for fragment in fragments]
    return SEPARATOR.join(piece for piece in safe if piece) or None

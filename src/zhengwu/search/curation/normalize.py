"""The one normal form of a search query, for best-bet keys and synonym terms.

NFKC turns full-width letters, digits and spaces into their ASCII forms, case is
folded and runs of whitespace become one space. Traditional characters are *not*
converted to simplified ones: that needs a conversion table (OpenCC or ICU), which
Python here does not have; Solr converts them for the search itself, so only a
best bet typed in traditional characters is missed (pin the simplified form).
"""

import unicodedata


def normalize_query(text):
    """``'  ＩＤ  Card '`` → ``'id card'``; ``None`` → ``''``."""
    text = unicodedata.normalize("NFKC", text or "")
    return " ".join(text.split()).lower()

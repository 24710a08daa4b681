"""What a Solr core tells the typo correction: its words, its T→S mapping, its version.

Each reader takes ``get_json(path)`` / ``get_text(path)`` (a GET on the Solr server)
and the core's ``base`` (``/solr/nanshan``), so that the portal and
scripts/typo_eval.py read a core the same way.
"""

import re
from urllib.parse import urlencode

from zhengwu.search.typos.vocabulary import LONGEST
from zhengwu.search.typos.vocabulary import title_words

# A typo is corrected only to a word of TARGETS (what citizens search for by name)
# or of a public title, counted over what an anonymous visitor may see, so that a
# suggestion never shows a word of a draft. The words of KNOWN only keep a query
# that contains them from being changed (晚上 is not a typo of 网上): they are never
# shown, so Solr's term dictionary serves, without a permission filter.
TARGETS = ("Title", "Subject")
KNOWN = ("Description", "SearchableText")
# The whole title, normalised (T→S, no punctuation), one term per document.
WHOLE_TITLE = "title_exact"

_HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff"
_HAN_WORD = f"[{_HAN}]{{2,{LONGEST}}}"
_PUBLIC = [
    "allowedRolesAndUsers:Anonymous",
    "-effective:[NOW TO *]",
    "-expires:[* TO NOW]",
]
_FACETS = {
    "q": "*:*",
    "rows": "0",
    "fq": _PUBLIC,
    "facet": "true",
    "facet.field": [*TARGETS, WHOLE_TITLE],
    "facet.limit": "-1",
    "facet.mincount": "1",
    "facet.matches": _HAN_WORD,
    f"f.{WHOLE_TITLE}.facet.matches": f".*[{_HAN}].*",
    "json.nl": "map",
    "wt": "json",
}
_TERMS = {
    "terms.fl": list(KNOWN),
    "terms.limit": "-1",
    "terms.regex": _HAN_WORD,
    "json.nl": "map",
    "wt": "json",
}
_FOLDING_LINE = re.compile(r'^"(.)"\s*=>\s*"(.)"$')


def load_frequencies(get_json, base):
    """(word → document frequency, words a typo may be corrected to) of the core:
    the words of ``TARGETS`` and of the public titles (``title_words``) are targets,
    the words of ``KNOWN`` only known."""
    frequencies = {}
    found = get_json(f"{base}/terms?{urlencode(_TERMS, doseq=True)}")
    _count(frequencies, found["terms"].values())
    found = get_json(f"{base}/select?{urlencode(_FACETS, doseq=True)}")
    fields = found["facet_counts"]["facet_fields"]
    titles = fields.pop(WHOLE_TITLE, {})
    targets = {word for words in fields.values() for word in words}
    _count(frequencies, fields.values())
    words = title_words(titles, frequencies)
    _count(frequencies, [words])
    targets.update(words)
    return frequencies, targets


def _count(frequencies, counts):
    for words in counts:
        for word, count in words.items():
            frequencies[word] = max(frequencies.get(word, 0), count)


def load_folding(get_text, base):
    """Traditional → simplified characters, as the core's analyzers map them
    (its ``mapping-t2s.txt``)."""
    found = get_text(f"{base}/admin/file?file=mapping-t2s.txt")
    folding = {}
    for line in found.splitlines():
        match = _FOLDING_LINE.match(line.strip())
        if match:
            folding[match.group(1)] = match.group(2)
    return folding


def index_version(get_json, base):
    """The version of the core's open index: it changes with every commit."""
    found = get_json(f"{base}/admin/luke?show=index&numTerms=0&wt=json")
    return found["index"]["version"]

"""How Zhengwu ranks a full-text search: every weight in one place.

The text is matched with edismax over the Chinese fields (smartcn words weigh most,
the finer ICU words rescue reordered and colloquial questions); a Latin-letter query
also matches the pinyin fields of titles. The score is then multiplied by the content
type's weight (a citizen looks for the service guide, not the 8,091 powers items that
repeat its words), by recency for news and disclosure, and by what people open.
Measured with ``make eval`` (docs/search/quality.md); see docs/search/overview.md.
"""

from zhengwu.search.pinyin import normalize_latin

# Fields the words are searched in, with their weights (edismax qf).
TEXT_FIELDS = {
    "Title": 10,
    "Description": 2,
    "SearchableText": 1,
    "SearchableText_icu": 0.3,
}
# Words of the query next to each other in the title (edismax pf).
PHRASE_FIELDS = {"Title": 20, "SearchableText": 2}
# Minimum number of the query's words a document must hold (edismax mm): one or two
# words all, three or four all but one, longer questions 60 %.
MINIMUM_MATCH = "2<-1 4<60%"
# When that finds too little (a long question whose words no page has all of), the
# question is asked again needing any one word: the weights then rank the pages
# that hold its rarest, most telling words first.
RELAXED_MATCH = "1"
# Added when the query is the whole title (title_exact: T→S, case and punctuation
# insensitive).
EXACT_TITLE_BOOST = 200
# A Latin-letter query, folded ("Shen Fen Zheng" → shenfenzheng), against the prefix
# fields of the title's pinyin.
PINYIN_FIELDS = {"title_pinyin": 60, "title_initials": 40}

# Multiplies the score by content type; types not named weigh 1.
TYPE_WEIGHTS = {
    "Guide": 4.0,
    "Department": 1.5,
    "EncyclopediaEntry": 1.0,
    "PolicyInterpretation": 1.0,
    "Strategy": 0.5,
    "Document": 0.8,
    "News Item": 0.6,
    "DisclosureRecord": 0.6,
    "PowerItem": 0.15,
}
# News and disclosure lose up to half their weight with age (half of that loss
# after RECENCY_HALF_LIFE_DAYS).
RECENT_TYPES = ("News Item", "DisclosureRecord")
RECENCY_HALF_LIFE_DAYS = 365
# Opens in the last 30 days: score × (1 + POPULARITY_WEIGHT × log10(1 + opens)).
POPULARITY_WEIGHT = 0.3

_MS_PER_DAY = 86_400_000


def _weighted(fields):
    return " ".join(f"{name}^{weight}" for name, weight in fields.items())


def _is_type(portal_type):
    return f"termfreq(portal_type,'{portal_type}')"


def type_weight():
    """A function query: the weight of the document's content type."""
    function = "1"
    for portal_type, weight in reversed(TYPE_WEIGHTS.items()):
        function = f"if({_is_type(portal_type)},{weight},{function})"
    return function


def recency_weight():
    """A function query: 1 for today's news, 0.75 after the half life, towards 0.5."""
    slope = 1 / (RECENCY_HALF_LIFE_DAYS * _MS_PER_DAY)
    age_factor = f"recip(ms(NOW/DAY,effective),{slope:.3e},1,1)"
    recent = ",".join(_is_type(portal_type) for portal_type in RECENT_TYPES)
    return f"if(or({recent}),sum(0.5,product(0.5,{age_factor})),1)"


def popularity_weight():
    return f"sum(1,product({POPULARITY_WEIGHT},log(sum(1,def(popularity,0)))))"


def _phrase(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def text_query(text, fields, relaxed=False):
    """Solr parameters that find and rank ``text``; ``fields`` is the set of field
    names the core's schema has (fields still missing there are left out);
    ``relaxed`` needs only one of the words."""
    params = {
        "q": "{!boost b=$zw_boost v=$zw_match}",
        "zw_q": text,
        "zw_text": (
            "{!edismax qf=$zw_qf pf=$zw_pf mm=$zw_mm bq=$zw_exact"
            " q.op=OR sow=false uf=$zw_uf v=$zw_q}"
        ),
        # visitors' words are words: no field:value syntax
        "zw_uf": "-*",
        "zw_qf": _weighted({k: v for k, v in TEXT_FIELDS.items() if k in fields}),
        "zw_pf": _weighted(PHRASE_FIELDS),
        "zw_mm": RELAXED_MATCH if relaxed else MINIMUM_MATCH,
        "zw_exact": "",
        "zw_match": "{!bool should=$zw_text}",
    }
    if "title_exact" in fields:
        params["zw_exact"] = f"title_exact:{_phrase(text)}^{EXACT_TITLE_BOOST}"
    latin = normalize_latin(text)
    pinyin = [name for name in PINYIN_FIELDS if name in fields]
    if latin and pinyin:
        params["zw_pinyin"] = " OR ".join(
            f"{name}:{latin}^{PINYIN_FIELDS[name]}" for name in pinyin
        )
        params["zw_match"] = "{!bool should=$zw_text should=$zw_pinyin}"
    boosts = [type_weight(), recency_weight()]
    if "popularity" in fields:
        boosts.append(popularity_weight())
    params["zw_boost"] = f"product({','.join(boosts)})"
    return params

"""How Zhengwu ranks a full-text search: every weight in one place.

The text is matched with edismax over the Chinese fields (smartcn words weigh most,
the finer ICU words rescue reordered and colloquial questions); a Latin-letter query
also matches the pinyin fields of titles. The score is then multiplied by the content
type's weight (a citizen looks for the service guide, not the 8,091 powers items that
repeat its words), by recency for news and disclosure, and by what people open.
Measured with ``make eval`` (docs/search/quality.md); see docs/search/overview.md.
"""

import re

from zhengwu.search import english
from zhengwu.search.pinyin import normalize_latin

# Fields the words are searched in, with their weights (edismax qf): each part of a
# page in a field of its own (indexers/parts.py). For every word the best field
# counts (dismax), so a word in a guide's title or also-known-as names outweighs the
# same word in its materials; SearchableText holds every part and catches the rest.
TEXT_FIELDS = {
    "Title": 10,
    "names_text": 8,
    "evidence_text": 3,
    "Description": 2,
    "situations_text": 2,
    "faq_text": 1.5,
    "conditions_text": 1.5,
    "materials_text": 1.5,
    # body_text, process_text and legal_text weigh as much as the catch-all that
    # holds them: searched through SearchableText (each field costs time per word),
    # indexed so that a weight can be given without reindexing
    "SearchableText": 1,
    "SearchableText_icu": 0.3,
}
# Other fields' scores for a word add this share to the best one's (edismax tie).
TIE = 0.1
# Words of the query next to each other in the title (edismax pf).
PHRASE_FIELDS = {"Title": 20, "names_text": 16, "SearchableText": 2}
# Minimum number of the query's words a document must hold (edismax mm): one or two
# words all, three or four all but one, longer questions 60 %.
MINIMUM_MATCH = "2<-1 4<60%"
# When that finds too little (a long question whose words no page has all of), the
# question is asked again needing any one word: the weights then rank the pages
# that hold its rarest, most telling words first.
RELAXED_MATCH = "1"
# Beside the query that needs MINIMUM_MATCH, the same words needing any one of them,
# its score × LOOSE_WEIGHT: a colloquial question whose guide holds only two of its
# five words (smartcn cuts 两个人 into three one-character words, and the minimum
# counts per field) still finds it, after the pages that hold enough.
LOOSE_WEIGHT = 0.3
# Asked only when the question found fewer pages than this (the loose clause
# matches thousands of pages: it costs time only where it is needed).
LOOSE_BELOW = 10
# A query is a question (a sentence rather than a name) from this many Han
# characters or Latin-letter words on; shorter ones need their words.
QUESTION_HAN_CHARS = 6
QUESTION_WORDS = 3
# Added when the query is the whole title (title_exact: T→S, case and punctuation
# insensitive).
EXACT_TITLE_BOOST = 200
# A Latin-letter query, folded ("Shen Fen Zheng" → shenfenzheng), against the prefix
# fields of the title's pinyin.
PINYIN_FIELDS = {
    "title_pinyin": 60,
    "title_initials": 40,
    "names_pinyin": 50,
    "names_initials": 35,
}

# Multiplies the score by content type; types not named weigh 1.
TYPE_WEIGHTS = {
    "Guide": 4.0,
    "Department": 1.5,
    "EncyclopediaEntry": 1.0,
    "PolicyInterpretation": 1.0,
    "Strategy": 0.5,
    "Question": 0.5,
    "Document": 0.8,
    "News Item": 0.6,
    "DisclosureRecord": 0.6,
    "PowerItem": 0.02,
    "File": 0.05,
}
# Powers items repeat every guide's title and attachments its words: they rank only
# when the query asks for them (a power's category or code, a form or file), and
# then weigh like a guide's neighbours.
ASKED_TYPE_WEIGHT = 1.0
ASKING = {
    "PowerItem": re.compile(
        r"处罚|罚款|强制|查封|扣押|征收|裁决|检查|权责|职权|权力|责任清单|实施依据"
        r"|[A-Za-z]{2,}-?\d{3,}|\d{6,}"
        r"|\b(?:penalt|fine[sd]?\b|enforcement|inspection|powers?\b)",
        re.IGNORECASE,
    ),
    "File": re.compile(
        r"附件|下载|表格|模板|范本|样表|样本|申请表|登记表|\.(?:pdf|docx?|xlsx?|wps)\b"
        r"|\b(?:download|template|form\b|attachment)",
        re.IGNORECASE,
    ),
}
# News and disclosure lose up to half their weight with age (half of that loss
# after RECENCY_HALF_LIFE_DAYS).
RECENT_TYPES = ("News Item", "DisclosureRecord")
RECENCY_HALF_LIFE_DAYS = 365
# Opens in the last 30 days: score × (1 + POPULARITY_WEIGHT × log10(1 + opens)).
POPULARITY_WEIGHT = 0.3

# A question thread is one result: its answers are searched with it (the question's
# text holds its public answers) and are never results of their own.
THREAD_PARTS = ("Answer", "OfficialAnswer")
# Results collapse on ``group_key`` (indexers/evidence.py): a guide and the threads
# and strategies about it give one result, at the place of the best of them (a
# thread's words count for its guide), shown as the guide
# (service.Query.lead_with_guides); documents of their own group are untouched.
GROUP_FIELD = "group_key"
# The best matches of each group besides its head, shown under it (Solr's expand
# component applies the query's filters, so only what the visitor may see).
RELATED_PER_RESULT = 3

_MS_PER_DAY = 86_400_000


def _weighted(fields):
    return " ".join(f"{name}^{weight}" for name, weight in fields.items())


def _is_type(portal_type):
    return f"termfreq(portal_type,'{portal_type}')"


def asked_types(text):
    """The types of ``ASKING`` the query asks for."""
    return {name for name, pattern in ASKING.items() if pattern.search(text or "")}


def type_weight(asked=()):
    """A function query: the weight of the document's content type; the types the
    query asks for (``asked_types``) weigh ``ASKED_TYPE_WEIGHT``."""
    function = "1"
    for portal_type, weight in reversed(TYPE_WEIGHTS.items()):
        if portal_type in asked:
            weight = max(weight, ASKED_TYPE_WEIGHT)
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


def is_question(text):
    """Is ``text`` a sentence (身份证丢了怎么办) rather than a name (结婚登记)?"""
    han = sum(1 for char in text if "\u3400" <= char <= "\u9fff")
    words = len(re.findall(r"[A-Za-z]+", text))
    return han >= QUESTION_HAN_CHARS or words >= QUESTION_WORDS


def names_title(text, title):
    """Is ``text`` the whole of ``title`` (case, spaces and punctuation aside)? Then
    it is a name, however long: 公众聚集场所投入使用营业前消防安全检查."""
    return bool(title) and _bare(text) == _bare(title)


def _bare(text):
    return "".join(char for char in str(text).casefold() if char.isalnum())


def result_filters(portal_types, fields):
    """``fq`` that make a thread one result and group threads under their guide.

    ``portal_types`` is the query's type filter (empty: every type). A query for one
    type (the search page's type facet, the similar-questions lookup) lists every
    match of it; a query for the answer types alone gets them.
    """
    types = set(portal_types or ())
    fqs = []
    if not types or not types <= set(THREAD_PARTS):
        fqs.append(f"-portal_type:({' OR '.join(THREAD_PARTS)})")
    if GROUP_FIELD in fields and (not types or (len(types) > 1 and "Guide" in types)):
        fqs.append(f"{{!collapse field={GROUP_FIELD} nullPolicy=expand}}")
    return fqs


def collapses(fqs):
    """Do ``fqs`` (``result_filters``) collapse the results?"""
    return any(fq.startswith("{!collapse") for fq in fqs)


# Solr's expand component: the best other items of each group on the page.
GROUPED_ITEMS = {"expand": "true", "expand.rows": str(RELATED_PER_RESULT)}


def _phrase(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def text_query(text, fields, relaxed=False, hanzi=None, loose=False):
    """Solr parameters that find and rank ``text``; ``fields`` is the set of field
    names the core's schema has (fields still missing there are left out);
    ``relaxed`` needs only one of the words; ``hanzi`` is a Latin-letter query read
    as Chinese words (typos/pinyin_sentences.py), searched beside it; ``loose``
    adds the pages holding fewer of a question's words (``LOOSE_WEIGHT``)."""
    english_qf, english_pf = english.english_fields(text, fields)
    qf = {k: v for k, v in TEXT_FIELDS.items() if k in fields} | english_qf
    pf = {k: v for k, v in PHRASE_FIELDS.items() if k in fields} | english_pf
    params = {
        "q": "{!boost b=$zw_boost v=$zw_match}",
        "zw_q": text,
        "zw_text": (
            "{!edismax qf=$zw_qf pf=$zw_pf mm=$zw_mm bq=$zw_exact"
            " tie=$zw_tie q.op=OR sow=false uf=$zw_uf v=$zw_q}"
        ),
        # visitors' words are words: no field:value syntax
        "zw_uf": "-*",
        "zw_qf": _weighted(qf),
        "zw_pf": _weighted(pf),
        "zw_mm": RELAXED_MATCH if relaxed else MINIMUM_MATCH,
        "zw_exact": "",
        "zw_tie": str(TIE),
        "zw_match": "{!bool should=$zw_text}",
    }
    if "title_exact" in fields:
        params["zw_exact"] = f"title_exact:{_phrase(text)}^{EXACT_TITLE_BOOST}"
    clauses = ["$zw_text"]
    latin = normalize_latin(text)
    pinyin = [name for name in PINYIN_FIELDS if name in fields]
    if latin and pinyin:
        params["zw_pinyin"] = " OR ".join(
            f"{name}:{latin}^{PINYIN_FIELDS[name]}" for name in pinyin
        )
        clauses.append("$zw_pinyin")
    if loose and not relaxed:
        # pages holding fewer of a question's words than MINIMUM_MATCH asks for
        # follow those holding enough (see LOOSE_WEIGHT)
        params["zw_loose"] = f"{{!boost b={LOOSE_WEIGHT} v=$zw_loose_text}}"
        params["zw_loose_text"] = (
            "{!edismax qf=$zw_qf mm=$zw_loose_mm tie=$zw_tie q.op=OR sow=false"
            " uf=$zw_uf v=$zw_q}"
        )
        params["zw_loose_mm"] = RELAXED_MATCH
        clauses.append("$zw_loose")
    if hanzi and hanzi != text:
        params["zw_hanzi_q"] = hanzi
        params["zw_hanzi"] = (
            "{!edismax qf=$zw_qf pf=$zw_pf mm=$zw_mm tie=$zw_tie"
            " q.op=OR sow=false uf=$zw_uf v=$zw_hanzi_q}"
        )
        clauses.append("$zw_hanzi")
    params["zw_match"] = "{!bool " + " ".join(f"should={c}" for c in clauses) + "}"
    boosts = [type_weight(asked_types(text)), recency_weight()]
    if "popularity" in fields:
        boosts.append(popularity_weight())
    params["zw_boost"] = f"product({','.join(boosts)})"
    return params

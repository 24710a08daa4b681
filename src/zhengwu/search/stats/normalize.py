"""The form in which a query is counted: the curation part's normal form, bounded.

Sharing the curation part's form means a zero-result query in the report is exactly
the key a synonym or best bet made from it is stored under.
"""

from zhengwu.search.curation.normalize import normalize_query

# Longer input is not a query someone typed (pasted text, a bot): not counted.
MAX_LENGTH = 100


def normal_query(text):
    """The counted form of ``text``, or '' when it is not to be counted."""
    query = normalize_query(text)
    return query if len(query) <= MAX_LENGTH else ""

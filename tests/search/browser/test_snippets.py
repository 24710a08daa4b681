"""Highlight fragments become HTML whose only tags are balanced <em>."""

from zhengwu.search.browser.snippets import safe_fragment
from zhengwu.search.browser.snippets import snippet_html


def test_solr_emphasis_is_kept_and_escaped_text_stays_escaped():
    fragment = "办理<em>身份证</em> &lt;script&gt;alert(1)&lt;/script&gt;"
    assert safe_fragment(fragment) == (
        "办理<em>身份证</em> &lt;script&gt;alert(1)&lt;/script&gt;"
    )


def test_raw_markup_from_an_unescaped_fragment_is_escaped():
    fragment = '<script>alert(1)</script><em onclick="x">点</em><em>证</em>'
    safe = safe_fragment(fragment)
    assert "<script" not in safe
    assert "<em onclick" not in safe
    assert safe.endswith("<em>证</em>")


def test_unbalanced_markers_are_balanced():
    assert safe_fragment("</em>a<em>b<em>c") == "a<em>bc</em>"


def test_snippet_joins_fragments_of_the_result():
    highlighting = {"uid-1": {"SearchableText": ["<em>a</em>", "b"]}}
    assert snippet_html(highlighting, "uid-1") == "<em>a</em> … b"
    assert snippet_html(highlighting, "uid-2") is None
    assert snippet_html(None, "uid-1") is None

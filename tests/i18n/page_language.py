"""What a page says in which language: its UI text, and the words of the other
language found in it (content and proper nouns allowed by name)."""

import re

from lxml import html as lxml_html

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
# A run of English words: at least one word of three or more letters.
LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:[ ,.:?!]+[A-Za-z][A-Za-z'’-]*)*")
# Attributes a visitor reads or hears.
SPOKEN_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt", "value")
# Latin words a Chinese page may show: proper nouns, formats and acronyms.
ALLOWED_LATIN = {
    "English",
    "Plone",
    "WeChat",
    "Weibo",
    "QR",
    "PDF",
    "CSV",
    "XLSX",
    "Excel",
    "Word",
    "HTML",
    "URL",
    "http",  # URL schemes in help texts (以 http:// 或 https:// 开头)
    "https",
    "RSS",
    "Email",
    "E-mail",
    "ID",
    "CA",
    "APP",
    "App",
    "OK",
    "IP",
    "Solr",
    "ICP",
    "Cookie",
    "TinyMCE",
    "iCalendar",
}
# Plone's own editor UI that no catalogue can reach, left as Plone writes it: the
# title of plone.app.multilingual's language-independent folder (content) and a
# plain-string menu description of plone.app.contentmenu; the "Required" mark of
# collective.z3cform.datagridfield's table header (a template without a domain).
PLONE_UNTRANSLATABLE = {"Assets", "Manage all portlets", "Required"}
# Machine text: e-mail and web addresses, media types, item and user ids, codes.
MACHINE = re.compile(
    r"\S+@\S+|https?://\S+|(?<![A-Za-z])[a-z]+/[a-z*+.-]+"
    r"|(?<![A-Za-z0-9])[a-z0-9]+(?:[-_.][a-z0-9]+)+(?![A-Za-z0-9])"
    r"|(?<![A-Za-z0-9])[A-Z0-9-]*[0-9][A-Z0-9-]*(?![A-Za-z0-9])"
)
# Chinese an English page may show: the Chinese language's own name (switcher,
# editors' translation menu).
ALLOWED_CJK = {"简体中文(中国)", "简体中文", "中文"}


def _visible_tree(page):
    tree = lxml_html.fromstring(page)
    for bad in tree.xpath(
        "//script|//style|//noscript|//template|//code|//pre|//textarea"
        "|//*[@hidden]|//*[@lang and @lang!=/html/@lang]"
    ):
        if bad.getparent() is not None:
            bad.drop_tree()
    return tree


def ui_texts(page, skip=()):
    """Every text node and spoken attribute of ``page`` outside content areas
    (``skip``: XPath expressions of content, e.g. the item's own text)."""
    tree = _visible_tree(page)
    for expression in skip:
        for element in tree.xpath(expression):
            if element.getparent() is not None:
                element.drop_tree()
    texts = [text.strip() for text in tree.xpath("//body//text()") if text.strip()]
    for attribute in SPOKEN_ATTRIBUTES:
        for element in tree.xpath(f"//body//*[@{attribute}]"):
            if attribute == "value" and element.tag != "input":
                continue
            if attribute == "value" and element.get("type") not in (
                "submit",
                "button",
                "reset",
            ):
                continue
            texts.append(element.get(attribute).strip())
    return [text for text in texts if text]


def english_in(texts, allowed=()):
    """The English words among ``texts`` of a Chinese page (runs of Latin words
    with a word of three letters or more, less the allowed ones)."""
    allowed = ALLOWED_LATIN | set(allowed)
    found = []
    for text in texts:
        for run in LATIN_RUN.findall(MACHINE.sub(" ", text)):
            words = [w for w in re.split(r"[ ,.:?!]+", run) if w]
            # A word of three letters or more, or a small word ("by", "of").
            if not any(len(w) >= 3 or (len(w) == 2 and w.islower()) for w in words):
                continue
            if all(w in allowed for w in words) or run.strip() in allowed:
                continue
            found.append(run.strip())
    return sorted(set(found))


def chinese_in(texts, allowed=()):
    """The Chinese runs among ``texts`` of an English page, less the allowed."""
    allowed = sorted(ALLOWED_CJK | set(allowed), key=len, reverse=True)
    found = set()
    for text in texts:
        for name in allowed:
            text = text.replace(name, " ")
        found.update(CJK.findall(text))
    return sorted(found)

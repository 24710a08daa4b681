"""The assistant's rules (``data/rules.toml``): refusal, handover and topics.

Rule-based on purpose: there is no prompt to inject, so "ignore your rules" is only
words, and the words themselves are one of the things refused.
"""

import base64
import binascii
import re
import tomllib
import unicodedata
from functools import cache
from pathlib import Path

RULES = Path(__file__).parent / "data" / "rules.toml"
# Zero-width and joining characters hide a word from a pattern (伪\u200b造).
INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")
BETWEEN_HAN = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")
# Letters split by dots or dashes (f.o.r.g.e, r-e-v-e-a-l).
SPELLED = re.compile(r"\b(?:[a-z][.\-]){2,}[a-z]\b")
BASE64_RUN = re.compile(r"[A-Za-z0-9+/]{16,}={0,2}")
REFUSALS = ("instructions", "personal_data", "fraud", "abuse", "out_of_scope")
HANDOVERS = ("progress", "dispute", "person")


@cache
def rules():
    """The compiled rules: {section: {name: [patterns]}} plus the situation words."""
    with open(RULES, "rb") as handle:
        data = tomllib.load(handle)
    compiled = {}
    for section in ("refuse", "handover", "topics"):
        compiled[section] = {
            name: [re.compile(pattern, re.IGNORECASE) for pattern in patterns]
            for name, patterns in data[section].items()
        }
    compiled["situation_words"] = dict(data.get("situation_words", {}))
    drop = data.get("search", {}).get("drop", ())
    compiled["drop"] = re.compile("|".join(f"(?:{p})" for p in drop), re.IGNORECASE)
    return compiled


def normalize(text):
    """The question as the rules read it: NFKC, lower case, hidden characters gone,
    spaces between Chinese characters and dots in spelled-out words removed."""
    text = unicodedata.normalize("NFKC", text or "")
    text = INVISIBLE.sub("", text).lower()
    text = BETWEEN_HAN.sub("", text)
    return SPELLED.sub(lambda m: re.sub(r"[.\-]", "", m.group(0)), text)


def decoded_parts(text):
    """Readable text hidden in base64 runs of ``text`` (encoded requests)."""
    parts = []
    for run in BASE64_RUN.findall(text or ""):
        try:
            raw = base64.b64decode(run + "=" * (-len(run) % 4), validate=True)
            decoded = raw.decode("utf-8")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            continue
        if decoded.isprintable():
            parts.append(decoded)
    return parts


def _first_match(section, names, text):
    for name in names:
        if any(pattern.search(text) for pattern in rules()[section][name]):
            return name
    return None


def refusal(text):
    """The kind of request to refuse (``REFUSALS``), or None.

    Text hidden in base64 is read too; a request that hides itself in an encoding
    is refused even when what it hides is harmless, as a prompt attack.
    """
    plain = normalize(text)
    found = _first_match("refuse", REFUSALS, plain)
    if found:
        return found
    hidden = decoded_parts(text)
    if hidden:
        for part in hidden:
            found = _first_match("refuse", REFUSALS, normalize(part))
            if found:
                return found
        return "instructions"
    return None


def handover(text):
    """The kind of question only a person can answer (``HANDOVERS``), or None."""
    return _first_match("handover", HANDOVERS, normalize(text))


def topics(text):
    """The guide fields the question asks about, in the rules' order."""
    plain = normalize(text)
    return [
        name
        for name, patterns in rules()["topics"].items()
        if any(pattern.search(plain) for pattern in patterns)
    ]


def situation_text(text):
    """The question with everyday words read as situation options
    (外地户口 → 非本市户籍)."""
    plain = normalize(text)
    for word, option in rules()["situation_words"].items():
        plain = plain.replace(word.lower(), option.lower())
    return plain


def search_text(text):
    """The question without its words of asking, for the search; the question
    itself when nothing else is left."""
    plain = unicodedata.normalize("NFKC", text or "")
    stripped = " ".join(rules()["drop"].sub(" ", plain).split())
    return stripped if len(stripped) >= 2 else " ".join(plain.split())

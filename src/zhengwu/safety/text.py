"""Plain text of citizens' posts (问题、回答、攻略): cleaned, bounded, never HTML.

A post is stored as plain text and always rendered escaped, so ``<script>`` stays
literally as text and nothing here tries to sanitise HTML. What is removed is what
no reader can see but that still causes harm: control characters, lone surrogates
(they break UTF-8 on the way to the ZODB, Solr and JSON) and bidirectional
overrides (they make a post display differently from what it says).
"""

import re
import unicodedata

from zhengwu import _

# A run of more than this many blank lines becomes this many: room for a visible
# break between parts of a strategy, not for pages of whitespace.
MAX_BLANK_LINES = 2
_BLANK_RUN = re.compile("\n" * (MAX_BLANK_LINES + 2) + "+")
_BLANK_KEEP = "\n" * (MAX_BLANK_LINES + 1)
# Windows, old Mac and Unicode line ends; \v, \f and the other controls are removed.
_NEWLINE = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
# Embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): the
# "Trojan Source" trick of showing text in another order than it is stored.
_BIDI_CONTROLS = frozenset(
    chr(code) for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
)


class PostError(ValueError):
    """A value of a post that is refused: ``field`` names it, ``message`` says why."""

    def __init__(self, field, message):
        super().__init__(field, message)
        self.field = field
        self.message = message


def _is_invisible_harm(char):
    """True for a character removed from posts (see the module docstring)."""
    if char in _BIDI_CONTROLS:
        return True
    return unicodedata.category(char) in ("Cc", "Cs")


def _clean_line(line):
    """One line without harmful characters; a tab becomes a space, not a gap."""
    line = line.replace("\t", " ")
    if line.isprintable():
        # The common case: nothing to remove, no per-character work.
        return line.rstrip()
    return "".join(c for c in line if not _is_invisible_harm(c)).rstrip()


def normalise_plain_text(value):
    """``value`` with ``\\n`` newlines, harmful characters removed, blank runs
    collapsed and no surrounding whitespace."""
    lines = [_clean_line(line) for line in _NEWLINE.split(value)]
    text = "\n".join(lines).strip()
    return _BLANK_RUN.sub(_BLANK_KEEP, text)


def clean_plain_text(value, max_length, field="text", required=True):
    """The cleaned plain text of one field of a post; raise ``PostError`` when it is
    empty but required, or longer than ``max_length`` characters once cleaned."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise TypeError(f"{field}: expected text, got {type(value).__name__}")
    text = normalise_plain_text(value)
    if required and not text:
        raise PostError(field, _("Please fill in this field."))
    if len(text) > max_length:
        raise PostError(
            field,
            _(
                "The text is too long: at most ${max} characters, this has ${length}.",
                mapping={"max": max_length, "length": len(text)},
            ),
        )
    return text

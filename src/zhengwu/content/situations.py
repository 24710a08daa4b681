"""Situation dimensions (情形维度) of a guide: the editor's lines, read and checked.

A guide's ``situations`` field holds one line per dimension, the dimension's name,
a colon and its options: ``户籍：本市户籍 / 非本市户籍``. Within a dimension the
options exclude each other (a citizen is one of them); across dimensions they
combine. Options are separated by ``/``, ``／``, ``|`` or ``、`` and are unique in the
guide, so a material row names options without their dimension.
See docs/content-model.md ("Situations").
"""

import re
from dataclasses import dataclass

from zope.i18n import translate
from zope.schema import ValidationError

from zhengwu import _

NAME_SEPARATOR = re.compile(r"[:：]")
OPTION_SEPARATORS = re.compile(r"[/／|｜、]")
# Characters a material row's situations cell splits on (guide_rows.py) cannot be
# part of an option name.
FORBIDDEN_IN_OPTION = re.compile(r"[,，;；]")
MAX_DIMENSIONS = 8
MAX_OPTIONS = 12


@dataclass(frozen=True)
class Dimension:
    """One dimension of a guide's situations and its mutually exclusive options."""

    title: str
    options: tuple


class SituationsInvalid(ValidationError):
    """The situations field has a line that is not a dimension."""

    def doc(self):
        return self.args[0]


def _fail(message, **mapping):
    raise SituationsInvalid(_(message, mapping=mapping))


def _parse_line(number, line):
    parts = NAME_SEPARATOR.split(line, maxsplit=1)
    if len(parts) != 2:
        _fail(
            "Line ${number} (${line}) has no dimension name: write the name, a colon"
            " and the options, e.g. 户籍：本市户籍 / 非本市户籍.",
            number=number,
            line=line,
        )
    title = parts[0].strip()
    options = [option.strip() for option in OPTION_SEPARATORS.split(parts[1])]
    if not title:
        _fail(
            "Line ${number} (${line}) has no name before the colon.",
            number=number,
            line=line,
        )
    if not any(options):
        _fail(
            "Line ${number} (${line}) has no options after the colon; separate"
            " them with /.",
            number=number,
            line=line,
        )
    if not all(options):
        _fail("Line ${number} (${line}) has an empty option.", number=number, line=line)
    for option in options:
        if FORBIDDEN_IN_OPTION.search(option) or NAME_SEPARATOR.search(option):
            _fail(
                "Line ${number}: the option '${option}' contains a comma, a"
                " semicolon or a colon; separate options with /.",
                number=number,
                option=option,
            )
    if len(options) > MAX_OPTIONS:
        _fail(
            "Line ${number} has more than ${max} options.",
            number=number,
            max=MAX_OPTIONS,
        )
    return Dimension(title, tuple(options))


def parse_dimensions(lines):
    """The dimensions of the editor's ``lines``; SituationsInvalid names a bad line."""
    dimensions, titles, seen = [], set(), {}
    numbered = [(n, line.strip()) for n, line in enumerate(lines or (), start=1)]
    for number, line in numbered:
        if not line:
            continue
        dimension = _parse_line(number, line)
        if dimension.title in titles:
            _fail(
                "Line ${number}: the dimension '${title}' is listed twice.",
                number=number,
                title=dimension.title,
            )
        titles.add(dimension.title)
        for option in dimension.options:
            if option in seen:
                _fail(
                    "Line ${number}: the option '${option}' is already an option of"
                    " '${other}'; an option appears once in a guide.",
                    number=number,
                    option=option,
                    other=seen[option],
                )
            seen[option] = dimension.title
        dimensions.append(dimension)
    if len(dimensions) > MAX_DIMENSIONS:
        _fail("A guide has at most ${max} dimensions.", max=MAX_DIMENSIONS)
    return dimensions


def check_situations(lines):
    """Schema constraint of the ``situations`` field."""
    parse_dimensions(lines)
    return True


def error_text(error, language=None):
    """The message of a SituationsInvalid as plain text (data files, logs)."""
    return translate(error.doc(), target_language=language)


def catalogue_language(code):
    """The gettext catalogue of a content language code: ``zh-cn`` → ``zh_CN``."""
    language, _sep, region = (code or "").partition("-")
    return f"{language}_{region.upper()}" if region else language or None


def fallback_title(language):
    """The name of the one dimension that holds options without a dimension."""
    return translate(_("Situation"), target_language=catalogue_language(language))


def read_dimensions(lines, language=None):
    """The dimensions of ``lines`` for readers: never fails, never drops an option.

    Lines without a dimension name (a guide from before dimensions) become the
    options of one dimension named "情形"; an option seen before is left out.
    """
    dimensions, loose, seen = [], [], set()
    for line in lines or ():
        line = (line or "").strip()
        parts = NAME_SEPARATOR.split(line, maxsplit=1)
        if len(parts) != 2 or not parts[0].strip():
            loose.append(line)
            continue
        options = [o.strip() for o in OPTION_SEPARATORS.split(parts[1])]
        options = [o for o in dict.fromkeys(options) if o and o not in seen]
        seen.update(options)
        if options:
            dimensions.append(Dimension(parts[0].strip(), tuple(options)))
    loose = [o for o in dict.fromkeys(loose) if o and o not in seen]
    if loose:
        dimensions.append(Dimension(fallback_title(language), tuple(loose)))
    return dimensions


def dimension_lines(dimensions):
    """The editor's lines of ``dimensions``."""
    return [f"{d.title}：{' / '.join(d.options)}" for d in dimensions]


def all_options(dimensions):
    """Every option of ``dimensions``, in order."""
    return [option for dimension in dimensions for option in dimension.options]


def clean_option(name):
    """An old free-text situation as an option name: no separator left in it."""
    name = OPTION_SEPARATORS.sub("-", name or "")
    return NAME_SEPARATOR.sub("-", FORBIDDEN_IN_OPTION.sub("-", name)).strip()


def dimensions_from_flat(options, known, language=None):
    """Dimensions for a flat list of situations (a guide from before dimensions).

    ``known`` maps option names to the dimension title they have elsewhere (the
    demo guides): those options are grouped under that title; the others become
    one dimension named "情形". No option is lost.
    """
    groups = {}
    for option in dict.fromkeys(o.strip() for o in options or () if o.strip()):
        title = known.get(option) or fallback_title(language)
        groups.setdefault(title, []).append(option)
    fallback = fallback_title(language)
    order = [title for title in groups if title != fallback]
    order += [fallback] if fallback in groups else []
    return [Dimension(title, tuple(groups[title])) for title in order]

"""Read and check the demo data of 政务知道: citizens and their questions (no Plone).

``citizens.toml`` lists fictitious member accounts; ``questions.toml`` lists questions
with the responsible department's official answer (官方回答) and citizens' answers.
Everything is checked before anything is created: a ProfileError names the file,
the entry (``question #7 'id'``) and the key.
"""

import csv
import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import read_profile_toml
from zhengwu.sites.services import offered_by

TAGS = Path(__file__).parent.parent / "vocabularies" / "data" / "audience_tags.tsv"
KINDS = ("resident", "enterprise")
# state → ((has an official answer, has an accepted answer) allowed, the rule)
STATES = {
    "open": ({(False, False)}, "must have no official answer and none accepted"),
    "answered": ({(True, False)}, "must have an official answer and none accepted"),
    "closed": ({(True, True), (False, True)}, "must have an accepted answer"),
}
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
MARKUP = re.compile(r"<[A-Za-z/!]")

DATE = datetime.date
TYPE_NAMES = {str: "a string", int: "an integer", DATE: "a date (YYYY-MM-DD)"}
TYPE_NAMES |= {bool: "true or false", dict: "a table", "strings": "a list of strings"}
TYPE_NAMES["tables"] = "a list of tables"
TEXTS = ("id", "title", "details", "guide", "department", "asker", "state")
CITIZEN_KEYS = {"id": str, "fullname": str, "kind": str, "tags": "strings"}
QUESTION_KEYS = dict.fromkeys(TEXTS, str) | {"asked": DATE, "views": int}
QUESTION_KEYS |= {"voters": "strings", "official": dict, "answers": "tables"}
QUESTION_OPTIONAL = {"guide", "official", "answers", "voters"}
OFFICIAL_KEYS = {"text": str, "answered": DATE, "accepted": bool, "voters": "strings"}
ANSWER_KEYS = {"author": str, **OFFICIAL_KEYS}
ANSWER_OPTIONAL = {"accepted", "voters"}
CORE = ("id", "title", "details", "department", "asker", "asked", "state", "views")


@dataclass(frozen=True)
class DemoCitizen:
    id: str
    fullname: str
    kind: str
    tags: tuple


@dataclass(frozen=True)
class DemoAnswer:
    author: str | None  # None for the department's official answer
    text: str
    answered: datetime.date
    accepted: bool
    voters: tuple
    official: bool


@dataclass(frozen=True)
class DemoQuestion:
    id: str
    title: str
    details: str
    guide: str | None
    department: str
    asker: str
    asked: datetime.date
    state: str
    views: int
    voters: tuple
    official: DemoAnswer | None
    answers: tuple

    @property
    def every_answer(self):
        """The official answer (if any) followed by the citizens' answers."""
        return ((self.official,) if self.official else ()) + self.answers

    @property
    def accepted(self):
        """The accepted answer (official or a citizen's), or None."""
        return next((answer for answer in self.every_answer if answer.accepted), None)


def _fail(path, entry, message):
    raise ProfileError(f"{path}, {entry}: {message}")


def read_tags(path=TAGS):
    """The allowed audience tag values of the vocabulary data file."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    return frozenset(row[0].strip() for row in rows[1:] if row)


def _check_table(path, entry, table, types, optional=()):
    """Unknown keys, missing required keys, wrong types, and markup in texts."""
    if not isinstance(table, dict):
        _fail(path, entry, "must be a table.")
    for key in sorted(set(table) - set(types)):
        _fail(path, entry, f"unknown key '{key}'.")
    for key, kind in types.items():
        if key not in table:
            if key not in optional:
                _fail(path, entry, f"key '{key}' is missing.")
            continue
        if not _is_a(table[key], kind):
            _fail(path, entry, f"key '{key}' must be {TYPE_NAMES[kind]}.")
        if kind is str and not table[key].strip():
            _fail(path, entry, f"key '{key}' is empty.")
        if kind is str and MARKUP.search(table[key]):
            _fail(path, entry, f"key '{key}' contains markup (no HTML here).")


def _is_a(value, kind):
    if kind in ("strings", "tables"):
        item = str if kind == "strings" else dict
        return isinstance(value, list) and all(isinstance(v, item) for v in value)
    if isinstance(value, bool) and kind is int:
        return False
    return isinstance(value, kind) and not isinstance(value, datetime.datetime)


def _check_id(path, entry, key, value, seen):
    if not ID.match(value):
        _fail(path, entry, f"key '{key}' must match {ID.pattern}.")
    if value in seen:
        _fail(path, entry, f"key '{key}': '{value}' is used twice.")
    seen.add(value)


def _entries(path, name):
    entries = read_profile_toml(path).get(name, [])
    if not isinstance(entries, list) or not entries:
        _fail(path, name, f"needs at least one [[{name}]] entry.")
    for number, table in enumerate(entries, start=1):
        label = table.get("id") if isinstance(table, dict) else None
        yield f"{name} #{number} '{label or '?'}'", table


def read_citizens(path, tags=None):
    """The demo citizens of ``path`` as a tuple of DemoCitizen, checked."""
    tags = read_tags() if tags is None else tags
    citizens, seen = [], set()
    for entry, table in _entries(path, "citizen"):
        _check_table(path, entry, table, CITIZEN_KEYS)
        _check_id(path, entry, "id", table["id"], seen)
        if table["kind"] not in KINDS:
            _fail(path, entry, f"key 'kind': '{table['kind']}' is not in {KINDS}.")
        _check_members(path, entry, "tags", table["tags"], tags, "audience tag")
        values = {key: table[key] for key in ("id", "fullname", "kind")}
        citizens.append(DemoCitizen(**values, tags=tuple(table["tags"])))
    return tuple(citizens)


def _check_members(path, entry, key, values, allowed, what="citizen", own=None):
    """Each value is known, listed once and (for voters) not the post's author."""
    for value in values:
        if value not in allowed:
            _fail(path, entry, f"key '{key}': unknown {what} '{value}'.")
        if value == own:
            _fail(path, entry, f"key '{key}': '{value}' may not vote for own post.")
    if len(set(values)) != len(values):
        _fail(path, entry, f"key '{key}': a value is listed twice.")


def _answer(path, entry, table, asked, members, author=None):
    """One answer table as a DemoAnswer; ``author`` None means the official one."""
    keys = OFFICIAL_KEYS if author is None else ANSWER_KEYS
    _check_table(path, entry, table, keys, ANSWER_OPTIONAL)
    if author is not None and table["author"] not in members:
        _fail(path, entry, f"key 'author': unknown citizen '{table['author']}'.")
    if table["answered"] < asked:
        _fail(path, entry, "key 'answered': before the question was asked.")
    voters = table.get("voters", [])
    _check_members(path, entry, "voters", voters, members, own=table.get("author"))
    return DemoAnswer(
        author=table.get("author"),
        text=table["text"],
        answered=table["answered"],
        accepted=table.get("accepted", False),
        voters=tuple(voters),
        official=author is None,
    )


def _question(path, entry, table, members, services):
    _check_table(path, entry, table, QUESTION_KEYS, QUESTION_OPTIONAL)
    if not ID.match(table["department"]):
        _fail(path, entry, f"key 'department' must match {ID.pattern}.")
    if "guide" in table and table["guide"] not in services:
        _fail(path, entry, f"key 'guide': '{table['guide']}' is not a service.")
    if table["asker"] not in members:
        _fail(path, entry, f"key 'asker': unknown citizen '{table['asker']}'.")
    if table["views"] < 0:
        _fail(path, entry, "key 'views' must not be negative.")
    voters = table.get("voters", [])
    _check_members(path, entry, "voters", voters, members, own=table["asker"])
    asked, official = table["asked"], None
    if "official" in table:
        where = f"{entry}, official"
        official = _answer(path, where, table["official"], asked, members)
    answers = []
    for number, answer in enumerate(table.get("answers", []), start=1):
        where = f"{entry}, answers #{number}"
        author = answer.get("author", "")
        if author == table["asker"]:
            _fail(path, where, "key 'author': the asker cannot answer.")
        answers.append(_answer(path, where, answer, asked, members, author))
    return DemoQuestion(
        **{key: table[key] for key in CORE},
        guide=table.get("guide"),
        voters=tuple(voters),
        official=official,
        answers=tuple(answers),
    )


def _check_state(path, entry, question):
    accepted = [answer for answer in question.every_answer if answer.accepted]
    if len(accepted) > 1:
        _fail(path, entry, "key 'accepted': more than one accepted answer.")
    if question.state not in STATES:
        _fail(
            path, entry, f"key 'state': '{question.state}' is not in {tuple(STATES)}."
        )
    wanted = STATES[question.state]
    if (bool(question.official), bool(accepted)) not in wanted[0]:
        _fail(path, entry, f"key 'state': a question '{question.state}' {wanted[1]}.")


def read_questions(path, citizens, services):
    """The demo questions of ``path`` as a tuple of DemoQuestion, checked.

    ``citizens``: the DemoCitizen tuple; ``services``: the catalogue (id → row).
    """
    members = {citizen.id for citizen in citizens}
    questions, seen = [], set()
    for entry, table in _entries(path, "question"):
        question = _question(path, entry, table, members, services)
        _check_id(path, entry, "id", question.id, seen)
        _check_state(path, entry, question)
        questions.append(question)
    return tuple(questions)


def questions_for(district, questions, services, department_ids):
    """The questions loaded in ``district``: department there, guide offered."""
    return tuple(
        question
        for question in questions
        if question.department in department_ids
        and (question.guide is None or offered_by(services[question.guide], district))
    )

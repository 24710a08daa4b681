"""The 政务知道 demo data (citizens and questions) is read and checked without Plone.

Pure tests: no layer fixture is requested, so no Plone site is set up.
"""

import copy
import csv
import datetime
from collections import Counter
from pathlib import Path

import pytest

from zhengwu.importers.demo_dates import read_as_of
from zhengwu.importers.demo_questions_data import DemoAnswer
from zhengwu.importers.demo_questions_data import DemoCitizen
from zhengwu.importers.demo_questions_data import DemoQuestion
from zhengwu.importers.demo_questions_data import questions_for
from zhengwu.importers.demo_questions_data import read_citizens
from zhengwu.importers.demo_questions_data import read_questions
from zhengwu.sites.profile import ProfileError
from zhengwu.sites.services import read_services

PROFILES = Path(__file__).resolve().parents[2] / "profiles"
CONTENT = PROFILES / "common" / "content"
DISTRICTS = ("nanshan", "yantian")
TODAY = read_as_of(PROFILES)  # the day the files are written as of, not the calendar's
FIRST_DAY = TODAY - datetime.timedelta(days=180)
NEAR_DUPLICATES = (
    ("id-card-lost-before-flight", "id-card-lost-train-home"),
    ("housing-fund-rent-how-often", "housing-fund-rent-every-month"),
    ("dameisha-book-for-parents", "dameisha-book-for-friends"),
)


@pytest.fixture(scope="module")
def services():
    return read_services(CONTENT / "services.tsv")


@pytest.fixture(scope="module")
def citizens():
    return read_citizens(CONTENT / "citizens.toml")


@pytest.fixture(scope="module")
def questions(citizens, services):
    return read_questions(CONTENT / "questions.toml", citizens, services)


def department_ids(district):
    path = PROFILES / district / "departments.tsv"
    with open(path, encoding="utf-8", newline="") as handle:
        return {row["id"] for row in csv.DictReader(handle, delimiter="\t")}


def paragraphs(text):
    return [part for part in text.split("\n\n") if part.strip()]


# ------------------------------------------------------------------ shipped files


def test_the_shipped_citizens_load(citizens):
    assert 12 <= len(citizens) <= 16
    assert all(isinstance(citizen, DemoCitizen) for citizen in citizens)
    assert {citizen.kind for citizen in citizens} == {"resident", "enterprise"}
    assert all(citizen.fullname != citizen.id for citizen in citizens)


def test_the_shipped_questions_load(questions):
    assert len(questions) >= 48
    assert all(isinstance(question, DemoQuestion) for question in questions)
    for question in questions:
        assert all(isinstance(answer, DemoAnswer) for answer in question.every_answer)
        assert question.official is None or question.official.official
        assert all(not answer.official for answer in question.answers)


@pytest.mark.parametrize("district", DISTRICTS)
def test_each_district_gets_at_least_40_questions(district, questions, services):
    loaded = questions_for(district, questions, services, department_ids(district))
    assert len(loaded) >= 40
    assert Counter(question.state for question in loaded).keys() == {
        "open",
        "answered",
        "closed",
    }


def test_every_question_loads_somewhere_and_yantian_only_guides_stay_there(
    questions, services
):
    loaded = {
        district: {
            question.id
            for question in questions_for(
                district, questions, services, department_ids(district)
            )
        }
        for district in DISTRICTS
    }
    assert loaded["nanshan"] | loaded["yantian"] == {q.id for q in questions}
    dameisha = {q.id for q in questions if q.guide == "dameisha-reservation"}
    assert dameisha and dameisha <= loaded["yantian"]
    assert not dameisha & loaded["nanshan"]


def test_about_70_percent_have_an_official_answer_half_of_them_closed(questions):
    official = [question for question in questions if question.official]
    assert 0.6 <= len(official) / len(questions) <= 0.8
    closed = [question for question in official if question.state == "closed"]
    assert 0.35 <= len(closed) / len(official) <= 0.65
    by_citizen = [question for question in closed if not question.official.accepted]
    assert 1 <= len(by_citizen) < len(closed) / 2  # mostly the official answer
    assert {question.state for question in questions if not question.official} == {
        "open"
    }


def test_open_questions_include_young_ones_and_some_with_citizen_answers(questions):
    open_ = [question for question in questions if question.state == "open"]
    young = [q for q in open_ if (TODAY - q.asked).days <= 10]
    assert 4 <= len(young) <= 6
    assert any(question.answers for question in open_)
    assert any((TODAY - question.asked).days > 30 for question in open_)  # overdue


def test_coverage_of_departments_and_guides(questions):
    assert len({question.department for question in questions}) >= 15
    assert len({question.guide for question in questions if question.guide}) >= 25
    assert sum(1 for question in questions if question.guide is None) >= 6


def test_departments_match_their_guides(questions, services):
    for question in questions:
        if question.guide:
            assert services[question.guide]["department"] == question.department


def test_dates_fall_in_the_demo_period(questions):
    for question in questions:
        assert FIRST_DAY <= question.asked <= TODAY, question.id
        for answer in question.every_answer:
            assert question.asked <= answer.answered <= TODAY, question.id


def test_texts_have_the_expected_shape(questions):
    for question in questions:
        assert 1 <= len(paragraphs(question.details)) <= 4, question.id
        assert len(question.answers) <= 3, question.id
        if question.official:
            assert 2 <= len(paragraphs(question.official.text)) <= 5, question.id
        assert question.views >= 0


def test_near_duplicates_exist_for_duplicate_detection(questions):
    by_id = {question.id: question for question in questions}
    for first, second in NEAR_DUPLICATES:
        assert by_id[first].guide == by_id[second].guide
        assert by_id[first].title != by_id[second].title


def test_questions_for_checks_department_and_guide(questions, services):
    only_yantian = [q for q in questions if q.guide == "dameisha-reservation"]
    assert questions_for("nanshan", only_yantian, services, {"wtlj"}) == ()
    assert questions_for("yantian", only_yantian, services, {"wtlj"})
    assert questions_for("yantian", only_yantian, services, {"gaj"}) == ()


# ------------------------------------------------------------------ validation

CITIZENS = [
    {"id": "asker", "fullname": "甲先生", "kind": "resident", "tags": []},
    {"id": "helper", "fullname": "乙女士", "kind": "enterprise", "tags": ["startups"]},
    {"id": "voter", "fullname": "丙", "kind": "resident", "tags": ["retirees"]},
]
QUESTION = {
    "id": "q-one",
    "title": "身份证怎么补？",
    "details": "丢了。",
    "guide": "id-card",
    "department": "gaj",
    "asker": "asker",
    "asked": datetime.date(2026, 10, 1),
    "state": "closed",
    "views": 3,
    "voters": ["voter"],
    "official": {
        "text": "到窗口补领。",
        "answered": datetime.date(2026, 10, 2),
        "accepted": True,
        "voters": ["asker"],
    },
    "answers": [
        {
            "author": "helper",
            "text": "我补过。",
            "answered": datetime.date(2026, 10, 1),
            "voters": ["voter"],
        }
    ],
}


def _value(value):
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    return str(value)  # int, date


def _toml(name, entries):
    """A tiny TOML writer for the shapes used here."""
    lines = []
    for entry in entries:
        lines.append(f"[[{name}]]")
        tables = {k: v for k, v in entry.items() if isinstance(v, dict)}
        arrays = {
            k: v
            for k, v in entry.items()
            if v and isinstance(v, list) and all(isinstance(item, dict) for item in v)
        }
        for key, value in entry.items():
            if key not in tables and key not in arrays:
                lines.append(f"{key} = {_value(value)}")
        for key, table in tables.items():
            lines.append(f"[{name}.{key}]")
            lines += [f"{k} = {_value(v)}" for k, v in table.items()]
        for key, rows in arrays.items():
            for row in rows:
                lines.append(f"[[{name}.{key}]]")
                lines += [f"{k} = {_value(v)}" for k, v in row.items()]
        lines.append("")
    return "\n".join(lines)


def _read(tmp_path, questions=None, citizens=None):
    citizen_path = tmp_path / "citizens.toml"
    citizen_path.write_text(_toml("citizen", citizens or CITIZENS), encoding="utf-8")
    question_path = tmp_path / "questions.toml"
    text = _toml("question", questions or [QUESTION])
    question_path.write_text(text, encoding="utf-8")
    services = read_services(CONTENT / "services.tsv")
    return read_questions(question_path, read_citizens(citizen_path), services)


def test_the_minimal_snippet_is_valid(tmp_path):
    (question,) = _read(tmp_path)
    assert question.accepted is question.official
    assert question.answers[0].author == "helper"
    assert question.official.author is None


def _q(**changes):
    question = copy.deepcopy(QUESTION)
    for key, value in changes.items():
        if value is None:
            del question[key]
        else:
            question[key] = value
    return question


def _official(**changes):
    return {**QUESTION["official"], **changes}


def _answer(**changes):
    return {**QUESTION["answers"][0], **changes}


def _without(table, key):
    return {k: v for k, v in table.items() if k != key}


WHERE = r"questions\.toml, question #1 'q-one'"
QUESTION_ERRORS = {
    "unknown key": (_q(colour="red"), WHERE + r": unknown key 'colour'"),
    "missing key": (_q(title=None), WHERE + r": key 'title' is missing"),
    "wrong int": (_q(views="many"), WHERE + r": key 'views' must be an integer"),
    "bool as int": (_q(views=True), r"key 'views' must be an integer"),
    "wrong date": (_q(asked="2026-10-01"), WHERE + r": key 'asked' must be a date"),
    "wrong list": (_q(voters="voter"), WHERE + r": key 'voters' must be a list"),
    "wrong table": (_q(official=[1]), WHERE + r": key 'official' must be a table"),
    "bad id": (_q(id="Q_one"), r"question #1 'Q_one': key 'id' must match"),
    "bad department": (_q(department="GA J"), WHERE + r": key 'department'"),
    "unknown guide": (_q(guide="no-such"), WHERE + r": key 'guide': 'no-such'"),
    "unknown asker": (_q(asker="ghost"), WHERE + r": key 'asker': unknown citizen"),
    "unknown voter": (_q(voters=["ghost"]), WHERE + r": key 'voters': unknown"),
    "asker votes": (_q(voters=["asker"]), WHERE + r": key 'voters': 'asker' may not"),
    "voter twice": (_q(voters=["voter", "voter"]), WHERE + r": key 'voters'.*twice"),
    "markup in details": (
        _q(details="<p>丢了</p>"),
        WHERE + r": key 'details' contains markup",
    ),
    "markup in title": (_q(title="补证<br>"), WHERE + r": key 'title' contains"),
    "unknown state": (_q(state="done"), WHERE + r": key 'state': 'done' is not in"),
    "official unknown key": (
        _q(official=_official(author="helper")),
        WHERE + r", official: unknown key 'author'",
    ),
    "official missing text": (
        _q(official=_without(QUESTION["official"], "text")),
        WHERE + r", official: key 'text' is missing",
    ),
    "official before asked": (
        _q(official=_official(answered=datetime.date(2026, 9, 30))),
        WHERE + r", official: key 'answered': before the question",
    ),
    "official unknown voter": (
        _q(official=_official(voters=["ghost"])),
        WHERE + r", official: key 'voters': unknown citizen 'ghost'",
    ),
    "official voter twice": (
        _q(official=_official(voters=["voter", "voter"])),
        WHERE + r", official: key 'voters'.*twice",
    ),
    "official markup": (
        _q(official=_official(text="请看<a href='x'>这里</a>")),
        WHERE + r", official: key 'text' contains markup",
    ),
    "official accepted not bool": (
        _q(official=_official(accepted="yes")),
        WHERE + r", official: key 'accepted' must be true or false",
    ),
    "answer unknown author": (
        _q(answers=[_answer(author="ghost")]),
        WHERE + r", answers #1: key 'author': unknown citizen 'ghost'",
    ),
    "answer missing author": (
        _q(answers=[_without(QUESTION["answers"][0], "author")]),
        WHERE + r", answers #1: key 'author' is missing",
    ),
    "answer by the asker": (
        _q(answers=[_answer(author="asker", voters=[])]),
        WHERE + r", answers #1: key 'author': the asker",
    ),
    "answer before asked": (
        _q(answers=[_answer(answered=datetime.date(2026, 9, 1))]),
        WHERE + r", answers #1: key 'answered': before the question",
    ),
    "author votes own answer": (
        _q(answers=[_answer(voters=["helper"])]),
        WHERE + r", answers #1: key 'voters': 'helper' may not",
    ),
    "answer unknown voter": (
        _q(answers=[_answer(voters=["ghost"])]),
        WHERE + r", answers #1: key 'voters': unknown citizen",
    ),
    "answer markup": (
        _q(answers=[_answer(text="见<img src=x>")]),
        WHERE + r", answers #1: key 'text' contains markup",
    ),
    "answer unknown key": (
        _q(answers=[_answer(official=True)]),
        WHERE + r", answers #1: unknown key 'official'",
    ),
    "answers not tables": (
        _q(answers=["好"]),
        WHERE + r": key 'answers' must be a list of tables",
    ),
    "two accepted": (
        _q(answers=[_answer(accepted=True)]),
        WHERE + r": key 'accepted': more than one accepted",
    ),
    "open with official": (
        _q(state="open", official=_official(accepted=False)),
        WHERE + r": key 'state': a question 'open'",
    ),
    "open with accepted citizen answer": (
        _q(state="open", official=None, answers=[_answer(accepted=True)]),
        WHERE + r": key 'state': a question 'open'",
    ),
    "answered without official": (
        _q(state="answered", official=None),
        WHERE + r": key 'state': a question 'answered'",
    ),
    "answered with accepted": (
        _q(state="answered"),
        WHERE + r": key 'state': a question 'answered'",
    ),
    "closed without accepted": (
        _q(official=_official(accepted=False)),
        WHERE + r": key 'state': a question 'closed' must have an accepted",
    ),
}


@pytest.mark.parametrize("case", QUESTION_ERRORS, ids=list(QUESTION_ERRORS))
def test_a_bad_question_is_refused_naming_file_entry_and_key(tmp_path, case):
    question, message = QUESTION_ERRORS[case]
    with pytest.raises(ProfileError, match=message):
        _read(tmp_path, [question])


def test_valid_states_pass(tmp_path):
    opened = _q(state="open", official=None)
    answered = _q(id="q-two", state="answered", official=_official(accepted=False))
    by_citizen = _q(
        id="q-three",
        official=_official(accepted=False),
        answers=[_answer(accepted=True)],
    )
    read = _read(tmp_path, [opened, answered, by_citizen])
    assert [question.state for question in read] == ["open", "answered", "closed"]
    assert read[2].accepted.author == "helper"


def test_a_duplicate_question_id_names_the_second_entry(tmp_path):
    with pytest.raises(
        ProfileError, match=r"questions\.toml, question #2 'q-one': key 'id'.*twice"
    ):
        _read(tmp_path, [QUESTION, QUESTION])


def _citizen(**changes):
    return {**CITIZENS[2], **changes}


WHO = r"citizens\.toml, citizen #3 'voter'"
CITIZEN_ERRORS = {
    "unknown kind": (_citizen(kind="tourist"), WHO + r": key 'kind': 'tourist'"),
    "unknown tag": (_citizen(tags=["pirates"]), WHO + r": key 'tags'.*'pirates'"),
    "tag twice": (_citizen(tags=["retirees", "retirees"]), WHO + r".*twice"),
    "unknown key": (_citizen(email="x@example.org"), WHO + r": unknown key 'email'"),
    "missing key": (_without(CITIZENS[2], "fullname"), WHO + r": key 'fullname'"),
    "bad id": (_citizen(id="Voter 3"), r"citizen #3 'Voter 3': key 'id' must match"),
    "duplicate id": (_citizen(id="asker"), r"citizen #3 'asker': key 'id'.*twice"),
    "markup": (_citizen(fullname="<b>丙</b>"), WHO + r": key 'fullname' contains"),
    "wrong type": (_citizen(tags="retirees"), WHO + r": key 'tags' must be a list"),
}


@pytest.mark.parametrize("case", CITIZEN_ERRORS, ids=list(CITIZEN_ERRORS))
def test_a_bad_citizen_is_refused_naming_file_entry_and_key(tmp_path, case):
    citizen, message = CITIZEN_ERRORS[case]
    with pytest.raises(ProfileError, match=message):
        _read(tmp_path, citizens=[*CITIZENS[:2], citizen])


def test_a_missing_file_and_a_syntax_error_name_the_file(tmp_path):
    with pytest.raises(ProfileError, match=r"nothing\.toml: no such file"):
        read_citizens(tmp_path / "nothing.toml")
    path = tmp_path / "citizens.toml"
    path.write_text('[[citizen]]\nid = "open', encoding="utf-8")
    with pytest.raises(ProfileError, match=r"citizens\.toml"):
        read_citizens(path)


def test_an_empty_questions_file_is_refused(tmp_path):
    path = tmp_path / "questions.toml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    with pytest.raises(ProfileError, match=r"questions\.toml, question: needs"):
        read_questions(path, (), {})

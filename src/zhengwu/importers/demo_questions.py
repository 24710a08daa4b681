"""Load the demo 政务知道: citizens, questions, official and citizens' answers, votes.

Reads ``profiles/common/content/citizens.toml`` and ``questions.toml`` (checked by
``demo_questions_data``) and makes, in the district's question board, every
question whose department and guide the district has, in the state the file
says, dated as the file says moved by the site's demo shift (demo_dates). Demo
citizens get a random password nobody knows: they exist to own posts and votes.
Page opens of the last 30 days go into the search statistics, as real opens
would. Questions that exist are left alone.
"""

import secrets
from collections import Counter
from datetime import date
from pathlib import Path

from plone import api
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.globalrequest import getRequest
from zope.intid.interfaces import IIntIds

from zhengwu.importers.demo_dates import demo_shift
from zhengwu.importers.demo_dates import read_as_of
from zhengwu.importers.demo_dates import shifted
from zhengwu.importers.demo_disclosure import shanghai_time
from zhengwu.importers.demo_questions_data import questions_for
from zhengwu.importers.demo_questions_data import read_citizens
from zhengwu.importers.demo_questions_data import read_questions
from zhengwu.participation import states
from zhengwu.participation.board import board_of
from zhengwu.participation.posting import POSTING
from zhengwu.participation.votes import add_vote
from zhengwu.search.stats.buffer import Snapshot
from zhengwu.search.stats.fold import write_snapshot
from zhengwu.sites.profile import COMMON
from zhengwu.sites.services import read_services
from zhengwu.workflows.advance import advance

OPEN_DAYS = 30


def ensure_citizens(citizens):
    for citizen in citizens:
        if api.user.get(userid=citizen.id) is not None:
            continue
        api.user.create(
            username=citizen.id,
            email=f"{citizen.id}@example.org",
            password=secrets.token_urlsafe(24),
            properties={"fullname": citizen.fullname},
        )
        member = api.user.get(userid=citizen.id)
        member.setMemberProperties(
            {"citizen_kind": citizen.kind, "citizen_tags": list(citizen.tags)}
        )


def _date(obj, day, hour=10):
    """Date ``obj`` and its workflow steps so far at ``day``: the department
    dashboard counts a question's age from its approval."""
    moment = shanghai_time(day, hour)
    obj.creation_date = moment
    obj.setModificationDate(moment)
    history = getattr(obj, "workflow_history", None) or {}
    for workflow_id, entries in list(history.items()):
        history[workflow_id] = tuple({**entry, "time": moment} for entry in entries)


def _vote(obj, voters, day):
    for voter in voters:
        add_vote(obj, voter, when=shanghai_time(day, 20).asdatetime())


def _create_as(userid, container, type_name, **fields):
    with api.env.adopt_user(username=userid):
        return api.content.create(container=container, type=type_name, **fields)


def load_answers(question, demo):
    """The official answer (published through its chain) and citizens' answers."""
    made = {}
    if demo.official is not None:
        answer = api.content.create(
            container=question,
            type="OfficialAnswer",
            id="official",
            text=demo.official.text,
        )
        advance(answer)
        made[demo.official] = answer
    for number, demo_answer in enumerate(demo.answers, start=1):
        answer = _create_as(
            demo_answer.author,
            question,
            "Answer",
            id=f"answer-{number}",
            text=demo_answer.text,
        )
        states.publish_post(answer)
        made[demo_answer] = answer
    for demo_answer, answer in made.items():
        _date(answer, demo_answer.answered, hour=15)
        _vote(answer, demo_answer.voters, demo_answer.answered)
        answer.reindexObject()
    return made


def load_question(board, demo, guides):
    """Create one demo question with its answers; return it."""
    fields = {"details": demo.details, "department": demo.department}
    if demo.guide in guides:
        fields["guide"] = RelationValue(getUtility(IIntIds).getId(guides[demo.guide]))
    question = _create_as(
        demo.asker, board, "Question", id=demo.id, title=demo.title, **fields
    )
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(question, transition="approve")
    made = load_answers(question, demo)
    accepted = demo.accepted
    if accepted is not None:
        states.accept(question, made[accepted])
    elif demo.state == "closed":
        states.close(question)
    _date(question, demo.asked)
    question.setEffectiveDate(shanghai_time(demo.asked, 11))
    _vote(question, demo.voters, demo.asked)
    question.reindexObject()
    return question


def record_views(site, questions, today=None):
    """Spread each question's opens of the last 30 days over those days."""
    today = (today or date.today()).toordinal()
    snapshot = Snapshot()
    for question, views in questions:
        uid = api.content.get_uuid(question)
        for offset in range(OPEN_DAYS):
            share = views // OPEN_DAYS + (1 if offset < views % OPEN_DAYS else 0)
            if share:
                snapshot.opens[(today - offset, uid)] += share
    if snapshot.opens:
        write_snapshot(site, snapshot)


def guides_of(root):
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(root.getPhysicalPath())
    return {
        brain.getId: brain.getObject()
        for brain in catalog.unrestrictedSearchResults(portal_type="Guide", path=path)
    }


def load_demo_questions(site, profile, profiles=None):
    """Make the demo questions the district lacks; the profiles folder is the one
    ``profile`` was loaded from unless ``profiles``. Counts per state."""
    profiles = Path(profiles or profile.directory.parent)
    common = profiles / COMMON / "content"
    services = read_services(common / "services.tsv")
    citizens = read_citizens(common / "citizens.toml")
    questions = read_questions(common / "questions.toml", citizens, services)
    questions = shifted(questions, demo_shift(site, read_as_of(profiles)))
    departments = {department.id for department in profile.departments}
    root = site[profile.default_language]
    board = board_of(root)
    ensure_citizens(citizens)
    request = getRequest()
    if request is not None:
        # The demo citizens' posts are data, not posts to rate-limit and screen.
        request.set(POSTING, True)
    guides = guides_of(root)
    made = []
    for demo in questions_for(profile.id, questions, services, departments):
        if demo.id not in board.objectIds():
            made.append((load_question(board, demo, guides), demo.views))
    record_views(site, made)
    return Counter(api.content.get_state(question) for question, _views in made)

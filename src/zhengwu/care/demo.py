"""Demo care applications (``profiles/common/content/care_applications.toml``).

Heavy district setup step ``zhengwu.demo-care``: each listed application is made
as its demo citizen (with a tiny demo PDF as the ID card copy), dated ``days_ago``
before the load day and taken along its ``steps`` by the portal. A district that
already has applications gets none (loading again adds nothing twice).
"""

import datetime

from plone import api
from stdnum.cn import ric
from zope.globalrequest import getRequest

from zhengwu.care.applying import care_folder
from zhengwu.care.applying import make_application
from zhengwu.importers.demo_disclosure import shanghai_time
from zhengwu.importers.demo_questions import ensure_citizens
from zhengwu.importers.demo_questions_data import read_citizens
from zhengwu.sites.profile import read_profile_toml
from zhengwu.workflows.tasks import TIMEZONE

FILENAME = "care_applications.toml"
CITIZENS = "citizens.toml"
DEMO_PDF = b"%PDF-1.4\n% Zhengwu demo file\ntrailer<<>>\n%%EOF\n"
FIELDS = (
    "applicant_name",
    "phone",
    "address",
    "care_needs",
    "lives_alone",
    "disability_level",
    "situation",
)


def demo_id_number(first17):
    """The invented ID number with its check digit (stdnum reads 18 characters)."""
    return first17 + ric.calc_check_digit(first17 + "0")


def _dated(application, day):
    moment = shanghai_time(day, 10)
    application.creation_date = moment
    application.setModificationDate(moment)
    for workflow_id, entries in list(application.workflow_history.items()):
        application.workflow_history[workflow_id] = tuple(
            {**entry, "time": moment} for entry in entries
        )
    application.reindexObject()


def load_demo_applications(site, profile, today=None):
    """Make the demo applications when the queue is empty; the number made."""
    path = profile.common_directory / "content" / FILENAME
    folder = care_folder()
    if folder is None or not path.exists() or folder.objectIds():
        return 0
    today = today or datetime.datetime.now(TIMEZONE).date()
    ensure_citizens(read_citizens(profile.common_directory / "content" / CITIZENS))
    made = 0
    for demo in read_profile_toml(path).get("application", []):
        form = {name: demo[name] for name in FIELDS}
        form["id_number"] = demo_id_number(demo["id_first17"])
        form["consent"] = True
        with api.env.adopt_user(username=demo["applicant"]):
            application = make_application(
                getRequest(),
                form,
                [("id_card", DEMO_PDF, "demo.pdf")],
                rate_limited=False,
            )
        wftool = api.portal.get_tool("portal_workflow")
        with api.env.adopt_roles(["Manager"]):
            for transition, comment in demo.get("steps", []):
                wftool.doActionFor(application, transition, comment=comment)
        _dated(application, today - datetime.timedelta(days=demo["days_ago"]))
        made += 1
    return made

"""Handing a question over to people (转人工): the department, its phone and a form.

A case's progress, a dispute, a wish to talk to someone, or a question nothing on
the site answers: the reply names the responsible department and its phone when
a guide tells which one it is, and links the ask-a-question form (政务知道,
prefilled with the question) and the complaint guide. No guide is the answer.
"""

import urllib.parse

from Products.CMFCore.utils import getToolByName

from zhengwu.vocabularies.departments import department_title
from zhengwu.vocabularies.departments import site_departments

ASK_VIEW = "zhidao/@@ask"
COMPLAINT_SERVICE = "complaint"
MAX_TITLE = 60  # the ask form's title field is short


def department_of_guide(guide):
    """The Department folder responsible for ``guide``, or None."""
    wanted = getattr(guide, "department", None)
    if not wanted:
        return None
    for department in site_departments(guide):
        if department.getId() == wanted:
            return department
    return None


def ask_url(root, question, guide=None):
    """The ask form of 政务知道, prefilled with the question (and its guide)."""
    params = {"title": (question or "")[:MAX_TITLE]}
    if guide is not None:
        params["guide"] = guide.UID()
    return f"{root.absolute_url()}/{ASK_VIEW}?{urllib.parse.urlencode(params)}"


def complaint_url(root):
    """The complaint guide (投诉举报) of the language root, or None."""
    catalog = getToolByName(root, "portal_catalog")
    path = "/".join(root.getPhysicalPath())
    for brain in catalog(getId=COMPLAINT_SERVICE, portal_type="Guide", path=path):
        return brain.getURL()
    return None


def handover_links(root, question, guide, language):
    """{"department", "phone", "ask_url", "complaint_url"} of a handover."""
    department = department_of_guide(guide) if guide is not None else None
    phones = list(getattr(department, "phones", None) or ()) if department else []
    phone = phones[0] if phones else getattr(guide, "enquiry_phone", None)
    return {
        "department": department_title(department, language) if department else None,
        "phone": phone or None,
        "ask_url": ask_url(root, question, guide),
        "complaint_url": complaint_url(root),
    }

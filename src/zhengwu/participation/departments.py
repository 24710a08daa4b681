"""The department of a question or an answer, and its groups' local roles.

The department's staff act on a question through the groups that hold roles on
their Department folder (docs/workflows.md): its editors (Contributor) may add the
official answer to a question routed to them; on the official answer itself every
group of the department has the roles it has on the department, so that the
department's own reviewers and leaders approve it. Answers do not inherit local
roles from the question: the asker owns the question, not the answers inside.
"""

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from plone import api

from zhengwu.vocabularies.departments import site_departments

ANSWERING_ROLE = "Contributor"
ANSWER_TYPES = ("Answer", "OfficialAnswer")


def department_id_of(obj):
    """``obj.department``; for an answer that has none yet, its question's.

    The workflow chain of an official answer is asked for before the answer's own
    department is stored (when its workflow starts): the question's is the same.
    """
    department_id = getattr(aq_base(obj), "department", None)
    if not department_id and obj.portal_type in ANSWER_TYPES:
        department_id = getattr(aq_base(aq_parent(aq_inner(obj))), "department", None)
    return department_id


def department_folder(obj):
    """The Department folder named by ``obj``'s department, or None."""
    department_id = department_id_of(obj)
    if not department_id:
        return None
    for department in site_departments(obj):
        if department.getId() == department_id:
            return department
    return None


def group_roles(department):
    """{group id: roles} of the department's groups on its folder."""
    groups = {}
    for principal, roles in department.get_local_roles():
        if api.group.get(groupname=principal) is not None:
            groups[principal] = tuple(roles)
    return groups


def _clear_groups(obj):
    groups = [p for p, _r in obj.get_local_roles() if api.group.get(groupname=p)]
    if groups:
        obj.manage_delLocalRoles(groups)


def grant_answering(question):
    """The question's department's answering groups may add its official answer."""
    _clear_groups(question)
    department = department_folder(question)
    if department is not None:
        for group, roles in group_roles(department).items():
            if ANSWERING_ROLE in roles:
                question.manage_setLocalRoles(group, [ANSWERING_ROLE])
    question.reindexObjectSecurity()


def grant_department(answer):
    """The official answer's department's groups, with their department roles."""
    _clear_groups(answer)
    department = department_folder(answer)
    if department is not None:
        for group, roles in group_roles(department).items():
            answer.manage_setLocalRoles(group, list(roles))
    answer.reindexObjectSecurity()


def block_inherited_roles(answer):
    """Answers keep only their own local roles (their author's Owner role)."""
    answer.__ac_local_roles_block__ = True


def hand_over(answer):
    """An official answer moved to another department: its author in the former
    department no longer owns it; the new department's groups take it over."""
    people = [p for p, _r in answer.get_local_roles() if not api.group.get(groupname=p)]
    if people:
        answer.manage_delLocalRoles(people)
    grant_department(answer)

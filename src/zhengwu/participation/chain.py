"""The workflow chain of an official answer: its department's, not its location's.

Questions live on the question board, outside the departments, so the placeful
policy that gives each department its approval chain (docs/workflows.md) would
never be found by location. An official answer asks its department's policy for
the ``OfficialAnswer`` chain instead; a department whose policy predates the type
gets the two-stage chain.
"""

from plone.base.interfaces import IWorkflowChain
from Products.CMFPlacefulWorkflow.interfaces import IPlacefulMarker
from zope.component import adapter
from zope.interface import implementer

from zhengwu.content.answer import IOfficialAnswer
from zhengwu.participation.departments import department_folder

POLICY_CONFIG = ".wf_policy_config"
DEFAULT_CHAIN = ("zhengwu_two_stage",)


def department_chain(department, portal_type):
    """The chain ``department``'s policy gives to ``portal_type`` below it, or None."""
    config = getattr(department, POLICY_CONFIG, None) if department else None
    if config is None:
        return None
    return config.getPlacefulChainFor(portal_type, start_here=False)


@adapter(IOfficialAnswer, IPlacefulMarker)
@implementer(IWorkflowChain)
def official_answer_chain(answer, tool):
    chain = department_chain(department_folder(answer), answer.portal_type)
    return tuple(chain) if chain else DEFAULT_CHAIN

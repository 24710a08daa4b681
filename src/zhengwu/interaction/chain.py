"""The workflow chain of a letter: its department's, not its location's.

Letters live in the site's LetterBox, outside the departments, so the placeful
policy of the routed department is asked for the ``Letter`` chain, as official
answers of 政务知道 do (``participation/chain.py``); a letter not routed yet, or
a department whose policy has no chain for letters, gets ``zhengwu_letter``.
"""

from plone.base.interfaces import IWorkflowChain
from Products.CMFPlacefulWorkflow.interfaces import IPlacefulMarker
from zope.component import adapter
from zope.interface import implementer

from zhengwu.content.letter import ILetter
from zhengwu.participation.chain import department_chain
from zhengwu.participation.departments import department_folder

DEFAULT_CHAIN = ("zhengwu_letter",)


@adapter(ILetter, IPlacefulMarker)
@implementer(IWorkflowChain)
def letter_chain(letter, tool):
    chain = department_chain(department_folder(letter), letter.portal_type)
    return tuple(chain) if chain else DEFAULT_CHAIN

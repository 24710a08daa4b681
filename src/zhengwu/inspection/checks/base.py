"""What every check shares: its rule, title, order and message."""

from zope.interface import implementer

from zhengwu import _
from zhengwu.inspection.interfaces import IInspectionCheck


@implementer(IInspectionCheck)
class Check:
    """Base class: set ``rule``, ``title``, ``order``, ``describe`` and write
    ``__call__``."""

    rule = None
    title = None
    order = 100
    # The msgid of what is wrong, with the finding's detail as its mapping.
    describe = None

    def message(self, detail):
        return _(self.describe, mapping=dict(detail or {}))

"""The review roles on the Sharing page: a site admin gives them through the web."""

from plone.app.workflow.interfaces import ISharingPageRole
from zope.interface import implementer

from zhengwu import _

# Only those who manage users and groups (site admins) may hand out review roles.
DELEGATE = "Plone Site Setup: Users and Groups"


@implementer(ISharingPageRole)
class SectionReviewerRole:
    title = _("Can review for the section")
    required_permission = DELEGATE
    required_interface = None


@implementer(ISharingPageRole)
class LeaderRole:
    title = _("Can sign off as leader")
    required_permission = DELEGATE
    required_interface = None


@implementer(ISharingPageRole)
class ConfidentialityReviewerRole:
    title = _("Can clear confidentiality")
    required_permission = DELEGATE
    required_interface = None


@implementer(ISharingPageRole)
class BookingClerkRole:
    title = _("Can check in bookings")
    required_permission = DELEGATE
    required_interface = None

"""District setup step ``zhengwu.participation``: the question board and moderators.

Makes the board (政务知道, id ``zhidao``, titled from ``participation.toml``) in the
default language root, where members may add questions, stores the departments'
answer deadlines, and makes the ``moderators`` group holding the Moderator role on
the site. Idempotent: an existing board, group and deadlines are left as they are.
"""

import logging

from plone import api

from zhengwu.participation.board import BOARD_ID
from zhengwu.participation.board import board_of
from zhengwu.participation.config import FILENAME
from zhengwu.participation.config import load_participation
from zhengwu.sites.steps import ProfileFileStep

logger = logging.getLogger(__name__)

DEADLINES_RECORD = "zhengwu.participation.answer_deadlines"
MODERATORS = "moderators"
MODERATOR_ROLE = "Moderator"
# Members add questions on the board (their add permission is site-wide; the board
# is the only place that allows the type).
MEMBER_ADDS = ("Add portal content",)


def ensure_board(root, settings):
    board = board_of(root)
    if board is None:
        board = api.content.create(
            container=root,
            type="QuestionBoard",
            id=BOARD_ID,
            title=settings.board_title,
            description=settings.board_description,
        )
    for permission in MEMBER_ADDS:
        board.manage_permission(
            permission, ["Member", "Manager", "Site Administrator"], acquire=True
        )
    return board


def ensure_deadlines(deadlines):
    """Store the answer deadlines unless a site admin has set them."""
    if not api.portal.get_registry_record(DEADLINES_RECORD, default=None):
        api.portal.set_registry_record(DEADLINES_RECORD, dict(deadlines))


def ensure_moderators():
    if api.group.get(groupname=MODERATORS) is None:
        api.group.create(
            groupname=MODERATORS, title="Moderators", roles=[MODERATOR_ROLE]
        )


class ParticipationStep(ProfileFileStep):
    """The question board and the moderators group (order 45, before demo data)."""

    order = 45
    filename = FILENAME
    without = "no question board"
    expected = True

    def apply(self, site, profile, path):
        settings = load_participation(path, {d.id for d in profile.departments})
        ensure_board(site[profile.default_language], settings)
        ensure_deadlines(settings.answer_deadlines)
        ensure_moderators()
        logger.info("Site %s: question board ready", profile.id)

"""District setup step ``zhengwu.mail-queue`` (order 10, light).

Turns on the MailHost's queue (Products.MailHost ``smtp_queue``): mail is written
to a maildir under ``var/mailqueue/<site>`` when the transaction commits and sent
by a thread of the Zope process (``queue.py``), so an unreachable mail server
neither slows down nor undoes the request that sent the mail. A MailHost already
queueing keeps its directory.
"""

import logging
from pathlib import Path

from App.config import getConfiguration
from plone import api
from zope.interface import implementer

from zhengwu.interfaces import IDistrictSetupStep

logger = logging.getLogger(__name__)
QUEUE_FOLDER = "mailqueue"


def queue_directory(site):
    """``<clienthome>/mailqueue/<site id>``, or None without a client home."""
    home = getConfiguration().clienthome
    if not home or not Path(home).is_dir():
        return None
    return Path(home) / QUEUE_FOLDER / site.getId()


def use_mail_queue(mailhost, directory):
    """Queue the mail of ``mailhost`` in the maildir ``directory`` (created)."""
    directory = Path(directory)
    for sub in ("cur", "new", "tmp"):
        (directory / sub).mkdir(parents=True, exist_ok=True)
    mailhost.smtp_queue = True
    mailhost.smtp_queue_directory = str(directory)


@implementer(IDistrictSetupStep)
class MailQueueStep:
    """The district's mail goes through a queue on disk (order 10)."""

    order = 10
    heavy = False

    def __call__(self, site, profile):
        mailhost = api.portal.get_tool("MailHost")
        if mailhost.smtp_queue:
            return
        directory = queue_directory(site)
        if directory is None:
            logger.info("Site %s: no client home, mail is sent directly", site.getId())
            return
        use_mail_queue(mailhost, directory)

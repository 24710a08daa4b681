"""The mail queue's processor: zope.sendmail's, trying a failed mail again soon.

Products.MailHost runs zope.sendmail's ``QueueProcessorThread`` for a MailHost
with ``smtp_queue``. When the mail server cannot be reached, that thread leaves a
``.sending-`` mark next to the message and tries it again only when the mark is
three hours old. This processor removes the mark after a failed attempt and tries
again after a pause that doubles each time, up to ``RETRY_MAX`` seconds.
"""

import os
import time

from zope.sendmail.queue import QueueProcessorThread

RETRY_FIRST = 5
RETRY_MAX = 600


class _WatchedMailer:
    """The queue's mailer, remembering whether its last ``send`` failed."""

    def __init__(self, mailer):
        self.mailer = mailer
        self.failed = False

    def send(self, fromaddr, toaddrs, message):
        self.failed = True
        self.mailer.send(fromaddr, toaddrs, message)
        self.failed = False

    def __getattr__(self, name):
        return getattr(self.mailer, name)


class RetryingQueueProcessor(QueueProcessorThread):
    """A mail that could not be sent is tried again after a growing pause."""

    def __init__(self, interval=3.0):
        super().__init__(interval)
        self._failures = {}  # message file → (attempts, monotonic time of next try)

    def setMailer(self, mailer):
        super().setMailer(_WatchedMailer(mailer))

    def _process_one_file(self, filename):
        attempts, due = self._failures.get(filename, (0, 0))
        if time.monotonic() < due:
            return
        self.mailer.failed = False
        super()._process_one_file(filename)
        # Sent, or refused for good (zope.sendmail set it aside as rejected).
        if not self.mailer.failed or not os.path.exists(filename):
            self._failures.pop(filename, None)
            return
        # Only this thread made the mark (the send was tried): nobody else is
        # sending the message, so the mark may go.
        head, tail = os.path.split(filename)
        self._unlink_if_exists(os.path.join(head, ".sending-" + tail))
        attempts += 1
        pause = min(RETRY_MAX, RETRY_FIRST * 2 ** (attempts - 1))
        self._failures[filename] = (attempts, time.monotonic() + pause)
        self.log.warning("Mail %s not sent; trying again in %d s", tail, pause)

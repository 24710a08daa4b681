"""How much mail anonymous forms may cause (邮件限流): per address and per recipient.

Password resets, registrations and error reports send mail to addresses the
visitor chooses. Each client address may ask for ``per_address_per_hour`` mails
of one kind, and each recipient gets at most ``per_recipient_per_hour`` of them;
the limits are per Zope process (``safety/ratelimit.py``).
"""

from plone import api

from zhengwu import _
from zhengwu.safety.ratelimit import RateLimiter

HOUR = 3600
RECORD = "zhengwu.mail_limits.{}"
DEFAULTS = {
    "per_address_per_hour": 5,
    "per_recipient_per_hour": 3,
    "error_reports_per_hour": 30,
}
COUNTED = "zhengwu.mail_limits.counted"
_limiters = {}


class MailLimited(Exception):
    """Too many mails asked for from one address; ``retry_after`` in seconds."""

    def __init__(self, retry_after):
        super().__init__("mail limit reached")
        self.retry_after = retry_after
        self.message = _(
            "Too many e-mails were requested from your network address. Please "
            "try again in ${minutes} minutes.",
            mapping={"minutes": max(1, round(retry_after / 60))},
        )


def _limiter(name):
    value = api.portal.get_registry_record(RECORD.format(name), default=None)
    limit = value if value else DEFAULTS[name]
    key = (name, limit)
    if key not in _limiters:
        _limiters[key] = RateLimiter(limit, HOUR)
    return _limiters[key]


def _counted_in(request):
    """Keys this request counted, kept across Zope's retries after a ConflictError."""
    environ = getattr(request, "_orig_env", None)
    if environ is None:
        environ = request.environ
    return environ.setdefault(COUNTED, {})


def _hit(request, name, key):
    """Count ``key`` once per request; the limiter's answer, remembered for retries."""
    counted = _counted_in(request)
    if key not in counted:
        counted[key] = _limiter(name).hit(key)
    return counted[key]


def check_address(request, kind):
    """Count a request for mail of ``kind`` from the client, or raise MailLimited."""
    key = f"{kind}:ip:{request.getClientAddr()}"
    if not _hit(request, "per_address_per_hour", key):
        raise MailLimited(_limiter("per_address_per_hour").retry_after(key))


def may_mail(request, recipient):
    """Count a mail to ``recipient``; False when they had enough this hour."""
    key = f"to:{str(recipient or '').strip().lower()}"
    return _hit(request, "per_recipient_per_hour", key)


def may_report(request):
    """Count an error report to the webmaster; False when the hour's are used up."""
    return _hit(request, "error_reports_per_hour", "webmaster")

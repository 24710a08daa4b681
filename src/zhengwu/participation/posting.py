"""Citizens' posts come in here: the ask and answer forms and their REST twins.

One path for every way in, so that each post gets the same checks: plain text
cleaned and bounded, a rate limit per account and per address (per Zope process,
see ``safety/ratelimit.py``), and the sensitive-word check, which holds a post for
moderation instead of publishing it. Questions and strategies always wait for a
moderator; a citizen's answer that passes the checks is published at once. The
honeypot and CSRF token are the forms' own checks (``browser`` views).
"""

from plone import api
from zExceptions import Unauthorized

from zhengwu import _
from zhengwu.content.answer import TEXT_MAX
from zhengwu.content.question import DETAILS_MAX
from zhengwu.participation import moderation
from zhengwu.participation import states
from zhengwu.safety.ratelimit import RateLimiter
from zhengwu.safety.sensitive import sensitive_words_in
from zhengwu.safety.text import PostError
from zhengwu.safety.text import clean_plain_text

TITLE_MAX = 100
STRATEGY_MAX = 10000
HOUR = 3600
RECORD = "zhengwu.participation.{}"
DEFAULT_LIMITS = {"posts_per_hour_per_account": 10, "posts_per_hour_per_address": 30}
# Set on the request by this module: plone.restapi's generic content creation of
# citizens' post types is refused without it (``subscribers.refuse_bypass``).
POSTING = "zhengwu.participation.posting"
COUNTED = "zhengwu.participation.rate_counted"
_limiters = {}


class RateLimited(PostError):
    """Too many posts from one account or address; ``retry_after`` in seconds."""

    def __init__(self, retry_after):
        super().__init__(
            "",
            _(
                "You have posted a lot in a short time. Please try again in "
                "${minutes} minutes.",
                mapping={"minutes": max(1, round(retry_after / 60))},
            ),
        )
        self.retry_after = retry_after


def _setting(name):
    value = api.portal.get_registry_record(RECORD.format(name), default=None)
    return value if value is not None else DEFAULT_LIMITS.get(name)


def _limiter(kind, limit):
    key = (kind, limit)
    if key not in _limiters:
        _limiters[key] = RateLimiter(limit, HOUR)
    return _limiters[key]


def _counted_in(request):
    """The keys this request has counted, kept across Zope's retries of it.

    After a ConflictError Zope publishes the request again as a clone made from
    the same WSGI environ (``HTTPRequest.retry``); a mark there makes the retry
    count nothing the first attempt counted.
    """
    environ = getattr(request, "_orig_env", None)
    if environ is None:
        environ = request.environ
    return environ.setdefault(COUNTED, set())


def check_rate(request, userid):
    """Count a post of ``userid`` from the request's address, or raise RateLimited.

    The address is ``getClientAddr()``: the peer, or behind a trusted proxy the
    hop it appended (trust is the process's configuration: zope.ini, zope.conf).
    """
    checks = (
        (_limiter("account", _setting("posts_per_hour_per_account")), f"a:{userid}"),
        (
            _limiter("address", _setting("posts_per_hour_per_address")),
            f"ip:{request.getClientAddr()}",
        ),
    )
    counted = _counted_in(request)
    for limiter, key in checks:
        if key in counted:
            continue
        if not limiter.hit(key):
            raise RateLimited(limiter.retry_after(key))
        counted.add(key)


def _member():
    if api.user.is_anonymous():
        raise Unauthorized("Log in to post.")
    return api.user.get_current().getId()


def ask_question(board, request, title, details="", guide=None):
    """A citizen asks on ``board``; the question awaits moderation. PostError if bad."""
    userid = _member()
    title = clean_plain_text(title, TITLE_MAX, field="title")
    details = clean_plain_text(details, DETAILS_MAX, field="details", required=False)
    check_rate(request, userid)
    request.set(POSTING, True)
    fields = {"details": details}
    if guide is not None:
        fields["guide"] = guide
    question = api.content.create(
        container=board, type="Question", title=title, **fields
    )
    moderation.hold_if_sensitive(question, sensitive_words_in(title, details))
    return question


def write_strategy(board, request, title, text, guide=None):
    """A citizen shares a strategy (攻略); it always awaits a moderator."""
    from plone.app.textfield.value import RichTextValue

    _member()
    title = clean_plain_text(title, TITLE_MAX, field="title")
    text = clean_plain_text(text, STRATEGY_MAX, field="text")
    check_rate(request, api.user.get_current().getId())
    request.set(POSTING, True)
    fields = {"text": RichTextValue(text, "text/plain", "text/x-html-safe")}
    if guide is not None:
        fields["guide"] = guide
    strategy = api.content.create(
        container=board, type="Strategy", title=title, **fields
    )
    if guide is not None:
        strategy.guide_revision = getattr(guide.to_object, "revision", 0) or 0
    moderation.hold_if_sensitive(strategy, sensitive_words_in(title, text))
    return strategy


def answer_question(question, request, text):
    """A citizen answers; published at once unless the text is held for moderation."""
    userid = _member()
    if not api.user.has_permission("zhengwu: Add Answer", obj=question):
        raise Unauthorized("This question takes no answers.")
    text = clean_plain_text(text, TEXT_MAX, field="text")
    check_rate(request, userid)
    request.set(POSTING, True)
    answer = api.content.create(
        container=question, type="Answer", id="answer", safe_id=True, text=text
    )
    if not moderation.hold_if_sensitive(answer, sensitive_words_in(text)):
        states.publish_post(answer)
    return answer

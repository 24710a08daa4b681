"""District setup step ``zhengwu.error-log`` (order 5, light).

A visitor's bad input answers 400 (``BadRequest``): that is the visitor's error,
not the site's, so the site's error log ignores it like ``NotFound``. Otherwise
anyone could fill the log (and the event log it copies to) with tracebacks.
"""

from zope.interface import implementer

from zhengwu.interfaces import IDistrictSetupStep

VISITORS_ERRORS = ("BadRequest",)


def ignore_visitors_errors(error_log):
    """Add the visitors' errors to what ``error_log`` ignores, keeping the rest."""
    ignored = tuple(error_log._ignored_exceptions)
    missing = tuple(name for name in VISITORS_ERRORS if name not in ignored)
    if missing:
        error_log.setProperties(
            error_log.keep_entries, error_log.copy_to_zlog, ignored + missing
        )


@implementer(IDistrictSetupStep)
class ErrorLogStep:
    """The site's error log ignores visitors' bad requests (order 5)."""

    order = 5
    heavy = False

    def __call__(self, site, profile):
        error_log = getattr(site, "error_log", None)
        if error_log is not None:
            ignore_visitors_errors(error_log)
